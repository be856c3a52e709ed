/**
 * The off-sphere core: plane maps and ray profiles (offsphere/plane.ts), the row evaluators (kernels/rows.ts), against the registry's native `onRd`, the 25-digit reference rows, and the
 * structure of math.md §2.2–§2.4 (homogeneity, the origin, symmetry, zonality on the sphere).
 *
 * Agreement with onRd is measured relative to the value, with a floor relative to the Cauchy–Schwarz
 * bound sqrt(k(x,x)k(z,z)) (which no PSD kernel exceeds in size): a value that cancels to ~0 — the bias-free
 * NTK near antipodal points — is only defined to the rounding of its inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInstance, FAMILIES, type KernelInstance } from '../../src/core/kernels/registry';
import {
  OFFSPHERE_LIMITS,
  joinPlaneRows,
  planeGrid,
  planeMaps,
  planeValues,
  rayProfile,
} from '../../src/core/offsphere/plane';
import { registryRowKernel, type PairRow } from '../../src/core/kernels/rows';
import { anyInstance, instanceOf } from './arbitraries';
import { fixture, referenceKernel, relativeError } from './reference';
import { agrees, flat, native, type P2, wellConditioned } from './onRd';

const coordinate = (scale: number) =>
  fc.double({ min: -scale, max: scale, noNaN: true }).map((t) => (Math.abs(t) < 1e-9 ? 0 : t));
const onCircle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }).map((a): P2 => [Math.cos(a), Math.sin(a)]);
/** a plane point: anywhere in [−3, 3]², on the unit circle, or a special point (origin, axes) */
const planePoint: fc.Arbitrary<P2> = fc.oneof(
  fc.tuple(coordinate(3), coordinate(3)),
  onCircle,
  fc.constantFrom<P2>([0, 0], [1, 0], [0, -1], [0.6, 0.8], [-2, 0]),
);

