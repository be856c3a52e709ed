/**
 * The real-data core against direct formulas and hand-checkable cases (docs/realdata.md §2–§3): the
 * contestants' kernel matrices, the median distance, the SVM on separable and three-class data, the
 * class order, and the protocol's tie rule.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { libsvmForNode } from '../../cli/libsvmNode';
import { COSTS, CONTESTANTS, contestant } from '../../src/core/realdata/contestants';
import { datasetFromJson, medianDistance, preparedRows } from '../../src/core/realdata/dataset';
import { runProtocol } from '../../src/core/realdata/protocol';
import { classOrdered, type SvmAccuracies } from '../../src/core/realdata/svm';
import type { Dataset } from '../../src/core/realdata/types';

const iris = datasetFromJson(JSON.parse(readFileSync('public/data/uci90/iris.json', 'utf8')));

const distance = (x: Float64Array, d: number, i: number, j: number) => {
  let s = 0;
  for (let k = 0; k < d; k++) s += (x[i * d + k] - x[j * d + k]) ** 2;
  return Math.sqrt(s);
};
const dot = (x: Float64Array, d: number, i: number, j: number) => {
  let s = 0;
  for (let k = 0; k < d; k++) s += x[i * d + k] * x[j * d + k];
  return s;
};
const matrices = (name: string, points: Float64Array, n: number, d: number, m: number) => [
  ...contestant(name)!.matrices(points, n, d, m),
];

describe('contestants: grids and kernel matrices', () => {
  it('have the grids of docs/realdata.md §3, in grid order', () => {
    const grid = (name: string) => matrices(name, iris.x.subarray(0, 8), 2, 4, 2).map((c) => c.params);
    expect(grid('arora')).toEqual(
      [0, 1, 2, 3, 4].flatMap((dep) => Array.from({ length: dep + 1 }, (_, fix) => ({ dep, fix }))),
    );
    expect(grid('ntk')).toEqual([1, 2, 3, 4, 5].map((L) => ({ L })));
    const A = [1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8];
    expect(grid('laplace')).toEqual(A.map((a) => ({ a, c: a / 2 })));
    expect(grid('gauss')).toEqual(A.map((a) => ({ a, c: a / 4 })));
    expect(grid('gexp')).toEqual([0.5, 1.5].flatMap((gamma) => A.map((a) => ({ gamma, a, c: a / 2 ** gamma }))));
    for (const c of CONTESTANTS) expect(matrices(c.name, iris.x.subarray(0, 8), 2, 4, 2)).toHaveLength(c.size);
    expect(COSTS).toEqual([0.01, 0.1, 1, 10, 100, 1000, 10000]);
  });

  const n = 40;
  const { d } = iris;
  const x = iris.x.subarray(0, n * d);
  const m = medianDistance(
    x,
    d,
    Array.from({ length: n }, (_, i) => i),
  );

  it('laplace, gexp and gauss: exp(−c‖x − z‖^γ) entry by entry, to 1e−14', () => {
    for (const [name, gammaOf] of [
      ['laplace', () => 1],
      ['gauss', () => 2],
      ['gexp', (p: Record<string, number>) => p.gamma],
    ] as const) {
      for (const { params, K } of matrices(name, x, n, d, m)) {
        const gamma = gammaOf(params);
        expect(params.c).toBeCloseTo(params.a / m ** gamma, 14);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const want = Math.exp(-params.c * distance(x, d, i, j) ** gamma);
            expect(Math.abs(K[i * n + j] - want), `${name} ${JSON.stringify(params)} (${i}, ${j})`).toBeLessThan(1e-14);
          }
        }
      }
    }
  });

  it('arora: dep = 0 is xᵀz; every matrix symmetric, with a positive diagonal', () => {
    const all = matrices('arora', x, n, d, m);
    const linear = all[0].K;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(linear[i * n + j]).toBeCloseTo(dot(x, d, i, j), 13);
    for (const { K } of all) {
      for (let i = 0; i < n; i++) {
        expect(K[i * n + i]).toBeGreaterThan(0);
        for (let j = 0; j < i; j++) expect(K[i * n + j]).toBe(K[j * n + i]);
      }
    }
  });

  it('arora: one hidden layer by hand — NTK = xᵀz(1 + (π − θ)/(2π)) + ‖x‖‖z‖(ρ(π − θ) + √(1 − ρ²))/(2π)', () => {
    const K = matrices('arora', x, n, d, m).find((c) => c.params.dep === 1 && c.params.fix === 0)!.K;
    const nngp = matrices('arora', x, n, d, m).find((c) => c.params.dep === 1 && c.params.fix === 1)!.K;
    for (const [i, j] of [
      [0, 1],
      [3, 17],
      [5, 5],
      [22, 39],
    ]) {
      const s = dot(x, d, i, j);
      const norms = Math.sqrt(dot(x, d, i, i) * dot(x, d, j, j));
      const rho = Math.min(1, Math.max(-1, s / norms));
      const theta = Math.acos(rho);
      const sigma1 = (norms * (rho * (Math.PI - theta) + Math.sqrt(1 - rho * rho))) / (2 * Math.PI);
      expect(nngp[i * n + j]).toBeCloseTo(sigma1, 12);
      expect(K[i * n + j]).toBeCloseTo(s * ((Math.PI - theta) / (2 * Math.PI)) + sigma1, 12);
    }
  });

  it('ntk(L) = 2^L × arora(dep = L, fix = 0), relative 1e−12 (docs/realdata.md §3; arora stops at dep = 4)', () => {
    const arora = matrices('arora', x, n, d, m);
    for (const { params, K } of matrices('ntk', x, n, d, m).filter((c) => c.params.L <= 4)) {
      const A = arora.find((c) => c.params.dep === params.L && c.params.fix === 0)!.K;
      for (let e = 0; e < n * n; e++) {
        expect(Math.abs(K[e] - 2 ** params.L * A[e])).toBeLessThanOrEqual(1e-12 * Math.abs(K[e]));
      }
    }
  });

  it('median distance: mean of the two middle values for an even count; prep=sphere puts rows on the sphere', () => {
    // points 0, 1, 3, 7 on a line: distances 1, 3, 7, 2, 6, 4 → sorted 1 2 3 4 6 7 → (3 + 4)/2
    expect(medianDistance(Float64Array.of(0, 1, 3, 7), 1, [0, 1, 2, 3])).toBe(3.5);
    // three points: distances 1, 3, 2 → 2
    expect(medianDistance(Float64Array.of(0, 1, 3), 1, [0, 1, 2])).toBe(2);
    // only the rows named count
    expect(medianDistance(Float64Array.of(0, 100, 3), 1, [0, 2])).toBe(3);
    const sphere = preparedRows(iris, 'sphere');
    for (let i = 0; i < iris.n; i++) expect(dot(sphere, d, i, i)).toBeCloseTo(1, 14);
    expect(preparedRows(iris, 'zscore')).toBe(iris.x);
  });
});

describe('the SVM (LIBSVM through libsvm-js)', () => {
  let accuracies: SvmAccuracies;
  beforeAll(async () => {
    accuracies = await libsvmForNode();
  });

  /** A precomputed linear kernel of points in R^d. */
  const linear = (points: number[][]) => {
    const n = points.length;
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) K[i * n + j] = points[i].reduce((s, v, k) => s + v * points[j][k], 0);
    return K;
  };

  it('separates separable points at every cost', () => {
    const points = [[-2], [-1.5], [-1], [1], [1.5], [2], [-3], [3]].map((p) => [...p, 1]);
    const y = Int32Array.of(0, 0, 0, 1, 1, 1, 0, 1);
    expect(accuracies(linear(points), 8, y, [0, 1, 2, 3, 4, 5], [6, 7], [0.1, 1, 100])).toEqual([1, 1, 1]);
  });

  it('three classes by one-vs-one vote, with the training rows in any class order', () => {
    // three clusters around the vertices of a triangle; the label is the nearest vertex
    const vertex = [
      [1, 0],
      [-0.5, 0.8660254037844386],
      [-0.5, -0.8660254037844386],
    ];
    const points: number[][] = [];
    const labels: number[] = [];
    for (let c = 0; c < 3; c++) {
      for (const [dx, dy] of [
        [0, 0],
        [0.1, 0.05],
        [-0.05, 0.1],
        [0.07, -0.08],
      ]) {
        points.push([vertex[c][0] + dx, vertex[c][1] + dy, 1]);
        labels.push(c);
      }
    }
    const y = Int32Array.from(labels);
    const train = [10, 9, 8, 6, 5, 4, 2, 1, 0]; // classes first appear as 2, 1, 0
    expect(classOrdered(train, y)).toEqual([2, 1, 0, 6, 5, 4, 10, 9, 8]);
    expect(accuracies(linear(points), 12, y, train, [3, 7, 11], [1, 100])).toEqual([1, 1]);
  });
});

