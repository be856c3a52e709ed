/**
 * The summaries of the real-data experiments (realdata.md §4): per-contestant mean accuracy, Friedman rank,
 * P90 / P95 and PMA, and per-pair mean difference, wins / ties / losses and the two-sided Wilcoxon
 * signed-rank p-value. Pure TypeScript; `accuracies[i][j]` is data set i, contestant j.
 */
import { erfc } from '../numerics/erf';
import type { ContestantSummary, PairSummary } from './types';

/**
 * Rounds to 12 decimals (realdata.md §4: accuracies are compared after rounding to 12 decimals), half away
 * from zero so that roundAccuracy(−d) = −roundAccuracy(d) for differences. Idempotent: a rounded value is
 * the double nearest to m·1e−12, and rounding it again gives the same double.
 */
export function roundAccuracy(a: number): number {
  return (Math.sign(a) * Math.round(Math.abs(a) * 1e12)) / 1e12;
}

/** The rounded accuracies; every statistic below is computed from them, so equal ones differ by exactly 0. */
function roundedTable(contestants: readonly string[], accuracies: readonly (readonly number[])[]): number[][] {
  if (accuracies.length === 0) throw new RangeError('realdata summary: no data sets');
  return accuracies.map((row, i) => {
    if (row.length !== contestants.length) {
      throw new RangeError(`realdata summary: data set ${i} has ${row.length} accuracies, not ${contestants.length}`);
    }
    return row.map(roundAccuracy);
  });
}

/** Ranks of `v`, 1 = largest; tied values get the mean of the ranks they span (1 + #larger + (#equal − 1)/2). */
function descendingRanks(v: readonly number[]): number[] {
  return v.map((x) => {
    let larger = 0;
    let equal = 0;
    for (const y of v) {
      if (y > x) larger++;
      else if (y === x) equal++;
    }
    return 1 + larger + (equal - 1) / 2;
  });
}

/**
 * Mean accuracy, Friedman rank, P90, P95 and PMA of every contestant (realdata.md §4), keyed by name.
 * Throws a RangeError for zero data sets (every statistic would be 0/0) or a row of the wrong length.
 */
export function summarize(
  contestants: readonly string[],
  accuracies: readonly (readonly number[])[],
): Record<string, ContestantSummary> {
  const table = roundedTable(contestants, accuracies);
  const n = table.length;
  const sums = contestants.map(() => ({ mean: 0, friedman: 0, p90: 0, p95: 0, pma: 0 }));
  for (const row of table) {
    const max = Math.max(...row);
    const ranks = descendingRanks(row);
    const at90 = roundAccuracy(0.9 * max);
    const at95 = roundAccuracy(0.95 * max);
    row.forEach((a, j) => {
      const s = sums[j];
      s.mean += a;
      s.friedman += ranks[j];
      if (a >= at90) s.p90++;
      if (a >= at95) s.p95++;
      s.pma += max === 0 ? 1 : a / max; // a data set where every contestant scores 0 counts as 1
    });
  }
  const out: Record<string, ContestantSummary> = {};
  contestants.forEach((name, j) => {
    const s = sums[j];
    out[name] = { mean: s.mean / n, friedman: s.friedman / n, p90: s.p90 / n, p95: s.p95 / n, pma: s.pma / n };
  });
  return out;
}

/** Mean difference, wins / ties / losses and Wilcoxon p of every pair a before b in the given order (realdata.md §4). */
export function pairStatistics(
  contestants: readonly string[],
  accuracies: readonly (readonly number[])[],
): PairSummary[] {
  const table = roundedTable(contestants, accuracies);
  const pairs: PairSummary[] = [];
  for (let ja = 0; ja < contestants.length; ja++) {
    for (let jb = ja + 1; jb < contestants.length; jb++) {
      const diffs = table.map((row) => roundAccuracy(row[ja] - row[jb]));
      const test = wilcoxonSignedRank(diffs);
      pairs.push({
        a: contestants[ja],
        b: contestants[jb],
        meanDiff: diffs.reduce((s, d) => s + d, 0) / diffs.length,
        wins: diffs.filter((d) => d > 0).length,
        ties: diffs.filter((d) => d === 0).length,
        losses: diffs.filter((d) => d < 0).length,
        p: test === null ? null : test.p,
      });
    }
  }
  return pairs;
}

/**
 * Two-sided Wilcoxon signed-rank test of the differences (realdata.md §4), as SciPy 1.10's
 * `wilcoxon(a, b, zero_method="wilcox", correction=False, method="approx")`: differences that round to 0
 * (12 decimals) are dropped; the n others are ranked by rounded |d| (ties get mean ranks); the statistic is
 * T = min(R+, R−); z = (T − n(n+1)/4) / σ with σ² = [n(n+1)(2n+1) − ½ Σ t(t² − 1)] / 24 over the tie groups of
 * size t (the operations in SciPy's order), so z ≤ 0; p = 2Φ(−|z|) = erfc(|z|/√2). Returns null when no
 * difference is non-zero (SciPy raises a ValueError there).
 */
export function wilcoxonSignedRank(diffs: readonly number[]): { statistic: number; z: number; p: number } | null {
  const d = diffs.map(roundAccuracy).filter((x) => x !== 0);
  const n = d.length;
  if (n === 0) return null;
  const abs = d.map(Math.abs);
  const order = abs.map((_, i) => i).sort((i, j) => abs[i] - abs[j]);
  const rank = new Array<number>(n);
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && abs[order[end]] === abs[order[start]]) end++;
    const t = end - start;
    for (let q = start; q < end; q++) rank[order[q]] = (start + 1 + end) / 2; // mean of ranks start+1..end
    tieTerm += t * (t * t - 1);
    start = end;
  }
  let rPlus = 0;
  let rMinus = 0;
  d.forEach((x, i) => {
    if (x > 0) rPlus += rank[i];
    else rMinus += rank[i];
  });
  const statistic = Math.min(rPlus, rMinus);
  const mean = n * (n + 1) * 0.25;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1) - 0.5 * tieTerm) / 24);
  const z = (statistic - mean) / sd;
  return { statistic, z, p: erfc(Math.abs(z) * Math.SQRT1_2) };
}
