/**
 * THE kernel registry. One entry per family drives the controls, the link schema (links.md §1), the
 * formulas on screen, the evaluators used by the workers, the CLI and the tests. Adding a family means
 * adding one entry here.
 */
import { ntkAtOne, ntkOnRd, ntkOnSphere, ntkRow, type NtkParams } from './ntk';
import {
  exponentialOnRd,
  exponentialOnSphere,
  exponentialRow,
  homogeneousOnRd,
  type ExponentialParams,
} from './exponential';
import { maternOnRd, maternOnSphere, maternRow, type MaternParams } from './matern';
import type { RowKernel } from './rows';

export type ParamValue = number | string;
export type Params = Readonly<Record<string, ParamValue>>;

/** Where a parameter's control lives: `sphere` (kernel list) or `offsphere` (the off-sphere view). */
export type ControlPlace = 'sphere' | 'offsphere';

interface ParamBase {
  key: string;
  label: string;
  /** one sentence for the tooltip / screen reader */
  help: string;
  place: ControlPlace;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  integer: boolean;
  default: number;
  min: number;
  max: number;
  /** slider step (in the slider's own scale for `log`); values typed in need not sit on a step */
  step: number;
  scale: 'linear' | 'log';
  /**
   * For a log-scale parameter whose range starts at 0: the smallest positive value the slider reaches;
   * the slider's leftmost position stands for 0.
   */
  logFloor?: number;
  /** a 0/1 switch drawn as a checkbox */
  toggle?: boolean;
  /**
   * A discrete choice among these numbers (ascending; the first is `min`, the last `max`), drawn as a select.
   * A link's other numbers snap to the nearest allowed value, a value halfway between two going up
   * (links.md §1, src/link/params.ts `coerceParam`).
   */
  allowed?: readonly number[];
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  default: string;
  options: readonly { value: string; label: string }[];
}

export type ParamSpec = NumberParam | ChoiceParam;

/** Decay of the Mercer eigenvalues on S^{d−1} as k → ∞ (math.md §4). */
export interface DecayRate {
  /** λ_k ~ k^{exponent}; null for faster than any power (Gaussian) */
  exponent: number | null;
  /** e.g. "k^−d" (plain text) */
  label: string;
  source: string;
  /** odd degrees k ≥ 3 vanish exactly (bias-free one-hidden-layer NTK) */
  oddVanish: boolean;
}

export interface KernelFamily {
  id: string;
  name: string;
  params: readonly ParamSpec[];
  /** KaTeX source of the formula at these parameters */
  latex(p: Params): string;
  /** plain-text (Unicode) formula for SVG legends and screen readers */
  text(p: Params): string;
  /** raw value on the unit sphere at the carried cosine (δ, σ) = (1 − u, 1 + u) (math.md §2) */
  onSphere(delta: number, sigma: number, p: Params): number;
  /** raw value on R^d, native definition (math.md §2), x and z of equal length */
  onRd(x: ArrayLike<number>, z: ArrayLike<number>, p: Params): number;
  /** κ(1): the value at x = z on the unit sphere, the `norm=unit` divisor (links.md §1) */
  atOne(p: Params): number;
  /**
   * Optional fast evaluator over a row of pairs (rows.ts), value/divisor: what `onRd` computes, in one
   * tight loop without vectors. A family without it is evaluated off the sphere through `onRd`.
   */
  row?(p: Params, divisor: number): RowKernel;
  /**
   * Exponent q of a θ^q non-analytic term at θ = 0 that quadrature must resolve (math.md §3), or null when
   * the kernel is analytic in θ on [0, π].
   */
  thetaSingularity(p: Params): number | null;
  decay(d: number, p: Params): DecayRate;
}

/** A kernel on screen: a family and a full set of its parameters. */
export interface KernelInstance {
  family: string;
  params: Params;
}

