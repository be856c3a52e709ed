/**
 * Gram matrices of seeded random points of R^d and a scale-free distance between two kernels' Gram
 * matrices, on the raw points and on the same points projected onto the sphere. On S^{d−1} the NTK and a
 * Laplace kernel nearly agree (math.md §4); off it the bias-free NTK is homogeneous (math.md §2.2) and the
 * Laplace kernel shift-invariant (§2.3), unless made homogeneous (§2.4). This readout measures that.
 *
 * Every kernel depends on a pair only through ‖x‖, ‖z‖ and xᵀz: the O(d) work is one inner product per pair
 * (and the norms once per point); the kernels then run on rows of pairs (kernels/rows.ts `RowKernel`).
 */
import { dot as innerProduct } from '../numerics/dot';
import { family, type KernelInstance } from '../kernels/registry';
import { cosineFromCarried } from '../kernels/ntk';
import { rowKernel, type PairRow, type RowKernel } from '../kernels/rows';
import { seededRandom } from '../numerics/random';

function checkShape(length: number, n: number, d: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1 || length !== n * d) {
    throw new RangeError(`expected ${n}×${d} points, got an array of ${length}`);
  }
}

/**
 * n points of R^d: directions uniform on S^{d−1}, norms log-uniform in [1/spread, spread] (spread = 1: all
 * on the sphere), from the seeded generator (random.ts). Row-major n×d.
 * Point i draws, in this order, d normal deviates g (its direction g/‖g‖, redrawn in the measure-zero event
 * g = 0) and one uniform u (its norm spread^(2u−1)). So the first m points do not depend on n, and the
 * directions do not depend on spread.
 */
export function pointCloud(n: number, d: number, spread: number, seed: number): Float64Array {
  if (!(spread > 0) || !Number.isFinite(spread)) throw new RangeError(`spread must be positive, got ${spread}`);
  checkShape(n * d, n, d);
  const points = new Float64Array(n * d);
  const random = seededRandom(seed);
  const logSpread = Math.log(spread);
  for (let i = 0; i < n; i++) {
    const row = points.subarray(i * d, (i + 1) * d);
    let squares = 0;
    while (squares === 0) {
      for (let k = 0; k < d; k++) {
        row[k] = random.normal();
        squares += row[k] * row[k];
      }
    }
    const scale = Math.exp((2 * random.uniform() - 1) * logSpread) / Math.sqrt(squares);
    for (let k = 0; k < d; k++) row[k] *= scale;
  }
  return points;
}

/** Euclidean norm of every row. */
function rowNorms(points: Float64Array, n: number, d: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = i * d; k < (i + 1) * d; k++) s += points[k] * points[k];
    norms[i] = Math.sqrt(s);
  }
  return norms;
}

/** Every row divided by its norm (a zero row stays zero). */
export function projectToSphere(points: Float64Array, n: number, d: number): Float64Array {
  checkShape(points.length, n, d);
  const norms = rowNorms(points, n, d);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    if (norms[i] === 0) continue;
    for (let k = i * d; k < (i + 1) * d; k++) out[k] = points[k] / norms[i];
  }
  return out;
}

/**
 * Where 1 ∓ xᵀz/(‖x‖‖z‖) falls below this, the rounded cosine has lost too many digits for the cusps at
 * θ = 0 and θ = π (math.md §1, §2.2 "Numerical accuracy"): the carried cosine ‖x̂ ∓ ẑ‖²/2 and ‖x − z‖² are
 * then formed from the coordinates. Elsewhere they follow from the inner product, with relative errors
 * below ~16·√d·ε, and ‖x − z‖² = (‖x‖ − ‖z‖)² + 2‖x‖‖z‖δ is a sum of non-negative terms.
 */
const DIRECT_BELOW = 1 / 16;

/**
 * Every pair i ≤ j once, row by row (the order of the packed upper triangle): row i is the PairRow of
 * x = x_i, entries j = i…n−1 (the diagonal first); its arrays are reused from row to row.
 */
