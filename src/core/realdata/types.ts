/**
 * The real-data experiments (docs/realdata.md): the shapes shared by the data, the protocol, the
 * summaries, the workers and the figure. Indices are 0-based rows; accuracies are fractions in [0, 1].
 */

/** A train/test pair of row indices (realdata.md §1). */
export interface Split {
  train: number[];
  test: number[];
}

/** One classification data set as distributed (realdata.md §1) or read from a CSV file. */
export interface Dataset {
  name: string;
  n: number;
  d: number;
  classes: number;
  /** row-major n·d features */
  x: Float64Array;
  /** n class indices 0..classes−1 */
  y: Int32Array;
  /** the 50/50 split used only to choose hyper-parameters */
  validation: Split;
  /** the four train/test pairs that measure the accuracy */
  folds: Split[];
}

/** A contestant's chosen configuration and its accuracies on one data set (realdata.md §2). */
export interface ContestantResult {
  /** the chosen grid values, named as realdata.md §3 lists them */
  params: Record<string, number>;
  /** the chosen SVM cost */
  C: number;
  /** accuracy on validation.test with the chosen configuration */
  validation: number;
  /** accuracy on each fold's test set */
  folds: number[];
  /** mean of `folds`: the data set's accuracy */
  accuracy: number;
}

/** Per-contestant summary over a set of data sets (realdata.md §4). */
export interface ContestantSummary {
  mean: number;
  friedman: number;
  p90: number;
  p95: number;
  pma: number;
}

/** Pair statistics of contestants a and b over a set of data sets (realdata.md §4). */
export interface PairSummary {
  a: string;
  b: string;
  /** mean over data sets of acc(a) − acc(b) */
  meanDiff: number;
  wins: number;
  ties: number;
  losses: number;
  /** two-sided Wilcoxon signed-rank p (normal approximation, tie correction, no continuity correction); null when every difference is 0 */
  p: number | null;
}
