/**
 * Where an arrow key moves a slider (src/ui/controls/sliderModel.ts): the values a focused slider has computed in
 * advance. The e2e test "a key press … redraws the profile in the frame of the key press" checks them
 * against Chromium's own stepping.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, type NumberParam } from '../../src/core/kernels/registry';
import { GLOBAL_PARAMS } from '../../src/link';
import { FINE_STEPS, sliderModel, sliderNeighbours } from '../../src/ui/controls/sliderModel';
import { DISCRETE } from './link-helpers';

const kernelParam = (family: string, key: string) =>
  FAMILIES.find((f) => f.id === family)!.params.find((p) => p.key === key) as NumberParam;
const globalParam = (key: string) => GLOBAL_PARAMS.find((p) => p.key === key) as unknown as NumberParam;

describe('sliderNeighbours', () => {
  it('steps an integer slider by one, within its range', () => {
    const L = kernelParam('ntk', 'L');
    expect(sliderNeighbours(L, 1)).toEqual([2]);
    expect(sliderNeighbours(L, 5)).toEqual([4, 6]);
    expect(sliderNeighbours(L, 100)).toEqual([99]);
  });

  it('steps an integer log slider (d, kmax) by one, where one slider step moves less or more than 1', () => {
    const d = globalParam('d');
    expect(d.scale).toBe('log');
    expect(sliderNeighbours(d, 3)).toEqual([2, 4]);
    expect(sliderNeighbours(globalParam('kmax'), 5000)).toEqual([4999]);
  });

  it('steps a decimal slider on its step grid, read back to its decimals', () => {
    const beta = kernelParam('ntk', 'beta');
    expect(sliderNeighbours(beta, 0)).toEqual([0.05]);
    expect(sliderNeighbours(beta, 0.5)).toEqual([0.45, 0.55]);
    // a value off the grid (typed or linked) moves to the grid points either side
    expect(sliderNeighbours(beta, 0.52)).toEqual([0.45, 0.55]);
  });

  it('steps a log slider by a thousandth of its decades, at three significant digits', () => {
    const c = kernelParam('laplace', 'c');
    expect(sliderNeighbours(c, 1)).toEqual([0.991, 1.01]);
    expect(sliderNeighbours(c, 0.01)).toEqual([0.0101]);
    expect(sliderNeighbours(c, 100)).toEqual([99.1]);
  });

  it('steps from 0 to the floor and back on a log slider that reaches 0', () => {
    const ridge = globalParam('ridge');
    expect(ridge.logFloor).toBe(1e-9);
    expect(sliderNeighbours(ridge, 0)).toEqual([1e-9]);
    // 11 decades (1e−9 to 100) in 1000 steps: one step up from 1e−9 is 10^(−9 + 0.011) = 1.0257…e−9
    expect(sliderModel(ridge).step).toBeCloseTo(0.011, 12);
    expect(sliderNeighbours(ridge, 1e-9)).toEqual([0, 1.03e-9]);
  });

  it('steps a discrete parameter (allowed values, drawn as a select) to the allowed values either side', () => {
    const nu = DISCRETE;
    expect(sliderNeighbours(nu, 0.5)).toEqual([1.5]);
    expect(sliderNeighbours(nu, 1.5)).toEqual([0.5, 2.5]);
    expect(sliderNeighbours(nu, 2.5)).toEqual([1.5]);
  });

  it('gives each number parameter values inside its range, at most one on each side (exactly one on a linear slider, unless at an end)', () => {
    const specs = [...FAMILIES.flatMap((f) => f.params), ...(GLOBAL_PARAMS as readonly { kind: string }[])].filter(
      (p): p is NumberParam => p.kind === 'number' && !(p as NumberParam).toggle,
    );
    expect(specs.length).toBeGreaterThan(10);
    for (const spec of specs) {
      for (const value of [spec.min, spec.default as number, spec.max]) {
        const around = sliderNeighbours(spec, value);
        const below = around.filter((v) => v < value);
        const above = around.filter((v) => v > value);
        expect(below.length + above.length, `${spec.key} at ${value}`).toBe(around.length);
        // a log slider's step may not yet reach the next integer, but an integer moves by 1 on every scale
        const exact = spec.scale === 'linear' || spec.integer;
        expect(below.length, `${spec.key} at ${value}`).toBe(value > spec.min && (exact || below.length) ? 1 : 0);
        expect(above.length, `${spec.key} at ${value}`).toBe(value < spec.max && (exact || above.length) ? 1 : 0);
        for (const v of around) expect(v >= spec.min && v <= spec.max, `${spec.key}: ${v}`).toBe(true);
      }
    }
  });
});

/** Pixels between the positions of two values on a slider whose track is `track` px long. */
function pixelsBetween(spec: NumberParam, a: number, b: number, track = 200): number {
  const m = sliderModel(spec);
  return (track * (m.toSlider(b) - m.toSlider(a))) / (m.max - m.min);
}