/** Shortest readable form of a parameter value for formulas (links keep the exact value). */
export function formatValue(v: number): string {
  // from 1e12 on, exponent form: 1e15 rather than fifteen zeros (seeds up to 2147483647 stay whole)
  if (Math.abs(v) >= 1e12) return v.toExponential().replace('e+', 'e');
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

const num = (p: Params, key: string) => p[key] as number;

const C_PARAM: NumberParam = {
  key: 'c',
  label: 'c (scale)',
  help: 'Rate c in exp(−c‖x−z‖^γ); larger c gives a narrower kernel.',
  place: 'sphere',
  kind: 'number',
  integer: false,
  default: 1,
  min: 0.01,
  max: 100,
  step: 0.01,
  scale: 'log',
};

/** A 0/1 switch, off by default, drawn as a checkbox (here and in the link's global table). */
export function toggleParam<K extends string>(
  key: K,
  label: string,
  help: string,
  place: ControlPlace = 'sphere',
): NumberParam & { key: K } {
  return {
    key,
    label,
    help,
    place,
    kind: 'number',
    integer: true,
    default: 0,
    min: 0,
    max: 1,
    step: 1,
    scale: 'linear',
    toggle: true,
  };
}

const HOM_PARAM = toggleParam(
  'hom',
  'homogeneous off the sphere',
  'Replace the kernel off the sphere by ‖x‖‖z‖κ(x̂ᵀẑ) (math.md §2.4); no change on the sphere.',
  'offsphere',
);

const ntkParams = (p: Params): NtkParams => ({
  L: num(p, 'L'),
  beta: num(p, 'beta'),
  bias: p.bias === 'random' ? 'random' : 'zero',
});

const ntk: KernelFamily = {
  id: 'ntk',
  name: 'ReLU NTK',
  params: [
    {
      key: 'L',
      label: 'L hidden layers',
      help: 'L hidden layers = an (L+1)-layer network; L = 1 is the two-layer network.',
      place: 'sphere',
      kind: 'number',
      integer: true,
      default: 1,
      min: 1,
      max: 100,
      step: 1,
      scale: 'linear',
    },
    {
      key: 'beta',
      label: 'β (bias scale)',
      help: 'Bias scale β ≥ 0; β = 0 is the bias-free network.',
      place: 'sphere',
      kind: 'number',
      integer: false,
      default: 0,
      min: 0,
      max: 10,
      step: 0.05,
      scale: 'linear',
    },
    {
      key: 'bias',
      label: 'bias initialization',
      help: 'zero: zero-initialized bias (Basri et al.); random: b ~ N(0,1)·β (Jacot et al.).',
      place: 'sphere',
      kind: 'choice',
      default: 'zero',
      options: [
        { value: 'zero', label: 'zero-initialized' },
        { value: 'random', label: 'random' },
      ],
    },
  ],
  latex(p) {
    const { L, beta, bias } = ntkParams(p);
    const b = beta === 0 ? '' : `,\\ \\beta=${formatValue(beta)}${bias === 'random' ? '\\ (\\text{random bias})' : ''}`;
    return `\\Theta^{(${L})}_{\\mathrm{ReLU}}(x,z)${b}`;
  },
  text(p) {
    const { L, beta, bias } = ntkParams(p);
    const b = beta === 0 ? '' : `, β=${formatValue(beta)}${bias === 'random' ? ' (random bias)' : ''}`;
    return `ReLU NTK, L=${L}${b}`;
  },
  onSphere: (delta, sigma, p) => ntkOnSphere(delta, sigma, ntkParams(p)),
  onRd: (x, z, p) => ntkOnRd(x, z, ntkParams(p)),
  atOne: (p) => ntkAtOne(ntkParams(p)),
  row: (p, divisor) => ntkRow(ntkParams(p), divisor),
  thetaSingularity: () => null,
  decay(_d, p) {
    const { L, beta } = ntkParams(p);
    return {
      exponent: -_d,
      label: 'k^−d',
      source:
        L === 1 && beta === 0
          ? 'Bietti & Mairal 2019 (even k; odd k ≥ 3 vanish)'
          : L === 1
            ? 'Geifman et al. 2020; Bietti & Bach 2021'
            : 'Bietti & Bach 2021; Chen & Xu 2021',
      oddVanish: L === 1 && beta === 0,
    };
  },
};

/** γ-exponential family entries differ only in how γ is obtained. */
function exponentialFamily(
  id: string,
  name: string,
  gammaOf: (p: Params) => number,
  extraParams: readonly ParamSpec[],
): KernelFamily {
  const ep = (p: Params): ExponentialParams => ({ gamma: gammaOf(p), c: num(p, 'c') });
  const onSphere = (delta: number, _sigma: number, p: Params) => exponentialOnSphere(delta, ep(p));
  const power = (g: number) => (g === 1 ? '' : `^{${formatValue(g)}}`);
  const powerText = (g: number) => (g === 1 ? '' : g === 2 ? '²' : `^${formatValue(g)}`);
  return {
    id,
    name,
    params: [...extraParams, C_PARAM, HOM_PARAM],
    latex(p) {
      const { gamma, c } = ep(p);
      const cs = c === 1 ? '' : `${formatValue(c)}\\,`;
      return num(p, 'hom') === 1
        ? `\\lVert x\\rVert\\lVert z\\rVert\\, e^{-${cs}\\lVert \\hat x-\\hat z\\rVert${power(gamma)}}`
        : `e^{-${cs}\\lVert x-z\\rVert${power(gamma)}}`;
    },
    text(p) {
      const { gamma, c } = ep(p);
      const cs = c === 1 ? '' : `${formatValue(c)}·`;
      return num(p, 'hom') === 1 ? `‖x‖‖z‖·exp(−${cs}‖x̂−ẑ‖${powerText(gamma)})` : `exp(−${cs}‖x−z‖${powerText(gamma)})`;
    },
    onSphere,
    onRd: (x, z, p) =>
      num(p, 'hom') === 1
        ? homogeneousOnRd(x, z, (delta, sigma) => onSphere(delta, sigma, p))
        : exponentialOnRd(x, z, ep(p)),
    atOne: () => 1,
    row: (p, divisor) => exponentialRow(ep(p), num(p, 'hom') === 1, divisor),
    thetaSingularity(p) {
      const g = gammaOf(p);
      // (2 sin(θ/2))^γ is analytic in θ for γ = 1 and γ = 2 only
      return g === 1 || g === 2 ? null : g;
    },
    decay(d, p) {
      const g = gammaOf(p);
      if (g === 2) {
        return { exponent: null, label: 'faster than any power', source: 'classical', oddVanish: false };
      }
      return g === 1
        ? { exponent: -d, label: 'k^−d', source: 'Geifman et al. 2020', oddVanish: false }
        : {
            exponent: -(d - 1 + g),
            label: 'k^−(d−1+γ)',
            source: 'Geifman et al. 2020; Bietti & Bach 2021',
            oddVanish: false,
          };
    },
  };
}

const laplace = exponentialFamily('laplace', 'Laplace', () => 1, []);

const gexp = exponentialFamily('gexp', 'γ-exponential', (p) => num(p, 'gamma'), [
  {
    key: 'gamma',
    label: 'γ (exponent)',
    help: 'Exponent γ in exp(−c‖x−z‖^γ): γ = 1 is Laplace, γ = 2 Gaussian; smaller γ is rougher.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 1.5,
    min: 0.01,
    max: 2,
    step: 0.01,
    scale: 'linear',
  },
]);

const gauss = exponentialFamily('gauss', 'Gaussian', () => 2, []);

const maternParams = (p: Params): MaternParams => ({ nu: num(p, 'nu'), c: num(p, 'c') });

/** ν as a fraction, as the formulas show it: 1/2, 3/2, 5/2. */
const nuText = (nu: number) => (Number.isInteger(2 * nu) ? `${2 * nu}/2` : formatValue(nu));

/** The Matérn family with half-integer ν (math.md §2.5). */
const matern: KernelFamily = {
  id: 'matern',
  name: 'Matérn',
  params: [
    {
      key: 'nu',
      label: 'ν (smoothness)',
      help: 'Smoothness ν: 1/2 is the Laplace kernel; each step up makes the kernel smoother and its eigenvalues decay two powers of k faster.',
      place: 'sphere',
      kind: 'number',
      integer: false,
      default: 1.5,
      min: 0.5,
      max: 2.5,
      step: 1,
      scale: 'linear',
      allowed: [0.5, 1.5, 2.5],
    },
    {
      ...C_PARAM,
      help: 'Rate c = 1/ℓ: the kernel is a function of √(2ν)·c‖x−z‖; larger c gives a narrower kernel.',
    },
    HOM_PARAM,
  ],
  latex(p) {
    const { nu, c } = maternParams(p);
    const hom = num(p, 'hom') === 1;
    const r = hom ? '\\lVert \\hat x-\\hat z\\rVert' : '\\lVert x-z\\rVert';
    const scale = (root: string) => `${c === 1 ? '' : formatValue(c)}${root}\\,${r}`;
    const pre = hom ? '\\lVert x\\rVert\\lVert z\\rVert\\,' : '';
    const nuTex = `\\nu=\\tfrac{${2 * nu}}{2}`;
    if (nu === 0.5) return `${nuTex}:\\ ${pre}e^{-${c === 1 ? '' : `${formatValue(c)}\\,`}${r}}`;
    const poly = nu === 1.5 ? '1+a' : '1+a+\\tfrac{a^2}{3}';
    return `${nuTex}:\\ ${pre}\\left(${poly}\\right)e^{-a},\\ a=${scale(`\\sqrt{${2 * nu}}`)}`;
  },
  text(p) {
    const { nu, c } = maternParams(p);
    const cs = c === 1 ? '' : `, c=${formatValue(c)}`;
    return `Matérn ν=${nuText(nu)}${cs}${num(p, 'hom') === 1 ? ', ‖x‖‖z‖·κ(x̂ᵀẑ)' : ''}`;
  },
  onSphere: (delta, _sigma, p) => maternOnSphere(delta, maternParams(p)),
  onRd: (x, z, p) => maternOnRd(x, z, maternParams(p), num(p, 'hom') === 1),
  atOne: () => 1,
  row: (p, divisor) => maternRow(maternParams(p), num(p, 'hom') === 1, divisor),
  // a polynomial in r times e^{−a}, and r = 2 sin(θ/2) is analytic in θ: analytic on [0, π] (math.md §3)
  thetaSingularity: () => null,
  decay(d, p) {
    const { nu } = maternParams(p);
    return {
      exponent: -(d - 1 + 2 * nu),
      label: 'k^−(d−1+2ν)',
      source: 'Bietti & Bach 2021; cf. Borovitskiy et al. 2020',
      oddVanish: false,
    };
  },
};

/** Families in link-table order (links.md §1). */
export const FAMILIES: readonly KernelFamily[] = [ntk, laplace, gexp, gauss, matern];

export function family(id: string): KernelFamily | undefined {
  return FAMILIES.find((f) => f.id === id);
}

/** The family of an instance that has passed link validation. */
export function familyOf(k: KernelInstance): KernelFamily {
  const f = family(k.family);
  if (!f) throw new Error(`unknown kernel family ${k.family}`);
  return f;
}

/** An instance of `id` with every parameter at its default, overridden by `overrides`. */
export function defaultInstance(id: string, overrides: Params = {}): KernelInstance {
  const f = family(id);
  if (!f) throw new Error(`unknown kernel family ${id}`);
  const params: Record<string, ParamValue> = {};
  for (const spec of f.params) params[spec.key] = overrides[spec.key] ?? spec.default;
  return { family: id, params };
}

/**
 * THE name of the instance at 0-based `index` of the kernel list, the one every view uses (kernel list,
 * legends, readouts, pickers, figures; position = colour): its position, its family and the parameters
 * that tell instances apart, e.g. "1. ReLU NTK L=2 β=0", "2. Laplace c=1", "3. γ-exponential γ=0.5 c=1".
 * Each number parameter of the kernel list is written by its symbol (the first word of its label); a
 * choice only when it differs from its default ("random bias"); an off-sphere switch only when on
 * ("homogeneous"). The formula (`text`, `latex`) is shown beside the name, never instead of it.
 */
export function kernelLabel(k: KernelInstance, index: number): string {
  const f = familyOf(k);
  const parts = f.params.flatMap((spec) => {
    const v = k.params[spec.key];
    if (spec.kind === 'choice') {
      const option = spec.options.find((o) => o.value === v);
      return v === spec.default || !option ? [] : [`${option.label} ${spec.key}`];
    }
    if (spec.toggle) return v === 1 ? [spec.label.split(' ')[0]] : [];
    return spec.place === 'sphere' ? [`${spec.label.split(' ')[0]}=${formatValue(v as number)}`] : [];
  });
  return `${index + 1}. ${[f.name, ...parts].join(' ')}`;
}

/** Value on the unit sphere after `norm` (links.md §1): raw, or divided by κ(1). */
export function sphereValue(k: KernelInstance, delta: number, sigma: number, unit: boolean): number {
  const f = familyOf(k);
  const v = f.onSphere(delta, sigma, k.params);
  return unit ? v / f.atOne(k.params) : v;
}

/** Carried cosine (δ, σ) = (2 sin²(θ/2), 2 cos²(θ/2)) of an angle θ ∈ [0, π]. */
export function carriedFromAngle(theta: number): { delta: number; sigma: number } {
  const s = Math.sin(theta / 2);
  const c = Math.cos(theta / 2);
  return { delta: 2 * s * s, sigma: 2 * c * c };
}
