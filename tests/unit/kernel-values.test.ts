import { describe, expect, it } from 'vitest';
import { familyOf } from '../../src/core/kernels/registry';
import { carriedFromReferenceAngle, fixture, referenceKernel, relativeError } from './reference';

/** Largest relative error of a kernel against reference values at carried cosines. */
function worst(name: string, points: { delta: number; sigma: number }[], refs: string[]) {
  const k = referenceKernel(name);
  const f = familyOf(k);
  let max = 0;
  let at = -1;
  points.forEach((pt, i) => {
    const ref = Number(refs[i]);
    const err = relativeError(f.onSphere(pt.delta, pt.sigma, k.params), ref);
    if (err > max) [max, at] = [err, i];
  });
  return { max, at };
}

const fromCos = (u: string) => {
  // u is a short decimal: 1 − u and 1 + u are formed exactly enough from the decimal itself
  const v = Number(u);
  return { delta: 1 - v, sigma: 1 + v };
};

describe('kernel values on the sphere against the 25-digit reference (kernel_values.json)', () => {
  const ref = fixture('kernel_values.json');
  const pts = (ref.sphere.u as string[]).map(fromCos);
  for (const [name, values] of Object.entries(ref.sphere.values as Record<string, string[]>)) {
    it(`${name}: relative error ≤ 1e−12`, () => {
      const { max, at } = worst(name, pts, values);
      expect(max, `worst at u = ${ref.sphere.u[at]}`).toBeLessThanOrEqual(1e-12);
    });
  }
});

describe('convention A (zero-initialized bias) on the sphere (kernel_values_bias_zero.json)', () => {
  const ref = fixture('kernel_values_bias_zero.json');
  const pts = (ref.u as string[]).map(fromCos);
  for (const [name, values] of Object.entries(ref.values as Record<string, string[]>)) {
    it(`${name}: relative error ≤ 1e−12`, () => {
      const { max, at } = worst(name, pts, values);
      expect(max, `worst at u = ${ref.u[at]}`).toBeLessThanOrEqual(1e-12);
    });
  }
});

describe('extreme angles and parameters (kernel_values_extra.json)', () => {
  const ref = fixture('kernel_values_extra.json');
  const pts = (ref.theta as string[]).map(carriedFromReferenceAngle);
  for (const [name, values] of Object.entries(ref.sphere as Record<string, string[]>)) {
    it(`${name}: relative error ≤ 1e−10 for θ from 0 to π`, () => {
      const { max, at } = worst(name, pts, values);
      expect(max, `worst at θ = ${ref.theta[at]}`).toBeLessThanOrEqual(1e-10);
    });
  }

  it('off the sphere in R^3, both conventions, hom and the origin: relative error ≤ 1e−12', () => {
    const rows = ref.off_sphere as { x: number[]; z: number[]; kernel: string; value: string }[];
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const k = referenceKernel(row.kernel);
      const got = familyOf(k).onRd(row.x, row.z, k.params);
      const want = Number(row.value);
      expect(relativeError(got, want), `${row.kernel} at x=${row.x} z=${row.z}: ${got} vs ${want}`).toBeLessThanOrEqual(
        1e-12,
      );
    }
  });
});

describe('NTK off the sphere, convention B (kernel_values.json off_sphere rows)', () => {
  const rows = fixture('kernel_values.json').off_sphere.rows as any[];
  it('matches the reference and its homogeneity ratio (exactly 1 for β = 0)', () => {
    for (const row of rows) {
      const k = referenceKernel(`ntk_L${row.L}_beta${row.beta}`);
      const x = row.x.map(Number);
      const z = row.z.map(Number);
      const got = familyOf(k).onRd(x, z, k.params);
      expect(relativeError(got, Number(row.ntk)), JSON.stringify(row)).toBeLessThanOrEqual(1e-12);
      const homogeneous =
        Number(row.norm_x) *
        Number(row.norm_z) *
        familyOf(k).onSphere(1 - Number(row.u_of_directions), 1 + Number(row.u_of_directions), k.params);
      expect(relativeError(got / homogeneous, Number(row.ratio_to_homogeneous))).toBeLessThanOrEqual(1e-12);
    }
  });
});
