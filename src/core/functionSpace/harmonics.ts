/**
 * Real spherical harmonics on S² and their synthesis on a latitude–longitude grid, for the GP samples of
 * docs/function-space.md ("GP samples", sphere). Pure TypeScript, no DOM.
 *
 * Normalization: orthonormal for the uniform PROBABILITY measure of math.md §3, so that the addition
 * theorem reads Σ_m Y_lm(x) Y_lm(y) = (2l+1) P_l(x·y). With ϑ the latitude, φ the longitude, x = sin ϑ and
 * u = cos ϑ:
 *   Y_l0 = P̄_l0(x),   Y_lm^cos = P̄_lm(x) cos mφ,   Y_lm^sin = P̄_lm(x) sin mφ   (m = 1..l),
 *   P̄_lm = √((2 − δ_m0)(2l+1)(l−m)!/(l+m)!) P_l^m,
 * the "4π-normalized" functions of geodesy. P_l^m carries no Condon–Shortley phase (P̄_mm > 0); the sign
 * convention does not change the distribution of a sample, only which ξ multiplies which sign.
 *
 * P̄_lm is never formed from factorials: the fully-normalized recurrence (Holmes & Featherstone 2002,
 * J. Geodesy 76:279) runs along the diagonal and then up in l at fixed m,
 *   P̄_00 = 1,   P̄_11 = √3 u,   P̄_mm = √((2m+1)/(2m)) u P̄_{m−1,m−1}   (m ≥ 2),
 *   P̄_lm = a_lm x P̄_{l−1,m} − b_lm P̄_{l−2,m}   (l ≥ m+1, P̄_{m−1,m} = 0),
 *   a_lm = √((2l−1)(2l+1) / ((l−m)(l+m))),   b_lm = √((2l+1)(l+m−1)(l−m−1) / ((2l−3)(l−m)(l+m))).
 * Every factor is O(1), so nothing overflows; the forward recurrence in l is stable (it follows the
 * dominant solution). Near the poles P̄_mm ~ u^m underflows: a column whose diagonal falls below
 * DIAGONAL_CUTOFF is set to 0, together with every higher m (their diagonals are smaller still). The
 * l-recurrence lifts P̄_mm to O(1) only where u ≳ m/l, and there u^m > 1e−280 for l ≲ 1800; so the values
 * dropped are tiny: at most 1e−173 for K = 512 and 1e−78 for K = 1024 (checked over u ∈ [1e−4, 1) with
 * log-scaled columns). It also keeps subnormal numbers out of the loops.
 *
 * Draw order (docs/function-space.md): per degree l, m = 0, then (cos m, sin m) for m = 1..l, i.e.
 * index(l, 0) = l², index(l, m, cos) = l² + 2m − 1, index(l, m, sin) = l² + 2m.
 */
import { lruMemo } from '../numerics/lru';

/** A diagonal value below this ends the column sweep (see the file comment). */
const DIAGONAL_CUTOFF = 1e-280;

/** Number of real spherical harmonics of degree ≤ `degree`: (degree + 1)². */
export function harmonicCount(degree: number): number {
  return (degree + 1) * (degree + 1);
}

/** Draw-order index of Y_l0 (m = 0), Y_lm^cos or Y_lm^sin (docs/function-space.md). */
export function harmonicIndex(l: number, m: number, part: 'cos' | 'sin' = 'cos'): number {
  if (m === 0) return l * l;
  return l * l + 2 * m - (part === 'cos' ? 1 : 0);
}

/**
 * Packed storage of P̄_lm for 0 ≤ m ≤ l ≤ K, column by column (m-major): column m holds l = m..K
 * contiguously from columnStart(m, K). Size (K+1)(K+2)/2.
 */
export function columnStart(m: number, degree: number): number {
  return m * (degree + 1) - (m * (m - 1)) / 2;
}

/** Number of P̄_lm with 0 ≤ m ≤ l ≤ K: (K+1)(K+2)/2. */
export function legendreCount(degree: number): number {
  return ((degree + 1) * (degree + 2)) / 2;
}

/** The coefficients of the recurrence for one degree, shared by every latitude and every kernel. */
export interface LegendreRecurrence {
  degree: number;
  /** a_lm in packed order (entry (m, m) unused) */
  a: Float64Array;
  /** b_lm in packed order (entries (m, m) and (m+1, m) are 0) */
  b: Float64Array;
  /** diagonal factors: diagonal[1] = √3, diagonal[m] = √((2m+1)/(2m)) for m ≥ 2 */
  diagonal: Float64Array;
}

