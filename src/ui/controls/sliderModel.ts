/**
 * How a number parameter maps to its slider, and where an arrow key moves it. Three scales:
 * - log10 for log-scale parameters (1000 steps across the range);
 * - "fine, then log" for integer parameters with more than 2·FINE_STEPS values (L 1–100, the truncation
 *   degree, the fit window, seeds): the first half of the track holds the first FINE_STEPS steps one by one,
 *   the second half the rest on a log scale. On a linear 1–100 slider a layer was 2 px of a 200 px track
 *   (an 18 px drag jumped from L = 2 to 11); here each of L = 1…11 gets 10 px (tests/unit/slider-model.test.ts);
 * - linear otherwise.
 * An arrow key moves an integer parameter by exactly 1 whatever the scale (the slider's own step can be
 * smaller than 1 or larger), so ParamControl steps those itself.
 */
import type { NumberParam } from '../../core/kernels/registry';

/** Steps of an integer slider laid out one by one on the first half of its track. */
export const FINE_STEPS = 10;

export interface SliderModel {
  /** the range input's min, max and step, in slider positions */
  min: number;
  max: number;
  step: number;
  toSlider(value: number): number;
  fromSlider(position: number): number;
}

export function sliderModel(spec: NumberParam): SliderModel {
  if (spec.scale === 'log') {
    // a range that starts at 0 (`logFloor`): one extra step left of logFloor stands for 0
    const lo = Math.log10(spec.logFloor ?? spec.min);
    const hi = Math.log10(spec.max);
    const step = (hi - lo) / 1000;
    const zeroAt = spec.logFloor === undefined ? null : lo - step;
    return {
      min: zeroAt ?? lo,
      max: hi,
      step,
      toSlider: (v: number) => (zeroAt !== null && v < spec.logFloor! ? zeroAt : Math.log10(v)),
      fromSlider: (s: number) =>
        zeroAt !== null && s < lo
          ? 0
          : spec.integer
            ? Math.round(Math.pow(10, s))
            : Number(Math.pow(10, s).toPrecision(3)),
    };
  }
  if (hasFineSteps(spec)) return fineThenLog(spec);
  const decimals = Math.max(0, -Math.floor(Math.log10(spec.step)));
  return {
    min: spec.min,
    max: spec.max,
    step: spec.step,
    toSlider: (v: number) => v,
    fromSlider: (s: number) => Number(s.toFixed(decimals)),
  };
}

/** An integer parameter on a linear scale with too many values for one-by-one steps across its track. */
function hasFineSteps(spec: NumberParam): boolean {
  return spec.integer && spec.max - spec.min > 2 * FINE_STEPS;
}

/**
 * Positions in value units from `min` for the first FINE_STEPS steps (so a position there is the value
 * itself: min…min+F), then as many units again for min+F…max on a log scale of the offset from min.
 */
function fineThenLog(spec: NumberParam): SliderModel {
  const F = FINE_STEPS;
  const decades = Math.log10((spec.max - spec.min) / F);
  const toSlider = (v: number) => {
    const offset = v - spec.min;
    return spec.min + (offset <= F ? offset : F + (F * Math.log10(offset / F)) / decades);
  };
  const fromSlider = (s: number) => {
    const at = s - spec.min;
    const offset = at <= F ? at : F * Math.pow(10, ((at - F) * decades) / F);
    return Math.min(spec.max, Math.max(spec.min, spec.min + Math.round(offset)));
  };
  return { min: spec.min, max: spec.min + 2 * F, step: F / 1000, toSlider, fromSlider };
}

/** The value an arrow key moves an integer parameter to (by 1, within its range). */
export function integerArrow(spec: NumberParam, value: number, dir: -1 | 1): number {
  return Math.min(spec.max, Math.max(spec.min, Math.round(value) + dir));
}

/**
 * The values an arrow key moves the slider to from `value`, the current value itself left out. An integer
 * parameter: one up and one down. Otherwise one slider step down and up, snapped to the step grid from the
 * slider's minimum and clamped to its range as the browser does (HTML range input), then read back as the
 * slider's onChange reads it. For a discrete parameter (`allowed`, drawn as a select): the allowed values
 * next to `value` on either side.
 */
export function sliderNeighbours(spec: NumberParam, value: number): number[] {
  if (spec.allowed !== undefined) {
    const below = spec.allowed.filter((v) => v < value).at(-1);
    const above = spec.allowed.find((v) => v > value);
    return [below, above].filter((v): v is number => v !== undefined);
  }
  const out: number[] = [];
  const add = (v: number) => {
    if (v !== value && !out.includes(v)) out.push(v);
  };
  if (spec.integer) {
    for (const dir of [-1, 1] as const) add(integerArrow(spec, value, dir));
    return out;
  }
  const model = sliderModel(spec);
  const at = model.toSlider(Math.min(spec.max, Math.max(spec.min, value)));
  for (const dir of [-1, 1]) {
    const steps = Math.round((at + dir * model.step - model.min) / model.step);
    const position = Math.min(model.max, Math.max(model.min, model.min + steps * model.step));
    add(Math.min(spec.max, Math.max(spec.min, model.fromSlider(position))));
  }
  return out;
}