describe('sliderModel: integer sliders with many values (fine steps, then a log scale)', () => {
  const integers = [...FAMILIES.flatMap((f) => f.params), ...(GLOBAL_PARAMS as readonly { kind: string }[])].filter(
    (p): p is NumberParam =>
      p.kind === 'number' &&
      (p as NumberParam).integer &&
      (p as NumberParam).scale === 'linear' &&
      (p as NumberParam).allowed === undefined &&
      (p as NumberParam).max - (p as NumberParam).min > 2 * FINE_STEPS,
  );

  it('gives each of L = 1…11 at least 10 px of a 200 px track (a linear 1–100 slider: 2 px)', () => {
    const L = kernelParam('ntk', 'L');
    expect(L.min).toBe(1);
    expect(L.max).toBe(100);
    for (let v = 1; v <= 10; v++) expect(pixelsBetween(L, v, v + 1)).toBeGreaterThanOrEqual(10 - 1e-9);
    // an 18 px drag from L = 2 (the example) ends at L = 3 or 4, no longer at 11
    const m = sliderModel(L);
    expect(m.fromSlider(m.toSlider(2) + (18 / 200) * (m.max - m.min))).toBe(4);
    // the whole range stays reachable: the second half of the track covers L = 11…100 on a log scale
    expect(m.fromSlider(m.max)).toBe(100);
    expect(pixelsBetween(L, 11, 100)).toBeCloseTo(100, 9);
  });

  it('covers the same integer sliders as the link table says (L, the truncation degree, the fit window, seeds)', () => {
    const keys = integers.map((p) => p.key);
    for (const key of ['L', 'deg', 'klo', 'khi', 'seed']) expect(keys).toContain(key);
  });

  it('reads every integer of a range back from its own position, in order, ends included', () => {
    for (const spec of integers) {
      const m = sliderModel(spec);
      expect(m.toSlider(spec.min), spec.key).toBe(m.min);
      expect(m.toSlider(spec.max), spec.key).toBeCloseTo(m.max, 9);
      expect(m.fromSlider(m.min), spec.key).toBe(spec.min);
      expect(m.fromSlider(m.max), spec.key).toBe(spec.max);
      // every integer up to 10 000 above the minimum (the seeds' range is 2³¹)
      let last = -Infinity;
      for (let v = spec.min; v <= Math.min(spec.max, spec.min + 10_000); v++) {
        const at = m.toSlider(v);
        expect(at, `${spec.key} ${v}`).toBeGreaterThan(last);
        expect(m.fromSlider(at), `${spec.key} ${v}`).toBe(v);
        last = at;
      }
    }
  });

  it('keeps a value on the fine half at its own position (the range input reads the value itself)', () => {
    const L = kernelParam('ntk', 'L');
    for (let v = 1; v <= 1 + FINE_STEPS; v++) expect(sliderModel(L).toSlider(v)).toBe(v);
  });
});