/** The recurrence coefficients of the file comment up to `degree`, cached for the last 8 degrees. */
export function legendreRecurrence(degree: number): LegendreRecurrence {
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError(`degree must be an integer ≥ 0, got ${degree}`);
  return cachedRecurrence(degree);
}

const cachedRecurrence = lruMemo(8, (degree: number) => degree, computeRecurrence);

function computeRecurrence(degree: number): LegendreRecurrence {
  const a = new Float64Array(legendreCount(degree));
  const b = new Float64Array(legendreCount(degree));
  const diagonal = new Float64Array(degree + 1);
  for (let m = 0; m <= degree; m++) {
    diagonal[m] = m === 0 ? 1 : m === 1 ? Math.sqrt(3) : Math.sqrt((2 * m + 1) / (2 * m));
    const start = columnStart(m, degree);
    for (let l = m + 1; l <= degree; l++) {
      const lm = (l - m) * (l + m);
      a[start + l - m] = Math.sqrt(((2 * l - 1) * (2 * l + 1)) / lm);
      b[start + l - m] = Math.sqrt(((2 * l + 1) * (l + m - 1) * (l - m - 1)) / ((2 * l - 3) * lm));
    }
  }
  return { degree, a, b, diagonal };
}

/**
 * P̄_lm(x), 0 ≤ m ≤ l ≤ K, at one point x = sin ϑ, u = cos ϑ ≥ 0 (pass both: near the poles u is better
 * computed directly than as √(1 − x²)), into `out` in packed order (columnStart).
 * Returns the number of columns computed: columns m ≥ the return value are 0 (underflow, file comment).
 */
export function normalizedLegendre(x: number, u: number, rec: LegendreRecurrence, out: Float64Array): number {
  const { degree, a, b, diagonal } = rec;
  if (out.length < a.length) throw new RangeError(`need ${a.length} entries for degree ${degree}, got ${out.length}`);
  let pmm = 1;
  for (let m = 0; m <= degree; m++) {
    pmm *= m === 0 ? 1 : u * diagonal[m];
    const start = columnStart(m, degree);
    if (pmm < DIAGONAL_CUTOFF) {
      out.fill(0, start);
      return m;
    }
    out[start] = pmm;
    let p2 = 0; // P̄_{l−2,m}
    let p1 = pmm; // P̄_{l−1,m}
    for (let i = start + 1; i <= start + degree - m; i++) {
      const p = a[i] * x * p1 - b[i] * p2;
      out[i] = p;
      p2 = p1;
      p1 = p;
    }
  }
  return degree + 1;
}

/**
 * Every Y_lm of degree ≤ K at one point, in draw order (for tests and spot checks; the grid synthesis
 * below shares P̄ across longitudes instead). x = sin ϑ, u = cos ϑ, φ the longitude.
 */
export function harmonicsAt(x: number, u: number, longitude: number, degree: number): Float64Array {
  const rec = legendreRecurrence(degree);
  const p = new Float64Array(legendreCount(degree));
  normalizedLegendre(x, u, rec, p);
  const y = new Float64Array(harmonicCount(degree));
  for (let m = 0; m <= degree; m++) {
    const start = columnStart(m, degree);
    const c = Math.cos(m * longitude);
    const s = Math.sin(m * longitude);
    for (let l = m; l <= degree; l++) {
      const v = p[start + l - m];
      if (m === 0) y[l * l] = v;
      else {
        y[harmonicIndex(l, m, 'cos')] = v * c;
        y[harmonicIndex(l, m, 'sin')] = v * s;
      }
    }
  }
  return y;
}

/**
 * Grid size for truncation degree K (docs/function-space.md): nLon = max(256, 2K + 2) rounded up to even,
 * nLat = nLon / 2. (2K + 2 points resolve cos Kφ; the grid never gets coarser than 256 × 128.)
 */
export function sphereGridSize(degree: number): { nLon: number; nLat: number } {
  let nLon = Math.max(256, 2 * degree + 2);
  nLon += nLon % 2;
  return { nLon, nLat: nLon / 2 };
}

/**
 * Cell-centre latitudes ϑ_i = π(i + ½)/nLat − π/2, i = 0..nLat−1, south to north (docs/function-space.md),
 * formed as π(2i + 1 − nLat)/(2 nLat) so that ϑ_{nLat−1−i} = −ϑ_i exactly (synthesizeSphere then computes
 * each mirrored pair of latitudes from one Legendre sweep).
 */