describe('the protocol (docs/realdata.md §2)', () => {
  /** A fake SVM whose validation accuracies come from a table (one per configuration and cost). */
  const scripted = (validation: number[][], fold = 0.5): SvmAccuracies => {
    let call = 0;
    return (_K, _n, _y, _train, _test, costs) =>
      costs.length === COSTS.length ? validation[call++] : costs.map(() => fold);
  };
  const tiny: Dataset = {
    ...iris,
    validation: { train: iris.validation.train.slice(0, 20), test: iris.validation.test.slice(0, 20) },
  };
  const gauss = contestant('gauss')!;

  it('keeps the first configuration with the highest validation accuracy; a later one only if strictly better', () => {
    const table = Array.from({ length: gauss.size }, () => COSTS.map(() => 0.5));
    table[2][3] = 0.9; // a = 1/2, C = 10
    table[4][1] = 0.9; // as good, later: not taken
    table[5][6] = 0.9;
    const first = runProtocol(tiny, gauss, 'zscore', scripted(table));
    expect([first.params.a, first.C, first.validation]).toEqual([0.5, 10, 0.9]);
    table[6][0] = 0.9000001; // strictly better, later: taken
    const later = runProtocol(tiny, gauss, 'zscore', scripted(table));
    expect([later.params.a, later.C, later.validation]).toEqual([8, 0.01, 0.9000001]);
    expect(later.folds).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(later.accuracy).toBe(0.5);
  });

  it('reports progress once per configuration', () => {
    const seen: number[] = [];
    runProtocol(
      tiny,
      gauss,
      'zscore',
      scripted(Array.from({ length: 7 }, () => COSTS.map(() => 0.5))),
      (done, total) => {
        expect(total).toBe(7);
        seen.push(done);
      },
    );
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