describe('plane values agree with the registry (familyOf(k).onRd)', () => {
  it('for any instance, both norms, any z and x (origin, unit circle included): ≤ 1e−12 relative', () => {
    fc.assert(
      fc.property(
        anyInstance,
        fc.boolean(),
        planePoint,
        fc.array(planePoint, { minLength: 1, maxLength: 12 }),
        (k, unit, z, xs) => {
          if (!wellConditioned(k)) return true;
          const [got] = planeValues([k], unit, z, flat(xs));
          return xs.every((x, i) => agrees(k, unit, x, z, got[i], 1e-12));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the ray profile samples r = 0…R inclusive along (cos φ, sin φ), with the same values', () => {
    const kernels = [
      defaultInstance('ntk', { L: 4, beta: 0.7, bias: 'random' }),
      defaultInstance('gexp', { c: 2, hom: 1 }),
    ];
    const { r, values } = rayProfile(kernels, true, [0.3, -1.1], 2.2, 3, 31);
    expect(r.length).toBe(31);
    expect([r[0], r[30]]).toEqual([0, 3]);
    kernels.forEach((k, q) => {
      r.forEach((ri, i) =>
        expect(agrees(k, true, [ri * Math.cos(2.2), ri * Math.sin(2.2)], [0.3, -1.1], values[q][i], 1e-12)).toBe(true),
      );
    });
  });

  it('the registry fallback (any family through its onRd at equivalent 2-vectors) matches the fast paths', () => {
    // The fallback sees a pair only through its norms and carried cosine: ‖x − z‖ is rebuilt from δ, with a
    // relative error ~ε‖x‖/‖x − z‖, which cusps of order γ < 1 amplify. Pairs closer than 1e−6·‖x‖ are left
    // to the fast paths (they read ‖x − z‖² directly), and agreement is asked to 1e−10.
    const apart = (x: P2, z: P2) => {
      const r2 = (x[0] - z[0]) ** 2 + (x[1] - z[1]) ** 2;
      return r2 === 0 || r2 >= 1e-12 * (x[0] ** 2 + x[1] ** 2 + z[0] ** 2 + z[1] ** 2);
    };
    fc.assert(
      fc.property(
        anyInstance,
        fc.boolean(),
        planePoint,
        fc.array(planePoint, { minLength: 1, maxLength: 8 }),
        (k, unit, z, all) => {
          const xs = all.filter((x) => apart(x, z));
          if (!wellConditioned(k) || xs.length === 0) return true;
          const [fast] = planeValues([k], unit, z, flat(xs));
          const slow = new Float64Array(xs.length);
          registryRowKernel(k, unit)(independentPlaneRow(z, xs), 0, xs.length, slow, 0, 1);
          return xs.every(
            (x, i) => agrees(k, unit, x, z, slow[i], 1e-10, 1e-14) && agrees(k, unit, x, z, fast[i], 1e-12),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the 25-digit off-sphere reference rows that lie in the plane x3 = z3 = 0', () => {
    let checked = 0;
    for (const row of fixture('kernel_values.json').off_sphere.rows as any[]) {
      if (Number(row.x[2]) !== 0 || Number(row.z[2]) !== 0) continue;
      const k = referenceKernel(`ntk_L${row.L}_beta${row.beta}`);
      const [v] = planeValues(
        [k],
        false,
        [Number(row.z[0]), Number(row.z[1])],
        Float64Array.from([Number(row.x[0]), Number(row.x[1])]),
      );
      expect(relativeError(v[0], Number(row.ntk)), JSON.stringify(row)).toBeLessThanOrEqual(1e-12);
      checked++;
    }
    for (const row of fixture('kernel_values_extra.json').off_sphere as {
      x: number[];
      z: number[];
      kernel: string;
      value: string;
    }[]) {
      if (row.x[2] !== 0 || row.z[2] !== 0) continue;
      const [v] = planeValues(
        [referenceKernel(row.kernel)],
        false,
        [row.z[0], row.z[1]],
        Float64Array.from(row.x.slice(0, 2)),
      );
      expect(relativeError(v[0], Number(row.value)), JSON.stringify(row)).toBeLessThanOrEqual(1e-12);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('is symmetric: k(x, z) = k(z, x)', () => {
    fc.assert(
      fc.property(anyInstance, planePoint, planePoint, (k, x, z) => {
        const a = planeValues([k], false, z, flat([x]))[0][0];
        const b = planeValues([k], false, x, flat([z]))[0][0];
        return (
          Math.abs(a - b) <=
          1e-14 * Math.abs(a) + 1e-15 * Math.sqrt(Math.abs(native(k, false, x, x) * native(k, false, z, z))) + 1e-300
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** The PairRow planeValues builds, built here independently (z plays x). */
function independentPlaneRow(z: P2, xs: readonly P2[]): PairRow {
  const nz = Math.hypot(...z);
  const unitOf = (v: P2, n: number) => v.map((t) => t / n);
  return {
    nx: nz,
    nz: Float64Array.from(xs, (x) => Math.hypot(...x)),
    delta: Float64Array.from(xs, (x) => {
      const nx = Math.hypot(...x);
      if (nx === 0 || nz === 0) return 1;
      const [a, b] = [unitOf(x, nx), unitOf(z, nz)];
      return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) / 2;
    }),
    sigma: Float64Array.from(xs, (x) => {
      const nx = Math.hypot(...x);
      if (nx === 0 || nz === 0) return 1;
      const [a, b] = [unitOf(x, nx), unitOf(z, nz)];
      return ((a[0] + b[0]) ** 2 + (a[1] + b[1]) ** 2) / 2;
    }),
    dot: Float64Array.from(xs, (x) => x[0] * z[0] + x[1] * z[1]),
    r2: Float64Array.from(xs, (x) => (x[0] - z[0]) ** 2 + (x[1] - z[1]) ** 2),
  };
}

describe('plane maps: layout, difference, origin, extremes', () => {
  it('rows run from x2 = +R down, columns from x1 = −R, cell centres at −R + (i + ½)·2R/size', () => {
    const [R, size] = [2, 5];
    const g = planeGrid(R, size);
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++) {
        expect(g[2 * (j * size + i)]).toBeCloseTo(-R + ((i + 0.5) * 2 * R) / size, 15);
        expect(g[2 * (j * size + i) + 1]).toBeCloseTo(R - ((j + 0.5) * 2 * R) / size, 15);
      }
    }
    expect([g[2 * 12], g[2 * 12 + 1]]).toEqual([0, 0]); // odd size: the centre cell is the origin itself
  });

  it('maps computed in pieces of rows (several workers) join to the one-shot maps, bit for bit', () => {
    // every family of the registry (ntk with L = 3)
    const kernels = FAMILIES.map((f) => defaultInstance(f.id, f.id === 'ntk' ? { L: 3 } : {}));
    const req = { kernels, unit: false, z: [0.9, -0.7] as P2, R: 2.5, size: 37, diff: [1, 2] as P2 };
    const whole = planeMaps(req);
    for (const cuts of [
      [0, 19, 37],
      [0, 0, 5, 36, 37],
      [0, 37],
    ]) {
      const pieces = cuts.slice(1).map((to, i) => planeMaps(req, { from: cuts[i]!, to }));
      expect(pieces.map((p) => p.values[0]!.length)).toEqual(cuts.slice(1).map((to, i) => 37 * (to - cuts[i]!)));
      expect(joinPlaneRows(pieces)).toEqual(whole);
    }
    // the rows of a piece are those rows of the grid
    expect(planeGrid(2.5, 37, { from: 5, to: 9 })).toEqual(planeGrid(2.5, 37).slice(2 * 37 * 5, 2 * 37 * 9));
    expect(() => joinPlaneRows([])).toThrow(RangeError);
    // a missing piece is an error, not a short map
    expect(() => joinPlaneRows([planeMaps(req, { from: 0, to: 19 })])).toThrow(/cells of a 37×37 map/);
    expect(() => planeMaps(req, { from: NaN, to: 3 })).toThrow(RangeError);
  });

  it('stores the float64 values in Float32 with their ranges; A − B is formed before rounding', () => {
    const kernels = [
      defaultInstance('ntk', { L: 2, beta: 0.3 }),
      defaultInstance('laplace', { hom: 1 }),
      defaultInstance('gauss'),
    ];
    const res = planeMaps({ kernels, unit: true, z: [0.6, 0.8], R: 1.5, size: 33, diff: [1, 2] });
    const full = planeValues(kernels, true, [0.6, 0.8], planeGrid(1.5, 33));
    kernels.forEach((_, q) => {
      expect(res.values[q]).toEqual(Float32Array.from(full[q]));
      expect(res.ranges[q]).toEqual([Math.min(...res.values[q]), Math.max(...res.values[q])]);
    });
    expect(res.diff).toEqual(Float32Array.from(full[0], (v, i) => v - full[1][i]));
    expect(res.diffRange).toEqual([Math.min(...res.diff!), Math.max(...res.diff!)]);
    expect(planeMaps({ kernels, unit: true, z: [0.6, 0.8], R: 1.5, size: 8, diff: null }).diff).toBeNull();
    expect(() => planeMaps({ kernels, unit: true, z: [0.6, 0.8], R: 1.5, size: 8, diff: [1, 4] })).toThrow(RangeError);
  });

  it('the difference of an instance with itself is exactly 0 everywhere', () => {
    fc.assert(
      fc.property(anyInstance, planePoint, fc.double({ min: 0.01, max: 10, noNaN: true }), (k, z, R) => {
        const a = planeMaps({ kernels: [k, { ...k }], unit: true, z, R, size: 9, diff: [1, 2] });
        const b = planeMaps({ kernels: [k], unit: false, z, R, size: 9, diff: [1, 1] });
        return [a, b].every((m) => m.diff!.every((v) => v === 0) && m.diffRange![0] === 0 && m.diffRange![1] === 0);
      }),
      { numRuns: 60 },
    );
  });

  it('on the unit circle NTK − laplace(hom=1) depends only on the angle between x and z', () => {
    fc.assert(
      fc.property(
        instanceOf('ntk'),
        instanceOf('laplace').map((k) => ({ ...k, params: { ...k.params, hom: 1 } })),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (ntk, lap, psi1, psi2) => {
          const angles = [0, 0.1, 0.7, 1.5, 2.4, 3.1];
          const diffAt = (psi: number, sign: number) => {
            const xs = angles.map((t): P2 => [Math.cos(psi + sign * t), Math.sin(psi + sign * t)]);
            const [a, b] = planeValues([ntk, lap], true, [Math.cos(psi), Math.sin(psi)], flat(xs));
            return a.map((v, i) => v - b[i]);
          };
          const ref = diffAt(psi1, 1);
          return [diffAt(psi2, 1), diffAt(psi2, -1)].every((d) => d.every((v, i) => Math.abs(v - ref[i]) <= 1e-12));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('at the origin the zero-bias NTK is β²(2 − 2^−L) for any z (norm=raw), not the limit along rays', () => {
    for (const [L, beta] of [
      [1, 1],
      [2, 1],
      [3, 0.5],
      [7, 2],
    ]) {
      const k = defaultInstance('ntk', { L, beta });
      for (const z of [
        [0.6, 0.8],
        [0, 0],
        [-3, 1],
      ] as P2[]) {
        const res = planeMaps({ kernels: [k], unit: false, z, R: 1, size: 5, diff: null });
        const want = beta * beta * (2 - 2 ** -L);
        expect(relativeError(res.atOrigin[0], want)).toBeLessThan(1e-15);
        expect(res.values[0][12]).toBe(Math.fround(res.atOrigin[0])); // the centre cell of an odd grid
      }
    }
    const others = [
      defaultInstance('ntk', { L: 3, beta: 1, bias: 'random' }),
      defaultInstance('laplace', { c: 2 }),
      defaultInstance('gexp', { hom: 1 }),
    ];
    const { atOrigin } = planeMaps({ kernels: others, unit: true, z: [0.3, -0.4], R: 1, size: 4, diff: null });
    others.forEach((k, q) =>
      expect(relativeError(atOrigin[q], native(k, true, [0, 0], [0.3, -0.4]))).toBeLessThan(1e-15),
    );
    expect(atOrigin[2]).toBe(0);
  });

  it('stays finite at the extremes of every range (and clamps R, size, z into OFFSPHERE_LIMITS)', () => {
    const kernels = [
      defaultInstance('ntk', { L: 100, beta: 10, bias: 'random' }),
      defaultInstance('ntk', { L: 100, beta: 10 }),
      defaultInstance('ntk', { L: 1 }),
      defaultInstance('laplace', { c: 100 }),
      defaultInstance('laplace', { c: 0.01, hom: 1 }),
      defaultInstance('gexp', { gamma: 0.01, c: 100, hom: 1 }),
      defaultInstance('gexp', { gamma: 0.01, c: 0.01 }),
      defaultInstance('gauss', { c: 100, hom: 1 }),
    ];
    for (const [R, z] of [
      [1e9, [1e9, -1e9]],
      [1e-9, [0, 0]],
      [1, [0, 0]],
      [1000, [0, 0]],
      [1000, [1e-3, 0]],
    ] as [number, P2][]) {
      const res = planeMaps({ kernels, unit: false, z, R, size: 17, diff: [1, 4] });
      expect(res.R).toBe(Math.min(OFFSPHERE_LIMITS.R.max, Math.max(OFFSPHERE_LIMITS.R.min, R)));
      for (const m of [...res.values, res.diff!]) expect(m.every(Number.isFinite)).toBe(true);
      expect([...res.ranges.flat(), ...res.diffRange!, ...res.atOrigin].every(Number.isFinite)).toBe(true);
      expect(Math.max(...res.ranges.map((r) => Math.abs(r[1])))).toBeLessThan(1e10);
    }
    expect(planeMaps({ kernels: kernels.slice(2), unit: true, z: [0, 0], R: 1, size: 1e6, diff: null }).size).toBe(
      OFFSPHERE_LIMITS.size.max,
    );
    const far = planeMaps({ kernels, unit: true, z: [1e9, -1e9], R: 1, size: 2, diff: null });
    expect(far.atOrigin).toEqual(
      planeMaps({ kernels, unit: true, z: [OFFSPHERE_LIMITS.z.max, OFFSPHERE_LIMITS.z.min], R: 1, size: 2, diff: null })
        .atOrigin,
    );
    expect(() => planeMaps({ kernels, unit: true, z: [NaN, 0], R: 1, size: 4, diff: null })).toThrow(RangeError);
  }, 20_000);
});

describe('rays from the origin (math.md §2.2, §2.4)', () => {
  // R = 4 with 9 samples: r = 0, 0.5, …, 4 exactly; r = 1 at index 2
  const ray = (k: KernelInstance, z: P2, phi: number) => rayProfile([k], false, z, phi, 4, 9).values[0];

  it('bias-free NTK (both conventions) and hom=1 kernels are linear in r: value(r) = r·value(1)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('zero', 'random'))
            .map(([L, bias]) => defaultInstance('ntk', { L, bias })),
          // every family with the `hom` switch
          fc
            .oneof(...FAMILIES.filter((f) => f.params.some((p) => p.key === 'hom')).map((f) => instanceOf(f.id)))
            .map((k) => ({ ...k, params: { ...k.params, hom: 1 } })),
        ),
        planePoint,
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (k, z, phi) => {
          const v = ray(k, z, phi);
          const scale = Math.sqrt(Math.abs(native(k, false, [1, 0], [1, 0]) * native(k, false, z, z)));
          return v.every((vi, i) => Math.abs(vi - (i / 2) * v[2]) <= 1e-13 * (i / 2) * scale);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('zero-initialized bias, β > 0: affine in r > 0 with an offset, and the origin value is not the offset', () => {
    for (const [L, beta] of [
      [1, 1],
      [2, 0.5],
      [5, 2],
    ]) {
      const k = defaultInstance('ntk', { L, beta });
      const v = ray(k, [0.6, 0.8], 0.3);
      const scale = native(k, false, [4, 0], [4, 0]);
      for (let i = 3; i < 9; i++) expect(Math.abs(v[i] - 2 * v[i - 1] + v[i - 2])).toBeLessThan(1e-13 * scale); // r > 0
      const offset = 2 * v[1] - v[2]; // the line through r = 0.5 and r = 1, at r = 0
      expect(offset).toBeGreaterThan(0.1 * beta * beta);
      expect(Math.abs(offset - v[0])).toBeGreaterThan(1e-3 * beta * beta); // the jump at the origin
      expect(v[0]).toBeCloseTo(beta * beta * (2 - 2 ** -L), 13);
    }
  });

  it('random bias, β > 0: the ray profile bends (second differences far from 0)', () => {
    for (const [L, beta] of [
      [1, 1],
      [3, 0.5],
    ]) {
      const k = defaultInstance('ntk', { L, beta, bias: 'random' });
      const v = ray(k, [0.6, 0.8], 0.3);
      const bends = Math.max(...v.slice(2).map((vi, i) => Math.abs(vi - 2 * v[i + 1] + v[i])));
      expect(bends).toBeGreaterThan(1e-3 * native(k, false, [1, 0], [1, 0]));
    }
  });
});
