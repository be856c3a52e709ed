/** What the link tests share: validity of a state, the repair line, a discrete parameter, the run count. */
import { family, type NumberParam, type ParamSpec, type ParamValue } from '../../src/core/kernels/registry';
import { GLOBAL_PARAMS, MAX_INSTANCES, type LinkState, type ListParam, type Repair } from '../../src/link';

export const RUNS = Number(process.env.LINK_RUNS ?? 5000);

// ---------------------------------------------------------------- validity and equality of states

/** A repair as the notice and the CLI show it. */
export const line = (r: Repair) => `${r.param}: ${r.message}`;

export type Values = Readonly<Record<string, ParamValue>>;
export const globalsOf = (s: LinkState) => s as unknown as Values;

export function validValue(spec: ParamSpec | ListParam, v: ParamValue | undefined): boolean {
  if (spec.kind === 'choice') return spec.options.some((o) => o.value === v);
  // a list is valid in its canonical form: reading it again changes nothing
  if (spec.kind === 'list')
    return typeof v === 'string' && spec.rule.read(v).value === v && spec.rule.read(v).repairs.length === 0;
  return (
    typeof v === 'number' &&
    Number.isFinite(v) &&
    !Object.is(v, -0) &&
    v >= spec.min &&
    v <= spec.max &&
    (!spec.integer || Number.isInteger(v)) &&
    (spec.allowed === undefined || spec.allowed.includes(v))
  );
}

/** Exactly the keys of `specs` (plus `extra`), each with a valid value. */
export const validValues = (specs: readonly (ParamSpec | ListParam)[], values: Values, extra: string[] = []) =>
  Object.keys(values).length === specs.length + extra.length &&
  specs.every((spec) => validValue(spec, values[spec.key]));

/** Every value in range / a listed word / integer where required; 1–8 instances; cross-checks pass. */
export function validState(s: LinkState): boolean {
  return (
    s.kernels.length >= 1 &&
    s.kernels.length <= MAX_INSTANCES &&
    s.kernels.every((k) => {
      const f = family(k.family);
      return f !== undefined && validValues(f.params, k.params);
    }) &&
    validValues(GLOBAL_PARAMS, globalsOf(s), ['kernels']) &&
    GLOBAL_PARAMS.every((spec) => spec.check?.(s) === undefined)
  );
}

// ---------------------------------------------------------------- discrete number parameters (`allowed`)

/** A discrete number parameter as a family would declare it (math.md §2.5's ν), independent of the registry. */
export const DISCRETE: NumberParam = {
  key: 'nu',
  label: 'ν (smoothness)',
  help: 'test parameter',
  place: 'sphere',
  kind: 'number',
  integer: false,
  default: 1.5,
  min: 0.5,
  max: 2.5,
  step: 1,
  scale: 'linear',
  allowed: [0.5, 1.5, 2.5],
};
