/**
 * The `ntk-rf` contestant (docs/realdata.md §3, "Random features against the exact NTK"): its kernel matrix
 * approaches the `ntk` contestant's as the number of random directions grows, a configuration recomputed
 * alone is the same matrix, the protocol on iris scores within a few points of `ntk`, and the link names it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libsvmForNode } from '../../cli/libsvmNode';
import { contestant, NTK_RF_DIMENSION, NTK_RF_SEED } from '../../src/core/realdata/contestants';
import { datasetFromJson, medianDistance } from '../../src/core/realdata/dataset';
import { ntkRandomFeatureGram } from '../../src/core/realdata/ntkFeatures';
import { runProtocol } from '../../src/core/realdata/protocol';
import { parseLink } from '../../src/link';

const iris = datasetFromJson(JSON.parse(readFileSync('public/data/uci90/iris.json', 'utf8')));

const relativeError = (approx: Float64Array, exact: Float64Array) => {
  let diff = 0;
  let norm = 0;
  for (let e = 0; e < exact.length; e++) {
    diff += (approx[e] - exact[e]) ** 2;
    norm += exact[e] ** 2;
  }
  return Math.sqrt(diff / norm);
};

describe('ntk-rf: random features for the NTK on real data', () => {
  const n = 30;
  const { d } = iris;
  // every fifth row: all three classes
  const x = Float64Array.from({ length: n * d }, (_, e) => iris.x[Math.floor(e / d) * 5 * d + (e % d)]);
  const exact = [...contestant('ntk')!.matrices(x, n, d, 1)];

  it('K̂ approaches the ntk contestant’s matrix as D grows (error ∝ D^−1/2: ×8 fewer at 64× the directions)', () => {
    for (const L of [1, 2]) {
      const K = exact.find((c) => c.params.L === L)!.K;
      const errors = [64, 4096].map((D) => relativeError(ntkRandomFeatureGram(x, n, d, L, D, 3), K));
      expect(errors[1], `L = ${L}: ${errors}`).toBeLessThan(errors[0] / 3);
      expect(errors[1], `L = ${L}`).toBeLessThan(0.1);
    }
  });

  it('has the ntk grid; each configuration is its own seeded draw, the same when recomputed alone', () => {
    const rf = contestant('ntk-rf')!;
    const all = [...rf.matrices(x, n, d, 1)];
    expect(all.map((c) => c.params)).toEqual(exact.map((c) => c.params));
    const [{ K: third }] = rf.matrices(x, n, d, 1, 2);
    expect(third).toEqual(all[2].K);
    expect(all[0].K).toEqual(ntkRandomFeatureGram(x, n, d, 1, NTK_RF_DIMENSION, NTK_RF_SEED));
  });

  it('runs the protocol on iris within 3 points of ntk', async () => {
    const accuracies = await libsvmForNode();
    const [ntk, rf] = ['ntk', 'ntk-rf'].map((name) => runProtocol(iris, contestant(name)!, 'zscore', accuracies));
    expect(medianDistance(iris.x, d, iris.validation.train)).toBeGreaterThan(0);
    expect(rf.folds).toHaveLength(4);
    expect(Math.abs(rf.accuracy - ntk.accuracy), `${rf.accuracy} vs ${ntk.accuracy}`).toBeLessThanOrEqual(0.03);
  });

  it('the link accepts contest=ntk,ntk-rf and a pair with it', () => {
    const { state, repairs } = parseLink('?contest=ntk,ntk-rf&pair=ntk-rf,ntk');
    expect(state.contest).toBe('ntk,ntk-rf');
    expect(state.pair).toBe('ntk-rf,ntk');
    expect(repairs).toEqual([]);
  });
});
