/**
 * The two dense products a finite network needs (docs/finite.md §1–2), row-major float64. Both work on a
 * block of four rows of the left factor and two rows of the right one at once: every value loaded from
 * memory serves two or four multiply–adds and eight sums stay in registers, and the inner loops run over
 * contiguous memory (vectorizable). At 92×512 by 512×512 this is 1.7–1.9× faster than one row of the
 * right factor at a time (tsx, Node 20).
 */

/** C (n×q) = A (n×p) · Bᵀ, B q×p: C[i][o] = Σ_k A[i][k]·B[o][k] (dot-product form). */
export function mulABt(a: Float64Array, b: Float64Array, n: number, p: number, q: number): Float64Array {
  const c = new Float64Array(n * q);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = i * p;
    const a1 = a0 + p;
    const a2 = a1 + p;
    const a3 = a2 + p;
    let o = 0;
    for (; o + 1 < q; o += 2) {
      const b0 = o * p;
      const b1 = b0 + p;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = 0; k < p; k++) {
        const x0 = b[b0 + k];
        const x1 = b[b1 + k];
        const y0 = a[a0 + k];
        const y1 = a[a1 + k];
        const y2 = a[a2 + k];
        const y3 = a[a3 + k];
        s00 += y0 * x0;
        s01 += y0 * x1;
        s10 += y1 * x0;
        s11 += y1 * x1;
        s20 += y2 * x0;
        s21 += y2 * x1;
        s30 += y3 * x0;
        s31 += y3 * x1;
      }
      c[i * q + o] = s00;
      c[i * q + o + 1] = s01;
      c[(i + 1) * q + o] = s10;
      c[(i + 1) * q + o + 1] = s11;
      c[(i + 2) * q + o] = s20;
      c[(i + 2) * q + o + 1] = s21;
      c[(i + 3) * q + o] = s30;
      c[(i + 3) * q + o + 1] = s31;
    }
    for (; o < q; o++) {
      const bo = o * p;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < p; k++) {
        const bk = b[bo + k];
        s0 += a[a0 + k] * bk;
        s1 += a[a1 + k] * bk;
        s2 += a[a2 + k] * bk;
        s3 += a[a3 + k] * bk;
      }
      c[i * q + o] = s0;
      c[(i + 1) * q + o] = s1;
      c[(i + 2) * q + o] = s2;
      c[(i + 3) * q + o] = s3;
    }
  }
  for (; i < n; i++) {
    const ai = i * p;
    for (let o = 0; o < q; o++) {
      const bo = o * p;
      let s0 = 0;
      let s1 = 0;
      let k = 0;
      for (; k + 1 < p; k += 2) {
        s0 += a[ai + k] * b[bo + k];
        s1 += a[ai + k + 1] * b[bo + k + 1];
      }
      if (k < p) s0 += a[ai + k] * b[bo + k];
      c[i * q + o] = s0 + s1;
    }
  }
  return c;
}

/** C (n×p) = A (n×q) · B, B q×p: row i of C is Σ_o A[i][o]·B[o] (axpy form). */
export function mulAB(a: Float64Array, b: Float64Array, n: number, q: number, p: number): Float64Array {
  const c = new Float64Array(n * p);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const c0 = i * p;
    const c1 = c0 + p;
    const c2 = c1 + p;
    const c3 = c2 + p;
    let o = 0;
    for (; o + 1 < q; o += 2) {
      const f00 = a[i * q + o];
      const f01 = a[i * q + o + 1];
      const f10 = a[(i + 1) * q + o];
      const f11 = a[(i + 1) * q + o + 1];
      const f20 = a[(i + 2) * q + o];
      const f21 = a[(i + 2) * q + o + 1];
      const f30 = a[(i + 3) * q + o];
      const f31 = a[(i + 3) * q + o + 1];
      const b0 = o * p;
      const b1 = b0 + p;
      for (let k = 0; k < p; k++) {
        const x0 = b[b0 + k];
        const x1 = b[b1 + k];
        c[c0 + k] += f00 * x0 + f01 * x1;
        c[c1 + k] += f10 * x0 + f11 * x1;
        c[c2 + k] += f20 * x0 + f21 * x1;
        c[c3 + k] += f30 * x0 + f31 * x1;
      }
    }
    for (; o < q; o++) {
      const f0 = a[i * q + o];
      const f1 = a[(i + 1) * q + o];
      const f2 = a[(i + 2) * q + o];
      const f3 = a[(i + 3) * q + o];
      const bo = o * p;
      for (let k = 0; k < p; k++) {
        const bk = b[bo + k];
        c[c0 + k] += f0 * bk;
        c[c1 + k] += f1 * bk;
        c[c2 + k] += f2 * bk;
        c[c3 + k] += f3 * bk;
      }
    }
  }
  for (; i < n; i++) {
    const ci = i * p;
    for (let o = 0; o < q; o++) {
      const f = a[i * q + o];
      if (f === 0) continue;
      const bo = o * p;
      for (let k = 0; k < p; k++) c[ci + k] += f * b[bo + k];
    }
  }
  return c;
}
