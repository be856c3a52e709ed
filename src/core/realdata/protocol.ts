/**
 * The protocol for one data set and one contestant (docs/realdata.md §2):
 * 1. Choose: for every configuration in grid order, and every cost C ascending (the innermost loop), train
 *    on validation.train and measure accuracy on validation.test; the first configuration with the highest
 *    validation accuracy is kept (a later one replaces it only if strictly better).
 * 2. Test: with that configuration, train on each fold's training rows and measure accuracy on its test
 *    rows; the data set's accuracy is the mean of the four.
 * Each kernel matrix is computed once over all n rows and indexed by the splits.
 */
import { COSTS, type Contestant } from './contestants';
import { medianDistance, preparedRows, type Prep } from './dataset';
import type { SvmAccuracies } from './svm';
import type { ContestantResult, Dataset } from './types';

/** Progress within one run: configurations done of the contestant's grid. */
export type ProtocolProgress = (done: number, total: number) => void;

export function runProtocol(
  dataset: Dataset,
  contestant: Contestant,
  prep: Prep,
  accuracies: SvmAccuracies,
  progress: ProtocolProgress = () => {},
): ContestantResult {
  const { n, d, y, validation, folds } = dataset;
  const points = preparedRows(dataset, prep);
  const m = medianDistance(points, d, validation.train);
  let best: { index: number; params: Record<string, number>; C: number; validation: number } | null = null;
  let index = 0;
  for (const { params, K } of contestant.matrices(points, n, d, m)) {
    const scores = accuracies(K, n, y, validation.train, validation.test, COSTS);
    scores.forEach((score, at) => {
      if (best === null || score > best.validation) best = { index, params, C: COSTS[at], validation: score };
    });
    progress(++index, contestant.size);
  }
  if (best === null) throw new Error(`${contestant.name}: empty grid`);
  const chosen: { index: number; params: Record<string, number>; C: number; validation: number } = best;
  // the chosen matrix is computed again rather than kept: one n×n matrix in memory at a time (n ≤ 5000)
  const [{ K }] = contestant.matrices(points, n, d, m, chosen.index);
  const foldAccuracies = folds.map((fold) => accuracies(K, n, y, fold.train, fold.test, [chosen.C])[0]);
  return {
    params: chosen.params,
    C: chosen.C,
    validation: chosen.validation,
    folds: foldAccuracies,
    accuracy: foldAccuracies.reduce((s, a) => s + a, 0) / foldAccuracies.length,
  };
}