function forEachRow(points: Float64Array, n: number, d: number, visit: (i: number, row: PairRow) => void): void {
  const norms = rowNorms(points, n, d);
  const inverse = norms.map((v) => (v > 0 ? 1 / v : 0));
  const row: PairRow = {
    nx: 0,
    nz: norms,
    delta: new Float64Array(n),
    sigma: new Float64Array(n),
    dot: new Float64Array(n),
    r2: new Float64Array(n),
  };
  const { delta, sigma, dot, r2 } = row;
  for (let i = 0; i < n; i++) {
    const nx = norms[i];
    const ix = inverse[i];
    const oi = i * d;
    row.nx = nx;
    delta[i] = 0;
    sigma[i] = 2;
    dot[i] = nx * nx;
    r2[i] = 0;
    for (let j = i + 1; j < n; j++) {
      const nz = norms[j];
      const iz = inverse[j];
      const oj = j * d;
      const p = innerProduct(points, oi, points, oj, d);
      // u = 0 at a zero point: (δ, σ) = (1, 1)
      const u = p * ix * iz;
      let dd = 1 - u;
      let ss = 1 + u;
      if (dd < DIRECT_BELOW || ss < DIRECT_BELOW) {
        let e = 0;
        dd = 0;
        ss = 0;
        for (let k = 0; k < d; k++) {
          const a = points[oi + k] * ix;
          const b = points[oj + k] * iz;
          dd += (a - b) * (a - b);
          ss += (a + b) * (a + b);
          e += (points[oi + k] - points[oj + k]) * (points[oi + k] - points[oj + k]);
        }
        r2[j] = e;
        dd /= 2;
        ss /= 2;
      } else {
        r2[j] = (nx - nz) * (nx - nz) + 2 * nx * nz * dd;
      }
      delta[j] = dd;
      sigma[j] = ss;
      dot[j] = p;
    }
    visit(i, row);
  }
}

/** k at entries j = i…n−1 of row i, off-diagonal entries times `weight`, into out[offset…]. */
function evaluateRow(k: RowKernel, i: number, row: PairRow, out: Float64Array, offset: number, weight: number): void {
  k(row, i, i + 1, out, offset, 1);
  k(row, i + 1, row.nz.length, out, offset + 1, weight);
}

/** Copy the upper triangle of an n×n matrix into the lower one, in cache-sized blocks. */
function mirrorUpper(K: Float64Array, n: number): void {
  const B = 64;
  for (let bi = 0; bi < n; bi += B) {
    const iEnd = Math.min(bi + B, n);
    for (let bj = 0; bj <= bi; bj += B) {
      for (let i = bi; i < iEnd; i++) {
        const jEnd = Math.min(bj + B, i);
        for (let j = bj; j < jEnd; j++) K[i * n + j] = K[j * n + i];
      }
    }
  }
}

/** Gram matrix K_ij = k(x_i, x_j) (symmetric, computed once per pair), after norm, as n×n Float64Array. */
export function gramMatrix(
  kernel: KernelInstance,
  points: Float64Array,
  n: number,
  d: number,
  unit: boolean,
): Float64Array {
  return gramMatrices([kernel], points, n, d, unit)[0];
}

/**
 * The Gram matrices of several kernels on the same points: the pairs' geometry (norms, inner products,
 * carried cosines) is formed once and every kernel evaluated on it, so a grid of configurations costs one
 * pass over the pairs (the real-data contestants, docs/realdata.md §3).
 */
export function gramMatrices(
  kernels: readonly KernelInstance[],
  points: Float64Array,
  n: number,
  d: number,
  unit: boolean,
): Float64Array[] {
  checkShape(points.length, n, d);
  const ks = kernels.map((k) => rowKernel(k, unit));
  const Ks = kernels.map(() => new Float64Array(n * n));
  forEachRow(points, n, d, (i, row) => {
    for (let m = 0; m < ks.length; m++) evaluateRow(ks[m], i, row, Ks[m], i * n + i, 1);
  });
  for (const K of Ks) mirrorUpper(K, n);
  return Ks;
}

/**
 * D = ‖K_A/‖K_A‖_F − K_B/‖K_B‖_F‖_F (scale-free; 0 for proportional kernels; ≤ 2), formed from the
 * normalized entries (not as sqrt(2 − 2cos), which would lose half the digits near D = 0). A zero matrix
 * normalizes to zero. Also applies to the svec form used below: entries are only summed.
 */
