/** The inner product every dense kernel-matrix loop uses (Gram matrices, the Cholesky factorization). */

/** Σ_{m<len} a[ia + m]·b[ib + m], four independent partial sums: the loop
 * is latency-bound otherwise (contiguous, unrolled). */
export function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let m = 0;
  for (; m + 3 < len; m += 4) {
    s0 += a[ia + m] * b[ib + m];
    s1 += a[ia + m + 1] * b[ib + m + 1];
    s2 += a[ia + m + 2] * b[ib + m + 2];
    s3 += a[ia + m + 3] * b[ib + m + 3];
  }
  for (; m < len; m++) s0 += a[ia + m] * b[ib + m];
  return s0 + s1 + (s2 + s3);
}
