/**
 * The `rntk` contestant (docs/realdata.md §3, "The recurrent NTK on tabular rows"): each row a scalar
 * sequence of its d features, the rows divided by the largest row norm, ReLU, σ_w = √2, σ_v = 1, the grid
 * σ_u (outer) then σ_b (inner). Its matrices are rntkGram's on those rows, configuration by configuration; they
 * are symmetric and positive semi-definite; with d = 1 they are the closed form of the T = 1 recursion; the
 * protocol runs it and the link names it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libsvmForNode } from '../../cli/libsvmNode';
import { symmetricEigen } from '../../src/core/numerics/symmetricEigen';
import { CONTESTANT_NAMES, contestant } from '../../src/core/realdata/contestants';
import { datasetFromJson } from '../../src/core/realdata/dataset';
import { runProtocol } from '../../src/core/realdata/protocol';
import { rowSequences } from '../../src/core/realdata/rowSequences';
import { rntk, rntkGram, type Sequence } from '../../src/core/rntk/recursion';
import { parseLink } from '../../src/link';
import { configurationText } from '../../src/ui/panels/realdata/realdataText';

const load = (name: string) => datasetFromJson(JSON.parse(readFileSync(`public/data/uci90/${name}.json`, 'utf8')));

/** The grid of §3 in its order: σ_u outer, σ_b inner. */
const GRID = [0.25, 0.5, 1, 2].flatMap((su) => [0, 0.1, 1].map((sb) => ({ su, sb })));
const relu = (su: number, sb: number) => ({ act: 'relu' as const, sw: Math.SQRT2, su, sb, sv: 1 });

/** The rows divided by the largest row norm, written out here independently of rowSequences. */
function normalizedRows(x: Float64Array, n: number, d: number): Sequence[] {
  const norms = Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k] * x[i * d + k];
    return Math.sqrt(s);
  });
  const largest = Math.max(...norms);
  return norms.map((_, i) => ({
    values: Float64Array.from({ length: d }, (_, k) => x[i * d + k] / largest),
    T: d,
    d: 1,
  }));
}

const norm = (s: Sequence) => Math.sqrt(s.values.reduce((sum, v) => sum + v * v, 0));

describe('rntk: the recurrent NTK of rows read as sequences', () => {
  const rntkContestant = contestant('rntk')!;

  it('is a contestant of 12 configurations, named by the link and the panel', () => {
    expect(CONTESTANT_NAMES).toContain('rntk');
    expect(rntkContestant.size).toBe(12);
    const { state, repairs } = parseLink('?contest=ntk,rntk&pair=rntk,ntk');
    expect(state.contest).toBe('ntk,rntk');
    expect(state.pair).toBe('rntk,ntk');
    expect(repairs).toEqual([]);
    expect(configurationText({ params: { su: 0.5, sb: 0.1 }, C: 10 })).toBe('σ_u=0.5, σ_b=0.1, C=10');
  });

  it('matrices: rntkGram of the normalized rows per configuration, σ_u outer, σ_b inner; `only` gives the same', () => {
    const tissue = load('breast-tissue');
    const { x, n, d } = tissue;
    const rows = normalizedRows(x, n, d);
    const all = [...rntkContestant.matrices(x, n, d, 1)];
    expect(all.map((c) => c.params)).toEqual(GRID);
    all.forEach(({ params, K }, index) => {
      expect(K).toEqual(rntkGram(rows, relu(params.su, params.sb)));
      const [alone] = rntkContestant.matrices(x, n, d, 1, index);
      expect(alone.params).toEqual(params);
      expect(alone.K).toEqual(K);
    });
    // the configurations differ: the grid is not one matrix twelve times
    expect(new Set(all.map(({ K }) => K[1])).size).toBe(12);
  });

  it('the largest normalized row norm is 1, every other below it, the ratios of the norms kept', () => {
    const tissue = load('breast-tissue');
    const sequences = rowSequences(tissue.x, tissue.n, tissue.d);
    const norms = sequences.map(norm);
    expect(Math.max(...norms)).toBeCloseTo(1, 15);
    expect(Math.min(...norms)).toBeLessThan(0.5);
    const raw = normalizedRows(tissue.x, tissue.n, tissue.d).map(norm);
    norms.forEach((v, i) => expect(v).toBeCloseTo(raw[i], 15));
    expect(sequences.every((s) => s.T === tissue.d && s.d === 1)).toBe(true);
    // every row 0: nothing to divide by, the zeros stay zeros (no NaN)
    expect([...rowSequences(new Float64Array(6), 2, 3)[1].values]).toEqual([0, 0, 0]);
  });

  it('every configuration’s matrix is symmetric and positive semi-definite (256-step sequences)', () => {
    const semeion = load('semeion');
    const n = 24;
    const x = semeion.x.subarray(0, n * semeion.d);
    for (const { params, K } of rntkContestant.matrices(x, n, semeion.d, 1)) {
      let trace = 0;
      for (let i = 0; i < n; i++) {
        trace += K[i * n + i];
        for (let j = 0; j < i; j++) expect(K[i * n + j]).toBe(K[j * n + i]);
      }
      const smallest = Math.min(...symmetricEigen(K, n).values);
      expect(smallest, JSON.stringify(params)).toBeGreaterThanOrEqual(-1e-10 * trace);
    }
  });

  it('d = 1 by hand: K = F(s_x, s_z, Σ) + G·Σ with Σ = σ_u²xz + σ_b², s_x = σ_u²x² + σ_b², rows over max |x|', () => {
    const x = Float64Array.from([2, -1, 0.5]);
    const scaled = [1, -0.5, 0.25];
    const K = [...rntkContestant.matrices(x, 3, 1, 1)];
    for (const { params, K: matrix } of K) {
      const { su, sb } = params;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const [a, b] = [scaled[i], scaled[j]];
          const s = (v: number) => su * su * v * v + sb * sb;
          const sigma = su * su * a * b + sb * sb;
          const theta = Math.acos(Math.min(1, sigma / Math.sqrt(s(a) * s(b))));
          const F = (Math.sqrt(s(a) * s(b)) * (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta))) / (2 * Math.PI);
          const G = (Math.PI - theta) / (2 * Math.PI);
          expect(matrix[i * 3 + j], `${su} ${sb} ${i} ${j}`).toBeCloseTo(F + G * sigma, 12);
          const one = (v: number): Sequence => ({ values: Float64Array.of(v), T: 1, d: 1 });
          expect(matrix[i * 3 + j]).toBe(rntk(one(a), one(b), relu(su, sb)));
        }
      }
    }
    // x = 2 against itself at σ_u = 1, σ_b = 0: Σ = s = 1, θ = 0, K = F + G = 1/2 + 1/2
    expect(K[6].params).toEqual({ su: 1, sb: 0 });
    expect(K[6].K[0]).toBeCloseTo(1, 14);
  });

  it('runs the protocol on iris: 4 folds, within 3 points of ntk', async () => {
    const accuracies = await libsvmForNode();
    const iris = load('iris');
    const [ntk, recurrent] = ['ntk', 'rntk'].map((name) => runProtocol(iris, contestant(name)!, 'zscore', accuracies));
    expect(recurrent.folds).toHaveLength(4);
    expect(Object.keys(recurrent.params)).toEqual(['su', 'sb']);
    expect(Math.abs(recurrent.accuracy - ntk.accuracy), `${recurrent.accuracy} vs ${ntk.accuracy}`).toBeLessThan(0.03);
  });
});
