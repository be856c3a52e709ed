/**
 * Share links (links.md §1): properties over states generated from the registry and the global table,
 * a corpus of bad links with the exact repairs each must produce, and the examples of links.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FAMILIES,
  defaultInstance,
  family,
  type NumberParam,
  type ParamSpec,
  type ParamValue,
} from '../../src/core/kernels/registry';
import {
  DEFAULT_KERNELS,
  DEGREE_LIMITS,
  GLOBAL_PARAMS,
  MAX_INSTANCES,
  coerceGlobal,
  coerceParam,
  defaultState,
  formatLinkNumber,
  instanceText,
  parseLink,
  pointsText,
  readDegrees,
  readPoints,
  serializeLink,
  type LinkState,
  type ListParam,
  type Repair,
} from '../../src/link';

const RUNS = Number(process.env.LINK_RUNS ?? 5000);

// ---------------------------------------------------------------- validity and equality of states

/** A repair as the notice and the CLI show it. */
const line = (r: Repair) => `${r.param}: ${r.message}`;

type Values = Readonly<Record<string, ParamValue>>;
const globalsOf = (s: LinkState) => s as unknown as Values;

function validValue(spec: ParamSpec | ListParam, v: ParamValue | undefined): boolean {
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
const validValues = (specs: readonly (ParamSpec | ListParam)[], values: Values, extra: string[] = []) =>
  Object.keys(values).length === specs.length + extra.length &&
  specs.every((spec) => validValue(spec, values[spec.key]));

/** Every value in range / a listed word / integer where required; 1–8 instances; cross-checks pass. */
function validState(s: LinkState): boolean {
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

const sameValues = (specs: readonly (ParamSpec | ListParam)[], a: Values, b: Values) =>
  specs.every((spec) => a[spec.key] === b[spec.key]);

function sameState(a: LinkState, b: LinkState): boolean {
  return (
    a.kernels.length === b.kernels.length &&
    a.kernels.every((k, i) => {
      const other = b.kernels[i];
      const f = family(k.family);
      return f !== undefined && other.family === k.family && sameValues(f.params, k.params, other.params);
    }) &&
    sameValues(GLOBAL_PARAMS, globalsOf(a), globalsOf(b))
  );
}

// ---------------------------------------------------------------- discrete number parameters (`allowed`)

/** A discrete number parameter as a family would declare it (math.md §2.5's ν), independent of the registry. */
const DISCRETE: NumberParam = {
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

/** The nearest allowed value by distance, the larger of two at the same distance (reference for coerceParam). */
const nearestAllowed = (allowed: readonly number[], n: number) =>
  allowed.reduce((best, a) => (Math.abs(a - n) <= Math.abs(best - n) ? a : best));

// ---------------------------------------------------------------- arbitraries from the registry and the table

/** Any valid value: the default, a bound, a short decimal, or any double in range (off the slider steps). */
function valueArb(spec: ParamSpec | ListParam): fc.Arbitrary<ParamValue> {
  if (spec.kind === 'choice') return fc.constantFrom(...spec.options.map((o) => o.value));
  if (spec.kind === 'list') return listArb(spec);
  if (spec.allowed !== undefined) return fc.constantFrom(...spec.allowed);
  if (spec.integer) return fc.oneof(fc.constant(spec.default), fc.integer({ min: spec.min, max: spec.max }));
  const { min, max } = spec;
  return fc.oneof(
    fc.constantFrom(spec.default, min, max),
    // short decimals such as a person types: 3 decimals, kept in range
    fc.integer({ min: 0, max: 1000 }).map((i) => {
      const v = Number((min + ((max - min) * i) / 1000).toFixed(3));
      return Math.min(max, Math.max(min, v));
    }),
    fc.double({ min, max, noNaN: true }).map((v) => v + 0),
  );
}

/** Canonical list texts: data points (angle in [0, 360), value in ±10) or sorted distinct degrees. */
function listArb(spec: ListParam): fc.Arbitrary<string> {
  if (spec.key === 'pts') {
    const point = fc.record({
      angle: fc.oneof(
        fc.integer({ min: 0, max: 359 }),
        fc.double({ min: 0, max: 359.99, noNaN: true }).map((a) => a + 0),
      ),
      value: fc.oneof(
        fc.integer({ min: -10, max: 10 }),
        fc.double({ min: -10, max: 10, noNaN: true }).map((v) => v + 0),
      ),
    });
    return fc.oneof(fc.constant(spec.default), fc.array(point, { maxLength: 30 }).map(pointsText));
  }
  return fc.oneof(
    fc.constant(spec.default),
    fc
      .uniqueArray(fc.integer({ min: 0, max: DEGREE_LIMITS.max }), { minLength: 1, maxLength: DEGREE_LIMITS.items })
      .map((ks) => ks.sort((a, b) => a - b).join(',')),
  );
}

const valuesArb = (specs: readonly (ParamSpec | ListParam)[]) =>
  fc.tuple(...specs.map(valueArb)).map((vs) => Object.fromEntries(specs.map((spec, i) => [spec.key, vs[i]])));

const instanceArb = fc
  .constantFrom(...FAMILIES)
  .chain((f) => valuesArb(f.params).map((params) => ({ family: f.id, params })));

const stateArb: fc.Arbitrary<LinkState> = fc
  .record({
    kernels: fc.oneof(
      { weight: 1, arbitrary: fc.constant([...DEFAULT_KERNELS]) },
      { weight: 4, arbitrary: fc.array(instanceArb, { minLength: 1, maxLength: MAX_INSTANCES }) },
    ),
    globals: valuesArb(GLOBAL_PARAMS),
  })
  .map(({ kernels, globals }) => ({ kernels, ...globals }) as LinkState)
  .filter((s) => GLOBAL_PARAMS.every((spec) => spec.check?.(s) === undefined));

/** Pieces of link text, including malformed escapes, lone surrogates and control characters. */
const linkUnit = fc.constantFrom(
  ...['(', ')', ',', '=', '&', '?', '#', '%', '+', ' ', '%2', '%28', '%29', '%2C', '%3D', '%E0%A4%A', '%FF', '%C3%A9'],
  ...['e', '.', '-', '0', '5', '9', 'ntk', 'laplace', 'L', 'c', 'kernels', 'd', 'v', 'fit', 'zoom', 'norm'],
  ...['\u0000', '\n', '\ud800', '\udc00', '😀', 'Infinity', 'NaN', '0x10', '1e400'],
);

const mutatedLinkArb = fc
  .tuple(
    stateArb.map(serializeLink),
    fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 4 }), ins: fc.string({ unit: linkUnit, maxLength: 3 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([link, edits]) =>
    edits.reduce((s, e) => {
      const i = e.at % (s.length + 1);
      return s.slice(0, i) + e.ins + s.slice(i + e.del);
    }, link),
  );

const anyStringArb = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: linkUnit, maxLength: 40 }),
  mutatedLinkArb,
);