export function normalizedGramDistance(KA: Float64Array, KB: Float64Array): number {
  if (KA.length !== KB.length) throw new RangeError(`Gram matrices of different sizes: ${KA.length}, ${KB.length}`);
  const inverseNorm = (K: Float64Array) => {
    let s = 0;
    for (let i = 0; i < K.length; i++) s += K[i] * K[i];
    return s > 0 ? 1 / Math.sqrt(s) : 0;
  };
  const ia = inverseNorm(KA);
  const ib = inverseNorm(KB);
  let s = 0;
  for (let i = 0; i < KA.length; i++) {
    const e = KA[i] * ia - KB[i] * ib;
    s += e * e;
  }
  return Math.sqrt(s);
}

/** svec weight of off-diagonal entries: the upper triangle is stored once and the Frobenius norm kept. */
const OFF_DIAGONAL = Math.SQRT2;

/**
 * The geometry of a row for the points projected onto the sphere: the same directions, unit norms (a zero
 * point stays 0), so xᵀz = u and ‖x − z‖² = 2δ.
 */
function projectRow(row: PairRow, i: number, out: PairRow): void {
  const px = row.nx > 0 ? 1 : 0;
  out.nx = px;
  for (let j = i; j < row.nz.length; j++) {
    const pz = row.nz[j] > 0 ? 1 : 0;
    const delta = row.delta[j];
    out.nz[j] = pz;
    out.delta[j] = delta;
    out.sigma[j] = row.sigma[j];
    out.dot[j] = px * pz * cosineFromCarried(delta, row.sigma[j]);
    out.r2[j] = (px - pz) * (px - pz) + 2 * px * pz * delta;
  }
}

const emptyRow = (n: number): PairRow => ({
  nx: 0,
  nz: new Float64Array(n),
  delta: new Float64Array(n),
  sigma: new Float64Array(n),
  dot: new Float64Array(n),
  r2: new Float64Array(n),
});

/**
 * The whole readout: D on the raw points and on the points projected onto the sphere.
 * The Gram matrices are kept as svecs (upper triangle row by row, off-diagonal entries times √2, so that
 * normalizedGramDistance gives the distance of the full matrices): four of n(n+1)/2 entries, 16n² bytes.
 */
export function normalizationReadout(
  a: KernelInstance,
  b: KernelInstance,
  n: number,
  d: number,
  spread: number,
  seed: number,
): { raw: number; projected: number } {
  // D is scale-free, so norm=unit (a constant factor per kernel) cannot change it.
  const kernels = [rowKernel(a, false), rowKernel(b, false)];
  const m = (n * (n + 1)) / 2;
  const raw = kernels.map(() => new Float64Array(m));
  const onSphere = kernels.map(() => new Float64Array(m));
  const sphereRow = emptyRow(n);
  let offset = 0;
  forEachRow(pointCloud(n, d, spread, seed), n, d, (i, row) => {
    projectRow(row, i, sphereRow);
    kernels.forEach((k, q) => {
      evaluateRow(k, i, row, raw[q], offset, OFF_DIAGONAL);
      evaluateRow(k, i, sphereRow, onSphere[q], offset, OFF_DIAGONAL);
    });
    offset += n - i;
  });
  return {
    raw: normalizedGramDistance(raw[0], raw[1]),
    projected: normalizedGramDistance(onSphere[0], onSphere[1]),
  };
}

/** Coarse scan of log c: points per decade, before the golden-section refinement. */
const SCAN_PER_DECADE = 8;
/** The refinement stops when the bracket in log c is this narrow (far below the 4 digits returned). */
const LOG_C_TOLERANCE = 1e-5;