export function latitudeGrid(nLat: number): Float64Array {
  return Float64Array.from({ length: nLat }, (_, i) => (Math.PI * (2 * i + 1 - nLat)) / (2 * nLat));
}

/**
 * Coefficients in draw order rearranged to the packed column order of P̄ (columnStart), cosine and sine
 * parts apart (the sine part of m = 0 is 0), so that the per-m sums below run over contiguous memory.
 */
function packCoefficients(c: Float64Array, degree: number): { cos: Float64Array; sin: Float64Array } {
  if (c.length < harmonicCount(degree)) {
    throw new RangeError(`need ${harmonicCount(degree)} coefficients for degree ${degree}, got ${c.length}`);
  }
  const cos = new Float64Array(legendreCount(degree));
  const sin = new Float64Array(legendreCount(degree));
  for (let m = 0; m <= degree; m++) {
    const start = columnStart(m, degree);
    for (let l = m; l <= degree; l++) {
      cos[start + l - m] = c[harmonicIndex(l, m, 'cos')];
      if (m > 0) sin[start + l - m] = c[harmonicIndex(l, m, 'sin')];
    }
  }
  return { cos, sin };
}

/** cos and sin at the multiples r·π/2, r = 0..3, exactly. */
const QUARTER_COS = [1, 0, -1, 0];
const QUARTER_SIN = [0, 1, 0, -1];

/**
 * cos(mφ_j) and sin(mφ_j), φ_j = 2πj/nLon, for m ≤ K and the first quarter turn j ≤ nLon/4 (the rest
 * follows by symmetry, sumOverOrders), stored per longitude: trig[j(K+1) + m]. The angle is reduced
 * exactly first: mφ_j = 2π r/nLon, r = (mj) mod nLon.
 */
function trigTable(degree: number, nLon: number): { cos: Float64Array; sin: Float64Array } {
  const rows = Math.floor(nLon / 4) + 1;
  const cos = new Float64Array(rows * (degree + 1));
  const sin = new Float64Array(rows * (degree + 1));
  for (let j = 0; j < rows; j++) {
    for (let m = 0; m <= degree; m++) {
      const r = (m * j) % nLon;
      const angle = (2 * Math.PI * r) / nLon;
      // multiples of π/2 exactly, so that the four-fold symmetry of sumOverOrders agrees with itself
      const quarter = (4 * r) % nLon === 0 ? (4 * r) / nLon : -1;
      cos[j * (degree + 1) + m] = quarter >= 0 ? QUARTER_COS[quarter] : Math.cos(angle);
      sin[j * (degree + 1) + m] = quarter >= 0 ? QUARTER_SIN[quarter] : Math.sin(angle);
    }
  }
  return { cos, sin };
}

/** Fourier coefficients of one latitude row: f(φ) = Σ_m A_m cos mφ + B_m sin mφ, m < columns. */
interface FourierRow {
  a: Float64Array;
  b: Float64Array;
  columns: number;
}

const fourierRow = (degree: number): FourierRow => ({
  a: new Float64Array(degree + 1),
  b: new Float64Array(degree + 1),
  columns: 0,
});

/**
 * f(ϑ_i, φ_j) = Σ_{l ≤ K} Σ_m c_lm Y_lm(ϑ_i, φ_j) for several coefficient vectors at once (draw order, at
 * least (K+1)² entries each; one vector per kernel), at the latitudes given and nLon equally spaced
 * longitudes φ_j = 2πj/nLon (nLon even). Returns one array per vector, row-major (latitude i, longitude j).
 *
 * Per latitude: P̄_lm once (shared by all vectors), then per vector the Fourier coefficients
 *   A_m = Σ_l c_lm^cos P̄_lm,   B_m = Σ_l c_lm^sin P̄_lm,
 * then f(φ_j) = Σ_m A_m cos mφ_j + B_m sin mφ_j from a table (sumOverOrders). Two symmetries cut the work:
 * - latitudes ±ϑ (exact negatives, as latitudeGrid makes them): P̄_lm(−x) = (−1)^{l+m} P̄_lm(x), so one
 *   sweep gives both rows, from the sums over even and odd l + m;
 * - longitudes φ, φ + π, π − φ, −φ share the four sums of sumOverOrders.
 * Cost per pair of latitudes ≈ (vectors + ½)·K² multiply-adds over l, and ≈ vectors·K·nLon over m.
 */
