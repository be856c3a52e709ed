/**
 * Link parameters whose value is a list (docs/function-space.md): the regression data `pts`
 * (`angle:value` items separated by `;`) and the learning target's degrees `harm` (comma-separated).
 * A list is read item by item with the same kind of repairs as a single value (links.md §1: dropped,
 * clamped, rounded, with a reason), and kept in the state as its canonical text, so that comparing,
 * serializing and the default work as for any other value.
 */
import { SEQUENCE_LIMITS, readSequences, sequencePreset } from '../core/rntk/presets';
import { DECIMAL, formatLinkNumber } from './numbers';

/** A list-valued global parameter: `read` turns any text into canonical text plus the repairs made. */
export interface ListRule {
  /** the longest list kept; items beyond are dropped */
  maxItems: number;
  read(raw: string): { value: string; repairs: string[] };
}

export interface DataPoint {
  /** degrees in [0, 360) */
  angle: number;
  value: number;
}

const numberOf = (text: string) => (DECIMAL.test(text.trim()) ? Number(text.trim()) + 0 : null);

/** Item text shown in a message: at most 20 characters, quoted. */
const shown = (text: string) =>
  JSON.stringify(Array.from(text).length > 20 ? `${Array.from(text).slice(0, 20).join('')}…` : text);

export const POINT_LIMITS = { items: 200, value: 10 } as const;

/** Reads `angle:value;…` (docs/function-space.md): angle modulo 360 into [0, 360), value clamped to ±10. */
export const POINTS: ListRule = {
  maxItems: POINT_LIMITS.items,
  read(raw) {
    const repairs: string[] = [];
    const items = raw.split(';').filter((t) => t.trim() !== '');
    const points: DataPoint[] = [];
    for (const item of items) {
      const [a, v, ...rest] = item.split(':');
      const angle = numberOf(a ?? '');
      const value = v === undefined ? null : numberOf(v);
      if (angle === null || value === null || rest.length > 0 || !Number.isFinite(angle) || Number.isNaN(value)) {
        repairs.push(`item ${shown(item.trim())} is not angle:value; dropped`);
        continue;
      }
      if (points.length === POINT_LIMITS.items) {
        repairs.push(`${items.length} points given; points beyond the ${POINT_LIMITS.items}th dropped`);
        break;
      }
      // (a % 360 + 360) % 360 would turn a tiny positive angle into 360 % 360 = 0; wrap only what is outside
      const wrapped = angle >= 0 && angle < 360 ? angle : (((angle % 360) + 360) % 360) % 360;
      if (wrapped !== angle)
        repairs.push(`angle ${formatLinkNumber(angle)} read as ${formatLinkNumber(wrapped)} (modulo 360)`);
      const clamped = Math.min(POINT_LIMITS.value, Math.max(-POINT_LIMITS.value, value));
      if (clamped !== value) repairs.push(`value ${v!.trim()} clamped to ${formatLinkNumber(clamped)}`);
      points.push({ angle: wrapped, value: clamped });
    }
    return { value: pointsText(points), repairs };
  },
};

/** The canonical text of data points: `angle:value` items joined by `;`, in the given order. */
export function pointsText(points: readonly DataPoint[]): string {
  return points.map((p) => `${formatLinkNumber(p.angle)}:${formatLinkNumber(p.value)}`).join(';');
}

/** The points of a canonical `pts` text (as the state holds it). */
export function readPoints(text: string): DataPoint[] {
  if (text === '') return [];
  return text.split(';').map((item) => {
    const [angle, value] = item.split(':').map(Number);
    return { angle, value };
  });
}

export const DEGREE_LIMITS = { items: 12, max: 1000 } as const;

/**
 * A list of integers `k,k,…` (`what` names one in messages): rounded and clamped to [min, max], sorted,
 * duplicates dropped, at most `maxItems`.
 */
export function integerList(min: number, max: number, maxItems: number, what: string): ListRule {
  return {
    maxItems,
    read(raw) {
      const repairs: string[] = [];
      const values = new Set<number>();
      for (const item of raw.split(',').filter((t) => t.trim() !== '')) {
        const n = numberOf(item);
        if (n === null) {
          repairs.push(`${shown(item.trim())} is not a ${what}; dropped`);
          continue;
        }
        const k = Math.min(max, Math.max(min, Math.round(n))) + 0;
        if (k !== n) repairs.push(`${item.trim()} read as ${k} (integers ${min}–${max})`);
        if (values.has(k)) repairs.push(`${what} ${k} repeated; dropped`);
        else if (values.size === maxItems) repairs.push(`${what} ${k} dropped: at most ${maxItems} ${what}s`);
        else values.add(k);
      }
      const sorted = [...values].sort((a, b) => a - b);
      const text = sorted.join(',');
      if (sorted.length > 1 && text !== [...values].join(',')) repairs.push(`${what}s sorted`);
      return { value: text, repairs };
    },
  };
}

/** Reads `k,k,…`: integers 0–1000, rounded and clamped, sorted, duplicates dropped, at most 12. */
export const DEGREES: ListRule = integerList(0, DEGREE_LIMITS.max, DEGREE_LIMITS.items, 'degree');

export const WIDTH_LIMITS = { items: 8, min: 4, max: 8192 } as const;

/** Reads the networks' widths `m,m,…` (docs/finite.md): integers 4–8192, sorted, at most 8. */
export const WIDTHS: ListRule = integerList(WIDTH_LIMITS.min, WIDTH_LIMITS.max, WIDTH_LIMITS.items, 'width');

