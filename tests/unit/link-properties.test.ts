/**
 * Share links (links.md §1): properties over states and links generated from the registry and the global
 * table (fast-check): round trips, canonical form, repairs that leave valid states, no throw on any text.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FAMILIES, family, type ParamSpec, type ParamValue } from '../../src/core/kernels/registry';
import {
  DEFAULT_KERNELS,
  DEGREE_LIMITS,
  WIDTH_LIMITS,
  GLOBAL_PARAMS,
  MAX_INSTANCES,
  coerceParam,
  formatLinkNumber,
  parseLink,
  pointsText,
  sequencesText,
  serializeLink,
  type LinkState,
  type ListParam,
} from '../../src/link';
import { SEQUENCE_LIMITS, SEQUENCE_PRESETS } from '../../src/core/rntk/presets';

import { CATALOG } from '../../src/core/realdata/catalog';
import { CONTESTANT_NAMES } from '../../src/core/realdata/contestants';
import { DISCRETE, RUNS, globalsOf, line, validState, validValue, type Values } from './link-helpers';

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

/** Distinct names from a vocabulary, in any order, joined by commas. */
const namesArb = (names: readonly string[], minLength: number, maxLength: number) =>
  fc.uniqueArray(fc.constantFrom(...names), { minLength, maxLength }).map((ns) => ns.join(','));

/**
 * Canonical list texts: data points (angle in [0, 360), value in ±10), sequences (a preset, or 1–16 sequences of
 * values in ±10), sorted distinct degrees or widths, the real-data
 * selections (docs/realdata.md §6) and file names.
 */
function listArb(spec: ListParam): fc.Arbitrary<string> {
  if (spec.key === 'data') {
    const words = fc.constantFrom('n200', 'n1000', 'all', 'custom');
    return fc.oneof(
      words,
      namesArb(
        CATALOG.map((e) => e.name),
        1,
        6,
      ),
    );
  }
  if (spec.key === 'contest') return namesArb(CONTESTANT_NAMES, 1, CONTESTANT_NAMES.length);
  // `pair` must name two of `contest` (its check): mostly '' (the first two), sometimes two names
  if (spec.key === 'pair') return fc.oneof({ weight: 4, arbitrary: fc.constant('') }, namesArb(CONTESTANT_NAMES, 2, 2));
  if (spec.key === 'file') {
    const unit = fc.constantFrom('a', 'Z', '0', '9', '.', '-', '_');
    return fc.string({ unit, maxLength: 24 });
  }
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
  if (spec.key === 'seqs') {
    const value = fc.oneof(
      fc.integer({ min: -10, max: 10 }),
      fc.double({ min: -10, max: 10, noNaN: true }).map((v) => v + 0),
    );
    const sequence = fc.array(value, { minLength: 1, maxLength: 40 });
    return fc.oneof(
      fc.constantFrom(...SEQUENCE_PRESETS.map((p) => p.name)),
      fc.array(sequence, { minLength: 1, maxLength: SEQUENCE_LIMITS.sequences }).map(sequencesText),
    );
  }
  const [min, max, items] =
    spec.key === 'widths'
      ? [WIDTH_LIMITS.min, WIDTH_LIMITS.max, WIDTH_LIMITS.items]
      : [0, DEGREE_LIMITS.max, DEGREE_LIMITS.items];
  return fc.oneof(
    fc.constant(spec.default),
    fc
      .uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: items })
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
