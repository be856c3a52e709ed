/**
 * Reading a share link (links.md §1): any string in, a valid state out, with one plain-English repair per
 * change. Never throws. The schema comes from the kernel registry and GLOBAL_PARAMS only.
 */
import {
  family,
  type KernelFamily,
  type KernelInstance,
  type ParamSpec,
  type ParamValue,
} from '../core/kernels/registry';
import {
  DEFAULT_KERNELS,
  GLOBAL_PARAMS,
  LINK_VERSION,
  MAX_INSTANCES,
  coerceParam,
  quote,
  type LinkState,
  type ListParam,
} from './params';

/**
 * One change made while reading a link. Shown as the line `${param}: ${message}`, e.g.
 * `d: 5000 is above the maximum 1000; clamped to 1000`; both parts are single-line plain text.
 */
export interface Repair {
  /** `v`, `kernels` or a global key; an unknown parameter's name quoted as written, e.g. `"foo"` */
  param: string;
  /** what changed and why, without the parameter name */
  message: string;
}

export interface ParsedLink {
  state: LinkState;
  repairs: Repair[];
  /** the known parameters the link gives (each once), in link order */
  given: string[];
}

type Report = (message: string) => void;

/**
 * The query string of `input` (links.md §2: a full URL with any origin and path, or a query string with
 * or without `?`): the text after the first `?` up to a `#`; none for a URL or path without `?`;
 * otherwise the whole input.
 */
function queryOf(input: string): string {
  const text = input.trim();
  const q = text.indexOf('?');
  if (q >= 0) return text.slice(q + 1).split('#')[0];
  return /^([a-z][a-z0-9+.-]*:\/\/|\/)/i.test(text) ? '' : text.split('#')[0];
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Percent-decoding that never throws (links.md §1: decoded before parsing): `+` is a space, each run of
 * `%XX` escapes is decoded as UTF-8 with malformed bytes read as U+FFFD, and a `%` not followed by two
 * hex digits stays as it is.
 */
function decode(text: string): string {
  return text
    .replace(/\+/g, ' ')
    .replace(/(%[0-9a-f]{2})+/gi, (run) =>
      UTF8.decode(Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16))),
    );
}

/** Splits at the commas outside parentheses (links.md §1); an unmatched `)` is ordinary text. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

interface Entry {
  name: string;
  value: string;
}

/** `name=value` (the first `=` splits; no `=` means an empty value), the name trimmed. */
function entryOf(text: string, dec: (s: string) => string = (s) => s): Entry {
  const eq = text.indexOf('=');
  return eq < 0
    ? { name: dec(text).trim(), value: '' }
    : { name: dec(text.slice(0, eq)).trim(), value: dec(text.slice(eq + 1)) };
}

/**
 * The first value of each known name (links.md §1: of repeated parameters or keys the first wins; an
 * unknown one is dropped). Reports every entry it drops.
 */
function firstOfEach(
  entries: readonly Entry[],
  isKnown: (name: string) => boolean,
  dropped: (e: Entry, why: 'unknown' | 'repeated') => void,
): Map<string, string> {
  const found = new Map<string, string>();
  for (const e of entries) {
    if (!isKnown(e.name)) dropped(e, 'unknown');
    else if (found.has(e.name)) dropped(e, 'repeated');
    else found.set(e.name, e.value);
  }
  return found;
}

/** Every spec's value: its default when not given, else the given text repaired by `coerceParam`. */
function readValues(
  specs: readonly (ParamSpec | ListParam)[],
  given: ReadonlyMap<string, string>,
  report: (spec: ParamSpec | ListParam, repair: string) => void,
): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const spec of specs) {
    const raw = given.get(spec.key);
    if (raw === undefined) {
      values[spec.key] = spec.default;
      continue;
    }
    const { value, repair } = coerceParam(spec, raw);
    if (repair !== undefined) report(spec, repair);
    values[spec.key] = value;
  }
  return values;
}

/** The text of one instance: `family`, or `family(args)` with what went wrong in its parentheses. */
interface InstanceText {
  name: string;
  args: string;
  problem?: string;
}

function splitInstance(text: string): InstanceText {
  const open = text.indexOf('(');
  if (open < 0) return { name: text, args: '' };
  const name = text.slice(0, open).trim();
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) {
      const after = text.slice(i + 1).trim();
      const args = text.slice(open + 1, i);
      return after === '' ? { name, args } : { name, args, problem: `text after ")" dropped (${quote(after)})` };
    }
  }
  return { name, args: text.slice(open + 1), problem: '"(" is never closed; read to the end of the list' };
}