export function synthesizeSphere(
  coefficients: readonly Float64Array[],
  degree: number,
  latitude: Float64Array,
  nLon: number,
): Float64Array[] {
  if (!Number.isInteger(nLon) || nLon < 2 || nLon % 2 !== 0) {
    throw new RangeError(`nLon must be an even integer ≥ 2, got ${nLon}`);
  }
  const rec = legendreRecurrence(degree);
  const packed = coefficients.map((c) => packCoefficients(c, degree));
  const trig = trigTable(degree, nLon);
  const p = new Float64Array(legendreCount(degree));
  const north = fourierRow(degree);
  const south = fourierRow(degree);
  const values = coefficients.map(() => new Float64Array(latitude.length * nLon));
  const n = latitude.length;
  const row = (v: number, i: number) => values[v].subarray(i * nLon, (i + 1) * nLon);
  for (let i = 0; i < n; i++) {
    const mirror = n - 1 - i;
    const paired = mirror !== i && latitude[mirror] === -latitude[i];
    if (paired && mirror < i) continue; // done with its partner
    const columns = normalizedLegendre(Math.sin(latitude[i]), Math.cos(latitude[i]), rec, p);
    north.columns = columns;
    south.columns = columns;
    for (let v = 0; v < packed.length; v++) {
      fourierCoefficients(p, packed[v], degree, north, paired ? south : null);
      sumOverOrders(north, trig, degree, row(v, i));
      if (paired) sumOverOrders(south, trig, degree, row(v, mirror));
    }
  }
  return values;
}

/**
 * A_m, B_m for m < columns at x (into `at`) and, if `mirror` is given, at −x: the terms with l + m even
 * keep their sign there and those with l + m odd change it. Column m starts at l = m (l + m even).
 */
function fourierCoefficients(
  p: Float64Array,
  c: { cos: Float64Array; sin: Float64Array },
  degree: number,
  at: FourierRow,
  mirror: FourierRow | null,
): void {
  const { cos, sin } = c;
  for (let m = 0; m < at.columns; m++) {
    const start = columnStart(m, degree);
    const end = start + degree - m;
    let aEven = 0;
    let bEven = 0;
    let aOdd = 0;
    let bOdd = 0;
    let k = start;
    for (; k < end; k += 2) {
      aEven += cos[k] * p[k];
      bEven += sin[k] * p[k];
      aOdd += cos[k + 1] * p[k + 1];
      bOdd += sin[k + 1] * p[k + 1];
    }
    if (k === end) {
      aEven += cos[k] * p[k];
      bEven += sin[k] * p[k];
    }
    at.a[m] = aEven + aOdd;
    at.b[m] = bEven + bOdd;
    if (mirror) {
      mirror.a[m] = aEven - aOdd;
      mirror.b[m] = bEven - bOdd;
    }
  }
}

/**
 * row[j] = Σ_{m < columns} A_m cos mφ_j + B_m sin mφ_j for every j < nLon (even). With the sums
 * Ce, Co (cosine terms, m even / odd) and Se, So (sine terms) at φ = φ_j, j ≤ nLon/4:
 *   f(φ) = Ce + Co + Se + So,       f(φ + π) = Ce − Co + Se − So,
 *   f(π − φ) = Ce − Co − Se + So,   f(−φ) = Ce + Co − Se − So,
 * at indices j, j + nLon/2, nLon/2 − j and nLon − j (mod nLon).
 */
function sumOverOrders(
  f: FourierRow,
  trig: { cos: Float64Array; sin: Float64Array },
  degree: number,
  row: Float64Array,
): void {
  const { cos, sin } = trig;
  const { a, b, columns } = f;
  const nLon = row.length;
  const half = nLon / 2;
  for (let j = 0; 4 * j <= nLon; j++) {
    const base = j * (degree + 1);
    let ce = 0;
    let co = 0;
    let se = 0;
    let so = 0;
    let m = 0;
    for (; m + 1 < columns; m += 2) {
      ce += a[m] * cos[base + m];
      se += b[m] * sin[base + m];
      co += a[m + 1] * cos[base + m + 1];
      so += b[m + 1] * sin[base + m + 1];
    }
    if (m < columns) {
      ce += a[m] * cos[base + m];
      se += b[m] * sin[base + m];
    }
    row[j] = ce + co + se + so;
    row[j + half] = ce - co + se - so;
    row[half - j] = ce - co - se + so;
    row[(nLon - j) % nLon] = ce + co - se - so;
  }
}
