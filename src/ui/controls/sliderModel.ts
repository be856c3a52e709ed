/**
 * How a number parameter maps to its slider: linear, or log10 for log-scale parameters (1000 steps across
 * the range), and where an arrow key moves it.
 */
import type { NumberParam } from '../../core/kernels/registry';

/** Slider positions: linear, or log10 for log-scale parameters (1000 steps across the range). */
export function sliderModel(spec: NumberParam) {
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
  const decimals = Math.max(0, -Math.floor(Math.log10(spec.step)));
  return {
    min: spec.min,
    max: spec.max,
    step: spec.step,
    toSlider: (v: number) => v,
    fromSlider: (s: number) => Number(s.toFixed(decimals)),
  };
}

/**
 * The values an arrow key moves the slider to from `value`: one slider step down and up, snapped to the
 * step grid from the slider's minimum and clamped to its range as the browser does (HTML range input),
 * then read back as the slider's onChange reads it; the current value itself is left out. For a discrete
 * parameter (`allowed`, drawn as a select): the allowed values next to `value` on either side.
 */
export function sliderNeighbours(spec: NumberParam, value: number): number[] {
  if (spec.allowed !== undefined) {
    const below = spec.allowed.filter((v) => v < value).at(-1);
    const above = spec.allowed.find((v) => v > value);
    return [below, above].filter((v): v is number => v !== undefined);
  }
  const model = sliderModel(spec);
  const at = model.toSlider(Math.min(spec.max, Math.max(spec.min, value)));
  const out: number[] = [];
  for (const dir of [-1, 1]) {
    const steps = Math.round((at + dir * model.step - model.min) / model.step);
    const position = Math.min(model.max, Math.max(model.min, model.min + steps * model.step));
    const v = Math.min(spec.max, Math.max(spec.min, model.fromSlider(position)));
    if (v !== value && !out.includes(v)) out.push(v);
  }
  return out;
}
