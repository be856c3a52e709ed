/** fast-check generators driven by the kernel registry: any valid instance of any family. */
import fc from 'fast-check';
import { FAMILIES, type KernelInstance, type ParamSpec, type ParamValue } from '../../src/core/kernels/registry';

export function paramValue(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  if (spec.kind === 'choice') return fc.constantFrom(...spec.options.map((o) => o.value));
  if (spec.allowed !== undefined) return fc.constantFrom(...spec.allowed);
  if (spec.integer) return fc.integer({ min: spec.min, max: spec.max });
  if (spec.scale === 'log') {
    return fc
      .double({ min: Math.log(spec.min), max: Math.log(spec.max), noNaN: true })
      .map((t) => Math.min(spec.max, Math.max(spec.min, Math.exp(t))));
  }
  return fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true });
}

export function instanceOf(familyId: string): fc.Arbitrary<KernelInstance> {
  const f = FAMILIES.find((x) => x.id === familyId)!;
  return fc
    .tuple(...f.params.map(paramValue))
    .map((values) => ({ family: f.id, params: Object.fromEntries(f.params.map((p, i) => [p.key, values[i]])) }));
}

export const anyInstance: fc.Arbitrary<KernelInstance> = fc.oneof(...FAMILIES.map((f) => instanceOf(f.id)));

/**
 * A point of R^d with coordinates in [−scale, scale]; coordinates below 1e−9 in size become 0 (subnormal
 * products are out of scope: the app's points are on screen grids), so the origin and axes occur often.
 */
export const point = (d: number, scale = 3) =>
  fc
    .array(fc.double({ min: -scale, max: scale, noNaN: true }), { minLength: d, maxLength: d })
    .map((v) => v.map((t) => (Math.abs(t) < 1e-9 ? 0 : t)));

/** A unit vector of R^d (a nonzero point, normalized). */
export const unitPoint = (d: number) =>
  point(d)
    .filter((v) => Math.hypot(...v) > 1e-3)
    .map((v) => {
      const n = Math.hypot(...v);
      return v.map((t) => t / n);
    });