/** The integers of a canonical list text (`harm`, `widths`). */
export function readIntegers(text: string): number[] {
  return text === '' ? [] : text.split(',').map(Number);
}

/**
 * A list of names from a fixed vocabulary (`contest`, `pair`; docs/realdata.md §6): unknown names and
 * repeats dropped, order kept, at most `maxItems`.
 */
export function nameList(vocabulary: readonly string[], maxItems: number, what: string): ListRule {
  return {
    maxItems,
    read(raw) {
      const repairs: string[] = [];
      const names: string[] = [];
      for (const item of raw.split(',').map((t) => t.trim())) {
        if (item === '') continue;
        if (!vocabulary.includes(item)) repairs.push(`${shown(item)} is not a ${what}; dropped`);
        else if (names.includes(item)) repairs.push(`${item} repeated; dropped`);
        else if (names.length === maxItems) repairs.push(`${item} dropped: at most ${maxItems}`);
        else names.push(item);
      }
      return { value: names.join(','), repairs };
    },
  };
}

/**
 * The `data` parameter (docs/realdata.md §6): one selection word alone (`n200`, `n1000`, `all`, `custom`),
 * or data set names from the catalog in the order given. A word inside a list of names is dropped.
 */
export function datasetList(words: readonly string[], names: readonly string[]): ListRule {
  const byName = nameList(names, names.length, 'shipped data set');
  return {
    maxItems: names.length,
    read(raw) {
      const trimmed = raw.trim();
      if (words.includes(trimmed)) return { value: trimmed, repairs: [] };
      const repairs: string[] = [];
      const kept = raw
        .split(',')
        .filter((item) => {
          if (!words.includes(item.trim())) return true;
          repairs.push(`${item.trim()} stands alone, not in a list of data sets; dropped`);
          return false;
        })
        .join(',');
      const read = byName.read(kept);
      return { value: read.value, repairs: [...repairs, ...read.repairs] };
    },
  };
}

export const FILE_NAME_LIMIT = 120;

/**
 * The `file` parameter (docs/realdata.md §6): the name of the user's CSV file, shown to the user, never
 * opened. Kept readable in a link (links.md §1): any run of characters other than ASCII letters, digits,
 * `.`, `_` and `-` is written as one `_`, and the name is cut to FILE_NAME_LIMIT characters.
 */
export const FILE_NAME: ListRule = {
  maxItems: 1,
  read(raw) {
    const repairs: string[] = [];
    let value = fileNameText(raw);
    if (value !== raw.trim()) repairs.push(`read as ${shown(value)} (letters, digits, ".", "_" and "-" only)`);
    if (value.length > FILE_NAME_LIMIT) {
      value = value.slice(0, FILE_NAME_LIMIT);
      repairs.push(`cut to ${FILE_NAME_LIMIT} characters`);
    }
    return { value, repairs };
  },
};

/** A file name as the `file` parameter keeps it (see FILE_NAME). */
export const fileNameText = (name: string) => name.trim().replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * The Sequences view's `seqs` (docs/rntk.md, links.md): a preset name alone, or scalar sequences as
 * comma-separated numbers separated by `;`. Items that are not numbers are dropped, values clamped to
 * ±SEQUENCE_LIMITS.value, sequences cut to SEQUENCE_LIMITS.steps steps; empty sequences and those beyond the
 * 16th are dropped.
 */
export const SEQUENCES: ListRule = {
  maxItems: SEQUENCE_LIMITS.sequences,
  read(raw) {
    const trimmed = raw.trim();
    if (sequencePreset(trimmed)) return { value: trimmed, repairs: [] };
    const repairs: string[] = [];
    const sequences: number[][] = [];
    const texts = raw.split(';');
    for (const [i, text] of texts.entries()) {
      // this sequence's own repairs, reported only if it is kept
      const own: string[] = [];
      const values: number[] = [];
      for (const item of text.split(',')) {
        if (item.trim() === '') continue;
        const n = numberOf(item);
        if (n === null || Number.isNaN(n)) {
          own.push(`sequence ${i + 1}: ${shown(item.trim())} is not a number; dropped`);
          continue;
        }
        const v = Math.min(SEQUENCE_LIMITS.value, Math.max(-SEQUENCE_LIMITS.value, n)) + 0;
        if (v !== n) own.push(`sequence ${i + 1}: ${item.trim()} clamped to ${formatLinkNumber(v)}`);
        values.push(v);
      }
      if (values.length === 0) {
        if (text.trim() !== '' || texts.length > 1) repairs.push(...own, `sequence ${i + 1} has no number; dropped`);
        continue;
      }
      if (sequences.length === SEQUENCE_LIMITS.sequences) {
        repairs.push(`sequences beyond the ${SEQUENCE_LIMITS.sequences}th dropped`);
        break;
      }
      if (values.length > SEQUENCE_LIMITS.steps) {
        own.push(`sequence ${i + 1}: ${values.length} steps cut to the first ${SEQUENCE_LIMITS.steps}`);
        values.length = SEQUENCE_LIMITS.steps;
      }
      repairs.push(...own);
      sequences.push(values);
    }
    return { value: sequencesText(sequences), repairs };
  },
};

/** The canonical `seqs` text of sequences given as numbers. */
export function sequencesText(sequences: readonly (readonly number[])[]): string {
  return sequences.map((s) => s.map(formatLinkNumber).join(',')).join(';');
}

/** The sequences of a canonical `seqs` text (src/core/rntk/presets.ts). */
export { readSequences };