/** One instance of a known family, every key read and repaired (links.md §1). */
function readInstance(f: KernelFamily, inst: InstanceText, report: Report): KernelInstance {
  const entries = splitTopLevel(inst.args)
    .filter((e) => e.trim() !== '')
    .map((e) => entryOf(e));
  const given = firstOfEach(
    entries,
    (key) => f.params.some((spec) => spec.key === key),
    (e, why) =>
      report(
        why === 'unknown'
          ? `unknown key ${quote(e.name)} dropped`
          : `repeated key ${e.name} dropped (value ${quote(e.value.trim())}); the first wins`,
      ),
  );
  const params = readValues(f.params, given, (spec, repair) => report(`key ${spec.key}: ${repair}`));
  return { family: f.id, params };
}

/**
 * The `kernels` list (links.md §1). Empty items are skipped; instances are numbered in messages by their
 * position among the non-empty items as written; the limit of 8 counts instances of known families.
 */
function readKernels(raw: string | undefined, report: Report): KernelInstance[] {
  if (raw === undefined) return [...DEFAULT_KERNELS];
  const items = splitTopLevel(raw).filter((t) => t.trim() !== '');
  const kernels: KernelInstance[] = [];
  const beyond: string[] = [];
  items.forEach((text, i) => {
    const inst = splitInstance(text.trim());
    const f = family(inst.name);
    const where = `instance ${i + 1}`;
    if (f === undefined) report(`${where}: unknown family ${quote(inst.name)} dropped`);
    else if (kernels.length === MAX_INSTANCES) beyond.push(f.id);
    else {
      if (inst.problem !== undefined) report(`${where} (${f.id}): ${inst.problem}`);
      kernels.push(readInstance(f, inst, (m) => report(`${where} (${f.id}): ${m}`)));
    }
  });
  if (beyond.length > 0) {
    const given = MAX_INSTANCES + beyond.length;
    report(`${given} instances given; instances beyond the ${MAX_INSTANCES}th dropped (${beyond.join(', ')})`);
  }
  if (kernels.length > 0) return kernels;
  report(items.length === 0 ? 'the list is empty; default kernels used' : 'no instance left; default kernels used');
  return [...DEFAULT_KERNELS];
}

/**
 * `v` (links.md §1): absent means version 1. This app knows version 1 only; any other value is read as
 * version 1 with a notice (the safe choice: most of such a link is likely still meaningful).
 */
function readVersion(raw: string | undefined, report: Report): void {
  if (raw !== undefined && raw.trim() !== String(LINK_VERSION)) {
    report(`unsupported link version ${quote(raw.trim())}; read as version ${LINK_VERSION}`);
  }
}

/** Parameter order of links.md §1 then the team's; unknown parameters sort last. */
const ORDER = ['v', 'kernels', ...GLOBAL_PARAMS.map((spec) => spec.key)];
const rank = (r: Repair) => (ORDER.includes(r.param) ? ORDER.indexOf(r.param) : ORDER.length);

/**
 * Reads a link (links.md §1–2) into a valid state, applying the repair rules; never throws. Repairs are
 * listed by parameter in link order (unknown parameters last), each in the order it was met.
 */
export function parseLink(input: string): ParsedLink {
  const repairs: Repair[] = [];
  const reporter = (param: string) => (message: string) => repairs.push({ param, message });

  const segments = queryOf(input)
    .split('&')
    .filter((s) => decode(s).trim() !== '');
  const given = firstOfEach(
    segments.map((s) => entryOf(s, decode)),
    (name) => ORDER.includes(name),
    (e, why) =>
      why === 'unknown'
        ? reporter(quote(e.name))('unknown parameter dropped')
        : reporter(e.name)(`repeated parameter dropped (value ${quote(e.value.trim())}); the first wins`),
  );

  readVersion(given.get('v'), reporter('v'));
  const kernels = readKernels(given.get('kernels'), reporter('kernels'));
  const globals = readValues(GLOBAL_PARAMS, given, (spec, repair) => reporter(spec.key)(repair));
  const state = { kernels, ...globals } as LinkState;

  // rules between parameters run on the repaired state, in table order
  for (const spec of GLOBAL_PARAMS) {
    const fix = spec.check?.(state);
    if (fix === undefined) continue;
    Object.assign(state, { [spec.key]: fix.value });
    reporter(spec.key)(fix.repair);
  }

  repairs.sort((a, b) => rank(a) - rank(b));
  return { state, repairs, given: [...given.keys()] };
}