/** The maximizer of f on [lo, hi]: the best of steps + 1 equispaced nodes, refined by golden section between its neighbours. */
function maximize(f: (t: number) => number, lo: number, hi: number, steps: number, tolerance: number): number {
  const node = (j: number) => lo + ((hi - lo) * j) / steps;
  let best = 0;
  let bestValue = -Infinity;
  for (let j = 0; j <= steps; j++) {
    const v = f(node(j));
    if (v > bestValue) [best, bestValue] = [j, v];
  }
  let [a, b] = [node(Math.max(0, best - 1)), node(Math.min(steps, best + 1))];
  const phi = (Math.sqrt(5) - 1) / 2;
  let [m1, m2] = [b - phi * (b - a), a + phi * (b - a)];
  let [f1, f2] = [f(m1), f(m2)];
  while (b - a > tolerance) {
    if (f1 >= f2) {
      [b, m2, f2] = [m2, m1, f1];
      m1 = b - phi * (b - a);
      f1 = f(m1);
    } else {
      [a, m1, f1] = [m1, m2, f2];
      m2 = a + phi * (b - a);
      f2 = f(m2);
    }
  }
  return (a + b) / 2;
}

/**
 * What a trial c of the fit needs, per pair in svec order: the target's svec T, the exponent's argument
 * s = ‖x − z‖ (hom = 1: ‖x̂ − ẑ‖ = √(2δ)) and the log of the svec weight (hom = 1: times ‖x‖‖z‖), so that
 * the Laplace svec is exp(logWeight − c·s).
 */
function laplaceFitData(hom: boolean, target: KernelInstance, points: Float64Array, n: number, d: number) {
  const m = (n * (n + 1)) / 2;
  const [T, s, logWeight] = [new Float64Array(m), new Float64Array(m), new Float64Array(m)];
  const tk = rowKernel(target, false);
  let offset = 0;
  forEachRow(points, n, d, (i, row) => {
    evaluateRow(tk, i, row, T, offset, OFF_DIAGONAL);
    const { nx, nz, delta, r2 } = row;
    for (let j = i; j < n; j++) {
      s[offset + j - i] = hom ? Math.sqrt(2 * delta[j]) : Math.sqrt(r2[j]);
      logWeight[offset + j - i] = Math.log((j === i ? 1 : OFF_DIAGONAL) * (hom ? nx * nz[j] : 1));
    }
    offset += n - i;
  });
  return { T, s, logWeight };
}

/**
 * The c of a Laplace instance (other keys kept from `laplace`) minimizing D against `target` on the points;
 * c within the registry's range for laplace's c; returns c rounded to 4 significant digits, D at that c, and
 * whether c is an end of the range (the minimum then lies beyond it, or at it).
 *
 * The pair data are formed once (laplaceFitData); each trial c is then one pass over them, maximizing
 * cos = ⟨T, K⟩/(‖T‖‖K‖) (D² = 2 − 2cos) over log c: SCAN_PER_DECADE nodes per decade, then golden section.
 * D at the returned c is formed from the normalized entries (normalizedGramDistance). Memory: four svecs,
 * 16n² bytes.
 */
export function fitLaplaceOnPoints(
  laplace: KernelInstance,
  target: KernelInstance,
  points: Float64Array,
  n: number,
  d: number,
): { c: number; D: number; atBound: boolean } {
  if (laplace.family !== 'laplace')
    throw new RangeError(`fitLaplaceOnPoints fits a laplace instance, got ${laplace.family}`);
  checkShape(points.length, n, d);
  const cSpec = family('laplace')?.params.find((p) => p.key === 'c');
  if (cSpec?.kind !== 'number') throw new Error('the registry has no numeric c for laplace');
  const { T, s, logWeight } = laplaceFitData(laplace.params.hom === 1, target, points, n, d);
  const cosine = (logC: number) => {
    const c = Math.exp(logC);
    let tk = 0;
    let kk = 0;
    for (let q = 0; q < s.length; q++) {
      const e = Math.exp(logWeight[q] - c * s[q]);
      tk += T[q] * e;
      kk += e * e;
    }
    return kk > 0 ? tk / Math.sqrt(kk) : -Infinity;
  };
  const [lo, hi] = [Math.log(cSpec.min), Math.log(cSpec.max)];
  const logC = maximize(cosine, lo, hi, Math.ceil((SCAN_PER_DECADE * (hi - lo)) / Math.LN10), LOG_C_TOLERANCE);
  const c = Math.min(cSpec.max, Math.max(cSpec.min, Number(Math.exp(logC).toPrecision(4))));
  const K = s.map((sq, q) => Math.exp(logWeight[q] - c * sq));
  return { c, D: normalizedGramDistance(T, K), atBound: c === cSpec.min || c === cSpec.max };
}
