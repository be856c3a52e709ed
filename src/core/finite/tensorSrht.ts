/**
 * TensorSRHT (Ahle et al. 2020; used for the NTK by Zandieh et al. 2021, docs/finite.md §3): a random map
 * S of u ⊗ v (u ∈ R^p, v ∈ R^q) to R^D that never forms the pq-dimensional tensor and keeps inner
 * products in expectation, E⟨S(u⊗v), S(u'⊗v')⟩ = (uᵀu')(vᵀv'):
 *
 *     S(u ⊗ v) = D^{−1/2} · (P₁ H E₁ u) ∘ (P₂ H E₂ v)
 *
 * with u, v zero-padded to powers of two, E₁, E₂ diagonal random signs, H the unnormalized Walsh–Hadamard
 * matrix (HᵀH = p·I) and P₁, P₂ D rows drawn uniformly with replacement, independently. Unbiased because a
 * uniform row r of H E₁ gives E_r[(HE₁u)_r (HE₁u')_r] = uᵀE₁HᵀHE₁u'/p = uᵀu'; the signs spread each
 * vector's mass over all rows, so that every row carries about the same share (the variance).
 */
import type { Random } from '../numerics/random';

/** In-place unnormalized fast Walsh–Hadamard transform of a[at … at + len), len a power of two. */
export function walshHadamard(a: Float64Array, at: number, len: number): void {
  for (let h = 1; h < len; h *= 2) {
    for (let i = at; i < at + len; i += 2 * h) {
      for (let j = i; j < i + h; j++) {
        const x = a[j];
        const y = a[j + h];
        a[j] = x + y;
        a[j + h] = x - y;
      }
    }
  }
}

const powerOfTwoAtLeast = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(n, 1)));

/** One side of the sketch: signs of the padded vector and the D sampled rows of H. */
interface Side {
  dim: number;
  padded: number;
  signs: Float64Array;
  rows: Int32Array;
}

function drawSide(dim: number, D: number, rng: Random): Side {
  const padded = powerOfTwoAtLeast(dim);
  const signs = new Float64Array(padded);
  for (let i = 0; i < padded; i++) signs[i] = rng.uint32() & 1 ? 1 : -1;
  // padded is a power of two ≤ 2³¹, so the low bits of a uniform 32-bit word are uniform on its rows
  const rows = new Int32Array(D);
  for (let i = 0; i < D; i++) rows[i] = rng.uint32() & (padded - 1);
  return { dim, padded, signs, rows };
}

export interface TensorSrht {
  D: number;
  u: Side;
  v: Side;
}

/** Draws a TensorSRHT of u ⊗ v (u of dimension p, v of q) into R^D: p + q signs and 2D rows. */
export function drawTensorSrht(p: number, q: number, D: number, rng: Random): TensorSrht {
  return { D, u: drawSide(p, D, rng), v: drawSide(q, D, rng) };
}

/** The sampled rows of H E x for every row x of X (n × dim, row-major): n × D. */
function sideRows(side: Side, X: Float64Array, n: number, D: number): Float64Array {
  const out = new Float64Array(n * D);
  const buffer = new Float64Array(side.padded);
  for (let i = 0; i < n; i++) {
    buffer.fill(0);
    for (let k = 0; k < side.dim; k++) buffer[k] = X[i * side.dim + k] * side.signs[k];
    walshHadamard(buffer, 0, side.padded);
    for (let r = 0; r < D; r++) out[i * D + r] = buffer[side.rows[r]];
  }
  return out;
}

/** S(u_i ⊗ v_i) for the rows u_i of U (n × p) and v_i of V (n × q): n × D, row-major. */
export function applyTensorSrht(s: TensorSrht, U: Float64Array, V: Float64Array, n: number): Float64Array {
  const a = sideRows(s.u, U, n, s.D);
  const b = sideRows(s.v, V, n, s.D);
  const scale = 1 / Math.sqrt(s.D);
  for (let i = 0; i < a.length; i++) a[i] *= b[i] * scale;
  return a;
}