// ---------------------------------------------------------------- (1) properties

describe('link properties (fast-check)', () => {
  it('serialize then parse is the identity on valid states, with no repairs', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { state, repairs } = parseLink(serializeLink(s));
        return repairs.length === 0 && sameState(state, s);
      }),
      { numRuns: RUNS },
    );
  });

  it('serialize∘parse∘serialize is stable on valid states', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const link = serializeLink(s);
        return serializeLink(parseLink(link).state) === link;
      }),
      { numRuns: RUNS },
    );
  });

  it('parse never throws and always yields a valid state (any string, full Unicode, mutated links)', () => {
    fc.assert(
      fc.property(anyStringArb, (x) => validState(parseLink(x).state)),
      { numRuns: 4 * RUNS },
    );
  });

  it('the canonical link of any parsed string is a fixed point that parses without repairs', () => {
    fc.assert(
      fc.property(anyStringArb, (x) => {
        const canonical = serializeLink(parseLink(x).state);
        const again = parseLink(canonical);
        return again.repairs.length === 0 && serializeLink(again.state) === canonical;
      }),
      { numRuns: 2 * RUNS },
    );
  });

  it('every repair line is one line of plain text; an unknown parameter is named quoted', () => {
    const known = new Set(['v', 'kernels', ...GLOBAL_PARAMS.map((spec) => spec.key)]);
    fc.assert(
      fc.property(anyStringArb, (x) =>
        parseLink(x).repairs.every(
          (r) =>
            !/[\u0000-\u001f]/.test(line(r)) &&
            (known.has(r.param) || (r.param.startsWith('"') && r.message === 'unknown parameter dropped')),
        ),
      ),
      { numRuns: 2 * RUNS },
    );
  });

  it('percent-encoding any characters of a valid link changes nothing', () => {
    const pct = (c: string) =>
      Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    fc.assert(
      fc.property(stateArb, fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (s, mask) => {
        const link = serializeLink(s);
        // keep `&` and the first `=` of each parameter: they delimit before decoding (links.md §1)
        const encoded = link
          .slice(1)
          .split('&')
          .map((seg) => {
            const eq = seg.indexOf('=');
            const enc = (t: string, o: number) => Array.from(t, (c, i) => (mask[(o + i) % 64] ? pct(c) : c)).join('');
            return `${enc(seg.slice(0, eq), 0)}=${enc(seg.slice(eq + 1), eq + 1)}`;
          })
          .join('&');
        const { state, repairs } = parseLink(encoded);
        return repairs.length === 0 && sameState(state, s);
      }),
      { numRuns: RUNS },
    );
  });

  it('whitespace around tokens (space, +, %20, tab) changes nothing', () => {
    const ws = fc.constantFrom('', ' ', '+', '%20', '%09', ' + ');
    fc.assert(
      fc.property(stateArb, fc.array(ws, { minLength: 64, maxLength: 64 }), (s, pads) => {
        let n = 0;
        const pad = () => pads[n++ % 64];
        const spaced = serializeLink(s).replace(/[(),=&]/g, (c) => `${pad()}${c}${pad()}`);
        const { state, repairs } = parseLink(spaced);
        return repairs.length === 0 && sameState(state, s);
      }),
      { numRuns: RUNS },
    );
  });

  it('coerceParam clamps, then rounds (Math.round) or snaps (allowed values), any decimal; other text gives the default', () => {
    const specs = [...GLOBAL_PARAMS, ...FAMILIES.flatMap((f) => f.params), DISCRETE].filter((s) => s.kind === 'number');
    fc.assert(
      fc.property(fc.constantFrom(...specs), fc.double({ noNaN: true, noDefaultInfinity: true }), (spec, n) => {
        const clamped = Math.min(spec.max, Math.max(spec.min, n));
        const expected =
          (spec.allowed ? nearestAllowed(spec.allowed, clamped) : spec.integer ? Math.round(clamped) : clamped) + 0;
        const { value, repair } = coerceParam(spec, formatLinkNumber(n));
        return value === expected && (repair === undefined) === (value === n);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.constantFrom(...specs), fc.string({ unit: 'binary' }), (spec, t) => {
        const { value, repair } = coerceParam(spec, t);
        return validValue(spec, value) && (repair === undefined || !/\n/.test(repair));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- (2) corpus of bad links

/** [param, ...phrases the line `param: message` must contain]: one per expected repair, in order. */
type Expected = [param: string, ...phrases: string[]];

interface Case {
  rule: string;
  link: string;
  canonical: string;
  repairs: Expected[];
}

const nine = Array.from({ length: 9 }, (_, i) => `ntk(L=${i + 1})`).join(','); // ntk(L=1) is written ntk

const CORPUS: Case[] = [
  // unknown parameter, family, key (dropped)
  {
    rule: 'unknown parameter',
    link: '?v=1&foo=1&d=5',
    canonical: '?v=1&d=5',
    repairs: [['"foo"', '"foo": unknown parameter dropped']],
  },
  {
    rule: 'parameter names are case-sensitive',
    link: '?D=5',
    canonical: '?v=1',
    repairs: [['"D"', '"D": unknown parameter dropped']],
  },
  {
    rule: 'an unknown name with a newline stays on one line',
    link: '?a%0Ab=1',
    canonical: '?v=1',
    repairs: [['"a\\nb"', '"a\\nb": unknown']],
  },
  {
    rule: 'a parameter with an empty name',
    link: '?=5&d=4',
    canonical: '?v=1&d=4',
    repairs: [['""', '"": unknown parameter dropped']],
  },
  {
    rule: 'unknown family',
    link: '?kernels=foo,laplace',
    canonical: '?v=1&kernels=laplace',
    repairs: [['kernels', 'kernels: instance 1: unknown family "foo" dropped']],
  },
  {
    rule: 'family names are case-sensitive',
    link: '?kernels=gauss,NTK',
    canonical: '?v=1&kernels=gauss',
    repairs: [['kernels', 'instance 2', 'unknown family "NTK" dropped']],
  },
  {
    rule: 'unknown key',
    link: '?kernels=ntk(L=2,l=3)',
    canonical: '?v=1&kernels=ntk(L=2)',
    repairs: [['kernels', 'kernels: instance 1 (ntk): unknown key "l" dropped']],
  },
  {
    rule: 'a key of another family is unknown',
    link: '?kernels=laplace(gamma=0.5)',
    canonical: '?v=1&kernels=laplace',
    repairs: [['kernels', 'instance 1 (laplace)', 'unknown key "gamma" dropped']],
  },
  // not a number / not a listed word → default
  {
    rule: 'not a number',
    link: '?zoom=abc',
    canonical: '?v=1',
    repairs: [['zoom', 'zoom: "abc" is not a number; default 180 used']],
  },
  {
    rule: 'Infinity is not a number',
    link: '?d=Infinity',
    canonical: '?v=1',
    repairs: [['d', '"Infinity" is not a number; default 3 used']],
  },
  {
    rule: 'NaN is not a number',
    link: '?kmax=NaN&d=6',
    canonical: '?v=1&d=6',
    repairs: [['kmax', '"NaN" is not a number; default 200 used']],
  },
  { rule: 'hex is not a number', link: '?d=0x10', canonical: '?v=1', repairs: [['d', '"0x10" is not a number']] },
  {
    rule: 'empty is not a number',
    link: '?d=',
    canonical: '?v=1',
    repairs: [['d', '"" is not a number; default 3 used']],
  },
  {
    rule: 'a parameter without = has an empty value',
    link: '?d&kmax=7',
    canonical: '?v=1&kmax=7',
    repairs: [['d', '"" is not a number']],
  },
  {
    rule: '+ decodes to a space: 1e+3 is not a number',
    link: '?kmax=1e+3',
    canonical: '?v=1',
    repairs: [['kmax', '"1e 3" is not a number; default 200 used']],
  },
  { rule: 'an encoded + is a sign', link: '?kmax=1e%2B3', canonical: '?v=1&kmax=1000', repairs: [] },
  {
    rule: 'a second = belongs to the value',
    link: '?d=5=6',
    canonical: '?v=1',
    repairs: [['d', '"5=6" is not a number']],
  },
  { rule: 'Unicode minus is not a number', link: '?d=−2', canonical: '?v=1', repairs: [['d', '"−2" is not a number']] },
  {
    rule: 'a word is case-sensitive',
    link: '?norm=Raw',
    canonical: '?v=1',
    repairs: [['norm', 'norm: "Raw" is not one of unit, raw; default unit used']],
  },
  {
    rule: 'an empty word',
    link: '?axis=&norm=raw',
    canonical: '?v=1&norm=raw',
    repairs: [['axis', '"" is not one of theta, u; default theta used']],
  },
  {
    rule: 'a key word not listed',
    link: '?kernels=ntk(L=3,bias=Random)',
    canonical: '?v=1&kernels=ntk(L=3)',
    repairs: [['kernels', 'instance 1 (ntk)', 'key bias: "Random" is not one of zero, random; default zero used']],
  },
  {
    rule: 'a key without =',
    link: '?kernels=ntk(L)',
    canonical: '?v=1&kernels=ntk',
    repairs: [['kernels', 'instance 1 (ntk)', 'key L: "" is not a number; default 1 used']],
  },
  // out of range → clamped
  {
    rule: 'above the maximum',
    link: '?d=5000',
    canonical: '?v=1&d=1000',
    repairs: [['d', 'd: 5000 is above the maximum 1000; clamped to 1000']],
  },
  {
    rule: 'below the minimum',
    link: '?d=1',
    canonical: '?v=1&d=2',
    repairs: [['d', 'd: 1 is below the minimum 2; clamped to 2']],
  },
  {
    rule: 'a negative decimal',
    link: '?d=-2',
    canonical: '?v=1&d=2',
    repairs: [['d', '-2 is below the minimum 2; clamped to 2']],
  },
  {
    rule: 'overflow to Infinity is out of range',
    link: '?kmax=1e400',
    canonical: '?v=1&kmax=5000',
    repairs: [['kmax', '1e400 is above the maximum 5000; clamped to 5000']],
  },
  {
    rule: 'a tiny decimal below a positive minimum',
    link: '?zoom=1e-7',
    canonical: '?v=1&zoom=0.5',
    repairs: [['zoom', '1e-7 is below the minimum 0.5; clamped to 0.5']],
  },
  {
    rule: 'a key below its minimum',
    link: '?kernels=gexp(gamma=0),ntk(beta=-2)',
    canonical: '?v=1&kernels=gexp(gamma=0.01),ntk',
    repairs: [
      ['kernels', 'instance 1 (gexp)', 'key gamma: 0 is below the minimum 0.01; clamped to 0.01'],
      ['kernels', 'instance 2 (ntk)', 'key beta: -2 is below the minimum 0; clamped to 0'],
    ],
  },
  {
    rule: 'out of range and not an integer: clamped only',
    link: '?d=1000.7&kernels=ntk(L=0.4)',
    canonical: '?v=1&kernels=ntk&d=1000',
    repairs: [
      ['kernels', 'key L: 0.4 is below the minimum 1; clamped to 1'],
      ['d', '1000.7 is above the maximum 1000; clamped to 1000'],
    ],
  },
  // non-integer → rounded (Math.round: halves up)
  {
    rule: 'non-integer key',
    link: '?kernels=ntk(L=2.5)',
    canonical: '?v=1&kernels=ntk(L=3)',
    repairs: [['kernels', 'kernels: instance 1 (ntk): key L: 2.5 is not an integer; rounded to 3']],
  },
  {
    rule: 'non-integer parameter rounded to the default',
    link: '?d=2.5',
    canonical: '?v=1',
    repairs: [['d', 'd: 2.5 is not an integer; rounded to 3']],
  },
  {
    rule: 'rounding down',
    link: '?kmax=10.49',
    canonical: '?v=1&kmax=10',
    repairs: [['kmax', '10.49 is not an integer; rounded to 10']],
  },
  {
    rule: 'a 0/1 toggle rounded and clamped',
    link: '?kernels=laplace(hom=0.6),gauss(hom=2)',
    canonical: '?v=1&kernels=laplace(hom=1),gauss(hom=1)',
    repairs: [
      ['kernels', 'instance 1 (laplace)', 'key hom: 0.6 is not an integer; rounded to 1'],
      ['kernels', 'instance 2 (gauss)', 'key hom: 2 is above the maximum 1; clamped to 1'],
    ],
  },
  // a discrete key (matern nu, links.md §1) → snapped to the nearest allowed value, halfway up
  {
    rule: 'matern nu halfway between two allowed values goes up',
    link: '?kernels=matern(nu=1),matern(nu=2)',
    canonical: '?v=1&kernels=matern,matern(nu=2.5)',
    repairs: [
      [
        'kernels',
        'instance 1 (matern)',
        'key nu: 1 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 1.5 (halfway goes up)',
      ],
      [
        'kernels',
        'instance 2 (matern)',
        'key nu: 2 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5 (halfway goes up)',
      ],
    ],
  },
  {
    rule: 'matern nu outside 0.5–2.5 snaps to the end values; near values to the nearest',
    link: '?kernels=matern(nu=0.1),matern(nu=9,c=2),matern(nu=1.4),matern(nu=1e400)',
    canonical: '?v=1&kernels=matern(nu=0.5),matern(nu=2.5,c=2),matern,matern(nu=2.5)',
    repairs: [
      ['kernels', 'instance 1 (matern)', 'key nu: 0.1 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 0.5'],
      ['kernels', 'instance 2 (matern)', 'key nu: 9 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5'],
      ['kernels', 'instance 3 (matern)', 'key nu: 1.4 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 1.5'],
      ['kernels', 'instance 4 (matern)', 'key nu: 1e400 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5'],
    ],
  },
  {
    rule: 'matern nu that is not a number falls back to the default 1.5',
    link: '?kernels=matern(nu=3/2,hom=1)',
    canonical: '?v=1&kernels=matern(hom=1)',
    repairs: [['kernels', 'instance 1 (matern)', 'key nu: "3/2" is not a number; default 1.5 used']],
  },
  // repeated parameters or keys → first wins
  {
    rule: 'repeated parameter',
    link: '?d=5&d=7',
    canonical: '?v=1&d=5',
    repairs: [['d', 'd: repeated parameter dropped (value "7"); the first wins']],
  },
  {
    rule: 'the first wins even when it is invalid',
    link: '?d=abc&d=7',
    canonical: '?v=1',
    repairs: [
      ['d', 'repeated parameter dropped (value "7")'],
      ['d', '"abc" is not a number; default 3 used'],
    ],
  },
  {
    rule: 'repeated kernels parameter',
    link: '?kernels=gauss&kernels=laplace',
    canonical: '?v=1&kernels=gauss',
    repairs: [['kernels', 'kernels: repeated parameter dropped (value "laplace"); the first wins']],
  },
  {
    rule: 'repeated key',
    link: '?kernels=ntk(L=2,L=4)',
    canonical: '?v=1&kernels=ntk(L=2)',
    repairs: [['kernels', 'instance 1 (ntk)', 'repeated key L dropped (value "4"); the first wins']],
  },
  // at most 8 instances
  {
    rule: 'instances beyond the 8th',
    link: `?kernels=${nine}`,
    canonical: `?v=1&kernels=${nine.slice(0, nine.lastIndexOf(',')).replace('ntk(L=1)', 'ntk')}`,
    repairs: [['kernels', 'kernels: 9 instances given; instances beyond the 8th dropped (ntk)']],
  },
  {
    rule: 'dropped unknown families do not count towards 8',
    link: `?kernels=foo,${'gauss,'.repeat(8)}`,
    canonical: `?v=1&kernels=${Array(8).fill('gauss').join(',')}`,
    repairs: [['kernels', 'unknown family "foo" dropped']],
  },
  // default kernels
  {
    rule: 'kernels= empty',
    link: '?kernels=&d=4',
    canonical: '?v=1&d=4',
    repairs: [['kernels', 'kernels: the list is empty; default kernels used']],
  },
  {
    rule: 'a list of empty items',
    link: '?kernels=, ,,',
    canonical: '?v=1',
    repairs: [['kernels', 'the list is empty; default kernels used']],
  },
  {
    rule: 'a list empty after repair',
    link: '?kernels=foo,bar',
    canonical: '?v=1',
    repairs: [
      ['kernels', 'unknown family "foo" dropped'],
      ['kernels', 'unknown family "bar" dropped'],
      ['kernels', 'kernels: no instance left; default kernels used'],
    ],
  },
  // version
  {
    rule: 'unknown version',
    link: '?v=7&d=5',
    canonical: '?v=1&d=5',
    repairs: [['v', 'v: unsupported link version "7"; read as version 1']],
  },
  {
    rule: 'empty version',
    link: '?v=',
    canonical: '?v=1',
    repairs: [['v', 'unsupported link version ""; read as version 1']],
  },
  // parentheses
  {
    rule: 'an unclosed parenthesis swallows the rest of the list',
    link: '?kernels=ntk(L=3,laplace',
    canonical: '?v=1&kernels=ntk(L=3)',
    repairs: [
      ['kernels', 'instance 1 (ntk): "(" is never closed; read to the end of the list'],
      ['kernels', 'instance 1 (ntk): unknown key "laplace" dropped'],
    ],
  },
  {
    rule: 'an extra closing parenthesis',
    link: '?kernels=ntk(L=3)),gauss',
    canonical: '?v=1&kernels=ntk(L=3),gauss',
    repairs: [['kernels', 'instance 1 (ntk): text after ")" dropped (")")']],
  },
  {
    rule: 'text after the closing parenthesis',
    link: '?kernels=gauss(c=2)x',
    canonical: '?v=1&kernels=gauss(c=2)',
    repairs: [['kernels', 'instance 1 (gauss): text after ")" dropped ("x")']],
  },
  {
    rule: 'a closing parenthesis first makes an unknown family',
    link: '?kernels=ntk)(,gauss',
    canonical: '?v=1',
    repairs: [
      ['kernels', 'unknown family "ntk)" dropped'],
      ['kernels', 'no instance left; default kernels used'],
    ],
  },
  {
    rule: 'nested parentheses stay inside their key',
    link: '?kernels=ntk(L=(3,4),beta=1)',
    canonical: '?v=1&kernels=ntk(beta=1)',
    repairs: [['kernels', 'key L: "(3,4)" is not a number; default 1 used']],
  },
  {
    rule: 'empty parentheses and empty keys are nothing',
    link: '?kernels=ntk(),gauss(c=2,)',
    canonical: '?v=1&kernels=ntk,gauss(c=2)',
    repairs: [],
  },
  // percent-encoding
  {
    rule: 'malformed percent-encoding',
    link: '?d=%E0%A4%A',
    canonical: '?v=1',
    repairs: [['d', 'is not a number; default 3 used']],
  },
  {
    rule: 'a % without hex digits',
    link: '?kernels=%ZZ',
    canonical: '?v=1',
    repairs: [
      ['kernels', 'unknown family "%ZZ"'],
      ['kernels', 'no instance left'],
    ],
  },
  {
    rule: 'control characters are escaped in messages',
    link: '?zoom=a%0Ab',
    canonical: '?v=1',
    repairs: [['zoom', '"a\\nb" is not a number']],
  },
  {
    rule: 'long junk is shortened in messages',
    link: `?zoom=${'x'.repeat(100)}`,
    canonical: '?v=1',
    repairs: [['zoom', `"${'x'.repeat(40)}…" is not a number`]],
  },
  // where the query is
  { rule: 'a URL without a query', link: 'https://example.org/app/', canonical: '?v=1', repairs: [] },
  { rule: 'a path without a query', link: '/index.html', canonical: '?v=1', repairs: [] },
  {
    rule: 'the fragment is not part of the query',
    link: 'https://a.example/x?d=5#d=7&foo',
    canonical: '?v=1&d=5',
    repairs: [],
  },
  { rule: 'empty segments are nothing', link: '?&&d=5&&', canonical: '?v=1&d=5', repairs: [] },
  // fit (team rule): beyond the number of instances → 0
  {
    rule: 'fit beyond the instances',
    link: '?kernels=gauss,laplace&fit=3',
    canonical: '?v=1&kernels=gauss,laplace',
    repairs: [['fit', 'fit: 3 is beyond the 2 kernel instances; reset to 0 (no fit)']],
  },
  {
    rule: 'fit beyond the instances after the list was repaired',
    link: '?kernels=gauss,foo&fit=2',
    canonical: '?v=1&kernels=gauss',
    repairs: [
      ['kernels', 'unknown family "foo" dropped'],
      ['fit', '2 is beyond the 1 kernel instances; reset to 0'],
    ],
  },
  {
    rule: 'fit clamped, then beyond the instances',
    link: '?fit=9',
    canonical: '?v=1',
    repairs: [
      ['fit', 'fit: 9 is above the maximum 8; clamped to 8'],
      ['fit', 'fit: 8 is beyond the 4 kernel instances; reset to 0 (no fit)'],
    ],
  },
  {
    rule: 'fit rounded',
    link: '?fit=1.5',
    canonical: '?v=1&fit=2',
    repairs: [['fit', '1.5 is not an integer; rounded to 2']],
  },
  // many at once: repairs listed by parameter in link order, unknown parameters last
  {
    rule: 'repairs are grouped by parameter in link order',
    link: 'https://other.example/p/q?zzz=1&fit=7&d=0&kernels=ntk(L=2.5),foo&v=3&norm=x',
    canonical: '?v=1&kernels=ntk(L=3)&d=2',
    repairs: [
      ['v', 'unsupported link version "3"'],
      ['kernels', 'key L: 2.5 is not an integer; rounded to 3'],
      ['kernels', 'instance 2: unknown family "foo" dropped'],
      ['d', '0 is below the minimum 2; clamped to 2'],
      ['norm', '"x" is not one of unit, raw'],
      ['fit', '7 is beyond the 1 kernel instances'],
      ['"zzz"', '"zzz": unknown parameter dropped'],
    ],
  },
];

describe('corpus of bad links: exact repairs and canonical link', () => {
  for (const c of CORPUS) {
    it(`${c.rule}: ${c.link.slice(0, 60)}`, () => {
      const { state, repairs } = parseLink(c.link);
      expect(serializeLink(state)).toBe(c.canonical);
      expect(repairs.map((r) => r.param)).toEqual(c.repairs.map(([param]) => param));
      repairs.forEach((r, i) => {
        for (const phrase of c.repairs[i].slice(1)) expect(line(r)).toContain(phrase);
      });
      expect(validState(state)).toBe(true);
    });
  }

  it('parse does not throw on malformed percent-encoding that decodeURIComponent rejects', () => {
    for (const bad of ['%E0%A4%A', '%', '%%', '%C3', '%ED%A0%80', '?kernels=ntk(L=%E0%A4%A)', '%FF%FE=1']) {
      expect(() => decodeURIComponent(bad)).toThrow();
      expect(validState(parseLink(bad).state)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- (3) links.md examples and formats

describe('links.md §1 examples', () => {
  const example = '/?v=1&kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)&d=5&kmax=400';
  const canonical = example.slice(1);

  it('the example link is canonical and reads as written', () => {
    const { state, repairs } = parseLink(example);
    expect(repairs).toEqual([]);
    expect(serializeLink(state)).toBe(canonical);
    expect(state.kernels).toEqual([
      defaultInstance('ntk', { L: 3, beta: 0.5 }),
      defaultInstance('laplace'),
      defaultInstance('gexp', { gamma: 0.5 }),
    ]);
    expect({ d: state.d, kmax: state.kmax, norm: state.norm }).toEqual({ d: 5, kmax: 400, norm: 'unit' });
  });

  it.each([
    ['a full URL with another origin and path', `https://teach.example.edu/course/week3/ntk.html${canonical}`],
    ['a query string without ?', canonical.slice(1)],
    ['no v (read as version 1)', '?kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)&d=5&kmax=400'],
    ['parameters in another order', '?kmax=400&d=5&kernels=ntk(beta=0.5,L=3),laplace,gexp(gamma=0.5)&v=1'],
    [
      'percent-encoded parentheses, commas and =',
      '?v=1&kernels=ntk%28L%3D3%2Cbeta%3D0.5%29%2Claplace%2Cgexp%28gamma%3D0.5%29&d=5&kmax=400',
    ],
    [
      'whitespace around tokens',
      '  ?v= 1 &kernels= ntk ( L = 3 , beta=0.5 ) ,+laplace+, gexp(gamma=0.5)& d =5&kmax=400 ',
    ],
    [
      '.5 and explicit defaults',
      '?kernels=ntk(L=3,beta=.5,bias=zero),laplace(c=1,hom=0),gexp(gamma=.5)&d=5&kmax=400&norm=unit',
    ],
  ])('%s opens the same view, without repairs', (_, link) => {
    const { state, repairs } = parseLink(link);
    expect(repairs).toEqual([]);
    expect(serializeLink(state)).toBe(canonical);
  });

  it('decimal forms: 3, 0.5, .5, 1e-3, 5.', () => {
    const { state, repairs } = parseLink('?kernels=ntk(L=3,beta=1e-3),laplace(c=.5),gauss(c=5.),gexp(gamma=0.5)');
    expect(repairs).toEqual([]);
    expect(serializeLink(state)).toBe('?v=1&kernels=ntk(L=3,beta=0.001),laplace(c=0.5),gauss(c=5),gexp(gamma=0.5)');
  });

  it('matern (project, links.md §1): every allowed nu, in any decimal form, reads as written and writes canonically', () => {
    const { state, repairs } = parseLink('?kernels=matern(nu=.5,c=2),matern(nu=1.50),matern(nu=25e-1,hom=1)');
    expect(repairs).toEqual([]);
    expect(state.kernels).toEqual([
      defaultInstance('matern', { nu: 0.5, c: 2 }),
      defaultInstance('matern'),
      defaultInstance('matern', { nu: 2.5, hom: 1 }),
    ]);
    const canonical = '?v=1&kernels=matern(nu=0.5,c=2),matern,matern(nu=2.5,hom=1)';
    expect(serializeLink(state)).toBe(canonical);
    expect(parseLink(canonical)).toEqual({ state, repairs: [] });
  });

  it('the same family may appear several times, in order', () => {
    const link = '?v=1&kernels=ntk,ntk(L=2),ntk(L=4),ntk(L=2)';
    const { state, repairs } = parseLink(link);
    expect(repairs).toEqual([]);
    expect(state.kernels.map((k) => k.params.L)).toEqual([1, 2, 4, 2]);
    expect(serializeLink(state)).toBe(link);
  });

  it('default kernels: a link without kernels (silently) and kernels= (with a notice)', () => {
    const none = parseLink('?v=1');
    expect(none.repairs).toEqual([]);
    expect(none.state.kernels.map(instanceText).join(',')).toBe('ntk(L=2),laplace,gexp(gamma=0.5),gauss');
    const empty = parseLink('?v=1&kernels=');
    expect(empty.state).toEqual(none.state);
    expect(empty.repairs).toEqual([{ param: 'kernels', message: 'the list is empty; default kernels used' }]);
  });

  it('empty input, bare ? and the default state all give ?v=1', () => {
    expect(serializeLink(defaultState())).toBe('?v=1');
    for (const x of ['', '?', '   ']) {
      const { state, repairs } = parseLink(x);
      expect(repairs).toEqual([]);
      expect(state).toEqual(defaultState());
    }
  });

  it('writes every parameter in links.md order, then the team parameters in table order', () => {
    const s: LinkState = {
      kernels: [defaultInstance('gauss', { c: 2 })],
      d: 10,
      kmax: 50,
      norm: 'raw',
      axis: 'u',
      zoom: 12.5,
      fit: 1,
      y: 'ratio',
      ra: 2,
      rb: 1,
      parity: 'even',
      klo: 10,
      khi: 40,
      zn: 1.5,
      za: -45,
      R: 3,
      scale: 'shared',
      da: 2,
      db: 1,
      ray: 90,
      n: 2000,
      spread: 10,
      seed: 7,
      story: 'c',
      step: 2,
      present: 1,
      domain: 'circle',
      deg: 64,
      sample: 3,
      lon: -40,
      lat: 0,
      pts: '30:0.5;120:-1',
      ridge: 0,
      harm: '1,3',
      t: 1e6,
      panel: 'spectrum',
      embed: 1,
    };
    expect(serializeLink(s)).toBe(
      '?v=1&kernels=gauss(c=2)&d=10&kmax=50&norm=raw&axis=u&zoom=12.5&fit=1&y=ratio&ra=2&rb=1&parity=even&klo=10&khi=40' +
        '&zn=1.5&za=-45&R=3&scale=shared&da=2&db=1&ray=90&n=2000&spread=10&seed=7' +
        '&domain=circle&deg=64&sample=3&lon=-40&lat=0&pts=30:0.5;120:-1&ridge=0&harm=1,3&t=1000000' +
        '&story=c&step=2&present=1&panel=spectrum&embed=1',
    );
  });

  it('kernels equal to the defaults are left out; in another order they are written', () => {
    expect(serializeLink({ ...defaultState(), d: 4 })).toBe('?v=1&d=4');
    const swapped = [DEFAULT_KERNELS[1], DEFAULT_KERNELS[0], DEFAULT_KERNELS[2], DEFAULT_KERNELS[3]];
    expect(serializeLink({ ...defaultState(), kernels: swapped })).toBe(
      '?v=1&kernels=laplace,ntk(L=2),gexp(gamma=0.5),gauss',
    );
  });
});

describe('canonical text', () => {
  it('instanceText: non-default keys in table order, or the bare family', () => {
    expect(instanceText(defaultInstance('ntk'))).toBe('ntk');
    expect(instanceText({ family: 'ntk', params: { bias: 'random', beta: 0, L: 3 } })).toBe('ntk(L=3,bias=random)');
    expect(instanceText(defaultInstance('ntk', { L: 3, beta: 0.5, bias: 'random' }))).toBe(
      'ntk(L=3,beta=0.5,bias=random)',
    );
    expect(instanceText(defaultInstance('gexp', { gamma: 0.1 + 0.2, hom: 1 }))).toBe(
      'gexp(gamma=0.30000000000000004,hom=1)',
    );
  });

  it('numbers in shortest round-trip form, exponents without +', () => {
    expect(formatLinkNumber(1e21)).toBe('1e21');
    expect(formatLinkNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatLinkNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatLinkNumber(-0)).toBe('0');
  });

  it('coerceParam: the messages the UI shows for typed values', () => {
    const d = GLOBAL_PARAMS.find((s) => s.key === 'd')!;
    expect(coerceParam(d, ' 7 ')).toEqual({ value: 7 });
    expect(coerceParam(d, '5000')).toEqual({ value: 1000, repair: '5000 is above the maximum 1000; clamped to 1000' });
    expect(coerceParam(d, '-0')).toEqual({ value: 2, repair: '-0 is below the minimum 2; clamped to 2' });
    expect(Object.is(coerceParam(FAMILIES[0].params[1], '-0').value, 0)).toBe(true);
  });
});

describe('discrete number parameters (allowed values)', () => {
  const read = (text: string) => coerceParam(DISCRETE, text);

  it('an allowed value, in any decimal form, is read as it is', () => {
    for (const [text, value] of [
      ['0.5', 0.5],
      ['.5', 0.5],
      ['1.50', 1.5],
      ['15e-1', 1.5],
      [' 2.5 ', 2.5],
    ] as const) {
      expect(read(text), text).toEqual({ value });
    }
  });

  it('any other number snaps to the nearest allowed value with a notice; halfway goes up', () => {
    expect(read('1')).toEqual({
      value: 1.5,
      repair: '1 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 1.5 (halfway goes up)',
    });
    expect(read('2')).toEqual({
      value: 2.5,
      repair: '2 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5 (halfway goes up)',
    });
    expect(read('0.99')).toEqual({
      value: 0.5,
      repair: '0.99 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 0.5',
    });
    expect(read('1.2').value).toBe(1.5);
    expect(read('2.01').value).toBe(2.5);
    // outside the range: the end values (a notice, no clamping message)
    expect(read('0')).toEqual({ value: 0.5, repair: '0 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 0.5' });
    expect(read('-7').value).toBe(0.5);
    expect(read('-0').value).toBe(0.5);
    expect(read('3')).toEqual({ value: 2.5, repair: '3 is not one of 0.5, 1.5, 2.5; snapped to the nearest, 2.5' });
    expect(read('1e400').value).toBe(2.5);
    expect(read('-1e400').value).toBe(0.5);
  });

  it('text that is not a number gives the default, as for any number parameter', () => {
    for (const text of ['', 'abc', 'Infinity', 'NaN', '0x1', '3/2', '½']) {
      const { value, repair } = read(text);
      expect(value, text).toBe(1.5);
      expect(repair, text).toContain('is not a number; default 1.5 used');
    }
  });

  it('round trip: every allowed value written as a link writes it is read back unchanged, without a notice', () => {
    for (const v of DISCRETE.allowed!) expect(read(formatLinkNumber(v))).toEqual({ value: v });
  });

  it('snapping is idempotent and always lands on an allowed value (any decimal, any text)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true }).map(formatLinkNumber), fc.string()), (text) => {
        const first = read(text);
        const again = read(formatLinkNumber(first.value as number));
        return DISCRETE.allowed!.includes(first.value as number) && again.repair === undefined;
      }),
      { numRuns: RUNS },
    );
  });

  it('every repair message is one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !/\n/.test(read(text).repair ?? '')),
      { numRuns: RUNS },
    );
  });
});

describe('schema tables (registry and GLOBAL_PARAMS)', () => {
  const all = [...GLOBAL_PARAMS, ...FAMILIES.flatMap((f) => f.params)];

  it('allowed values (discrete number parameters) ascend from min to max and include the default', () => {
    for (const spec of [...all, DISCRETE]) {
      if (spec.kind !== 'number' || spec.allowed === undefined) continue;
      const a = spec.allowed;
      expect(a.length, spec.key).toBeGreaterThanOrEqual(2);
      expect(
        a.every((v, i) => i === 0 || v > a[i - 1]),
        spec.key,
      ).toBe(true);
      expect([a[0], a.at(-1)], spec.key).toEqual([spec.min, spec.max]);
      expect(a, spec.key).toContain(spec.default);
      if (spec.integer) expect(a.every(Number.isInteger), spec.key).toBe(true);
    }
  });

  it('every default is valid, and integer parameters have integer bounds', () => {
    for (const spec of all) {
      expect(validValue(spec, spec.default), spec.key).toBe(true);
      if (spec.kind === 'number' && spec.integer) {
        expect(Number.isInteger(spec.min) && Number.isInteger(spec.max), spec.key).toBe(true);
      }
    }
  });

  it('names are unique: global keys (with v and kernels), family ids, keys within a family', () => {
    const names = ['v', 'kernels', ...GLOBAL_PARAMS.map((s) => s.key)];
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(FAMILIES.map((f) => f.id)).size).toBe(FAMILIES.length);
    for (const f of FAMILIES) expect(new Set(f.params.map((s) => s.key)).size).toBe(f.params.length);
  });

  it('the default state is valid and has exactly the table fields plus kernels', () => {
    expect(validState(defaultState())).toBe(true);
  });
});

describe('list parameters: pts and harm (docs/function-space.md)', () => {
  const repairsOf = (link: string) => parseLink(link).repairs.map(line);

  it('pts: readable in the link, read back exactly', () => {
    const { state, repairs } = parseLink('?pts=30:0.5;120:-1;359.5:1e-3');
    expect(repairs).toEqual([]);
    expect(readPoints(state.pts)).toEqual([
      { angle: 30, value: 0.5 },
      { angle: 120, value: -1 },
      { angle: 359.5, value: 0.001 },
    ]);
    expect(serializeLink(state)).toBe('?v=1&pts=30:0.5;120:-1;359.5:0.001');
    expect(serializeLink({ ...state, pts: '' })).toBe('?v=1&pts=');
    expect(parseLink('?pts=').state.pts).toBe('');
  });

  it('pts: malformed items dropped, angles wrapped, values clamped, at most 200 points', () => {
    expect(repairsOf('?pts=30:0.5;x:1;40;50:2:3;-30:1;720:2;10:99')).toEqual([
      'pts: item "x:1" is not angle:value; dropped; item "40" is not angle:value; dropped; ' +
        'item "50:2:3" is not angle:value; dropped; angle -30 read as 330 (modulo 360); ' +
        'angle 720 read as 0 (modulo 360); value 99 clamped to 10',
    ]);
    expect(parseLink('?pts=30:0.5;x:1;-30:1;10:99').state.pts).toBe('30:0.5;330:1;10:10');
    const many = Array.from({ length: 230 }, (_, i) => `${i}:1`).join(';');
    const { state, repairs } = parseLink(`?pts=${many}`);
    expect(readPoints(state.pts)).toHaveLength(200);
    expect(repairs.map(line)).toEqual(['pts: 230 points given; points beyond the 200th dropped']);
  });

  it('harm: integers, sorted, distinct, at most 12; nothing left means the default', () => {
    expect(parseLink('?harm=8,2,2.4,1e9,x').state.harm).toBe(`2,8,${DEGREE_LIMITS.max}`);
    expect(repairsOf('?harm=8,2,2.4,1e9,x')).toEqual([
      'harm: 2.4 read as 2 (integers 0–1000); degree 2 repeated; dropped; 1e9 read as 1000 (integers 0–1000); ' +
        '"x" is not a degree; dropped; degrees sorted',
    ]);
    expect(repairsOf('?harm=x')).toEqual([
      'harm: "x" is not a degree; dropped',
      'harm: no degree left; default 1,2,3,4,6,8 used',
    ]);
    expect(
      readDegrees(parseLink(`?harm=${Array.from({ length: 15 }, (_, i) => i).join(',')}`).state.harm),
    ).toHaveLength(12);
  });

  it('a typed list is repaired as a link would be, including its row check (coerceGlobal)', () => {
    const harm = GLOBAL_PARAMS.find((p) => p.key === 'harm')!;
    expect(coerceGlobal(harm, '', defaultState())).toEqual({
      value: '1,2,3,4,6,8',
      repair: 'no degree left; default 1,2,3,4,6,8 used',
    });
    expect(coerceGlobal(harm, 'x', defaultState()).value).toBe('1,2,3,4,6,8');
    expect(coerceGlobal(harm, '5,1', defaultState())).toEqual({ value: '1,5', repair: 'degrees sorted' });
  });

  it('pointsText and readPoints are inverse on canonical text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ angle: fc.integer({ min: 0, max: 359 }), value: fc.double({ min: -10, max: 10, noNaN: true }) }),
        ),
        (points) => {
          const clean = points.map((p) => ({ angle: p.angle, value: p.value + 0 }));
          expect(readPoints(pointsText(clean))).toEqual(clean);
        },
      ),
    );
  });
});
