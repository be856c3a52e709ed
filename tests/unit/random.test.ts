/** The seeded generator (numerics/random.ts): pinned state and deviates, and their distribution. */
import { describe, expect, it } from 'vitest';
import { pointCloud } from '../../src/core/offsphere/gram';
import { GENERATOR_NAME, seededRandom, seedState, xoshiro128ss } from '../../src/core/numerics/random';

describe('seeded generator (random.ts)', () => {
  it('is xoshiro128** (reference outputs from the state 1, 2, 3, 4) seeded by SplitMix32', () => {
    const next = xoshiro128ss(Uint32Array.from([1, 2, 3, 4]));
    expect(Array.from({ length: 6 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
    expect(Array.from(seedState(0))).toEqual([2462723854, 1020716019, 454327756, 1275600319]);
    expect(Array.from(seedState(1))).toEqual([2527132011, 314344336, 2535364964, 2041432039]);
    expect(GENERATOR_NAME).toMatch(/xoshiro128\*\*/);
  });

  it('reproduces the same deviates forever (pinned values)', () => {
    const r = seededRandom(42);
    expect([r.uniform(), r.normal(), r.normal(), r.uint32()]).toEqual([
      0.6606157208001621, 1.5576636023738426, -0.019829215651034723, 2296110748,
    ]);
    // the first point of seed 7 pins the whole pipeline (V8's Math.log and Math.exp; see random.ts)
    expect(Array.from(pointCloud(1, 3, 10, 7))).toEqual([-2.354701511788801, -0.45192877787436464, 4.258709772958114]);
  });

  it('uniforms lie in [0, 1) and normals have mean 0, variance 1 (n = 20000, 5σ bounds)', () => {
    const r = seededRandom(3);
    const n = 20000;
    const u = Array.from({ length: n }, r.uniform);
    const g = Array.from({ length: n }, r.normal);
    expect(u.every((t) => t >= 0 && t < 1)).toBe(true);
    const mean = (a: number[]) => a.reduce((s, t) => s + t, 0) / a.length;
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(mean(g))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(mean(g.map((t) => t * t)) - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });
});
