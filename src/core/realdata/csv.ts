/**
 * A user's own CSV file as a real-data `Dataset` (types.ts): parsing, checks, z-scoring and the seeded,
 * class-stratified split. Pure (no DOM), so the app, the workers and the CLI read a file identically.
 *
 * Reading
 * - The text is RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside a quoted
 *   field is written twice; commas and line breaks inside quotes are data). A leading byte-order mark is
 *   ignored; lines end in LF or CRLF (a lone CR also ends a line); one final line ending is not a row.
 * - The first non-blank row is the header. The label column is `options.label` (0-based), the last by
 *   default; every other column is a feature. Blank lines are skipped silently.
 * - Limits, each refused with a CsvError as soon as it is known: at most 1000 feature columns (checked on
 *   the header, before any data row is read), at most 5000 data rows (reading stops at row 5001), 2 to 100
 *   classes.
 * - A data row is dropped (one notice per reason, with the count) when its number of cells differs from
 *   the header's, or when a feature cell, after trimming spaces, is not a finite decimal number
 *   (`[+-]digits[.digits][e[+-]digits]`; so "", "NA", "?", "0x1F", "Infinity" drop the row), or when its
 *   label cell is empty after trimming. Kept rows are numbered 0..n−1 in file order.
 * - Classes are the distinct trimmed label strings of the kept rows, sorted — numerically if every one is
 *   a decimal number (ties such as "1" and "1.0" by string), otherwise by UTF-16 code units (not the
 *   locale, so every machine agrees) — and numbered 0..k−1 in that order.
 * - At least 8 kept rows are required (each fold's test set then has at least 2 rows) and at least 2 rows
 *   in every class (so the two validation halves and all four fold training sets contain every class).
 * - Each feature column is z-scored over the kept rows: (v − mean) / s with s the sample standard
 *   deviation (divisor n − 1), as the shipped data. A column whose kept values are all equal is dropped
 *   (named in a notice); it is detected by exact equality, because a rounded mean would give a constant
 *   column a tiny non-zero s. If no column remains the file is refused.
 *
 * The split (reproducible from `seed`, the link's seed)
 * 1. One generator: `seededRandom(seed)` (numerics/random.ts), whose `uniform()` is a 53-bit deviate in [0, 1).
 * 2. For each class c = 0, 1, …, k−1 in turn, take the list of its row indices in ascending order and
 *    shuffle it in place with Fisher–Yates: for i = m−1 down to 1 (m = the class's size),
 *    j = Math.floor(uniform() * (i + 1)), swap entries i and j. (One uniform per i; classes of one row
 *    draw nothing.) The same generator continues from one class to the next.
 * 3. Concatenate the shuffled lists, class 0 first: row at place p (0-based) of this sequence — that is,
 *    p = (number of rows in classes before its class) + (its place within its class's shuffled list).
 * 4. validation.train = rows with p even, validation.test = rows with p odd.
 *    Fold f (f = 0, 1, 2, 3): test = rows with p mod 4 = f, train = all other rows.
 * 5. Every index list is sorted ascending.
 * Dealing the classes out in one running sequence (rather than restarting p at 0 in each class) keeps the
 * split stratified — within every class the two halves, and any two folds' test sets, differ by at most
 * one row — and also balanced overall (sizes within one of n/2 and n/4), even when many classes are small.
 */

import { seededRandom } from '../numerics/random';
import type { Dataset, Split } from './types';

/** The largest file the real-data experiments accept (the shipped data sets have n ≤ 5000). */
export const CSV_LIMITS = { rows: 5000, features: 1000, minClasses: 2, maxClasses: 100, minRows: 8 } as const;

/** A file the app cannot use; the message says what happened and what to do, and is shown as is. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/** The result of reading a CSV file: the data set and what the user should be told about it. */
export interface CsvDataset {
  dataset: Dataset;
  /** things dropped on the way (rows, constant columns), one sentence each */
  notices: string[];
  /** the header cells, trimmed, label and dropped columns included */
  columns: string[];
  labelColumn: string;
  /** the label value of each class index */
  classNames: string[];
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/* ------------------------------------------------------------------------------------------------ */
/* Parsing                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/** 1-based line of a character position; only called to word an error, so its O(n) cost is paid once. */
function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
  }
  return line;
}

/**
 * The quoted field whose opening quote is at `open`: its value and the position after the closing quote.
 * indexOf jumps from quote to quote, so the work is linear in the field's length even with many "".
 */
function readQuoted(text: string, open: number): [string, number] {
  let value = '';
  let start = open + 1;
  for (;;) {
    const q = text.indexOf('"', start);
    if (q < 0) {
      throw new CsvError(
        `A quoted field that starts on line ${lineOf(text, open)} is never closed. ` +
          'Check the quotes in the file: a field in quotes must end with a quote, and a quote inside it is written twice ("").',
      );
    }
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += text.slice(start, q + 1); // a doubled quote stands for one
      start = q + 2;
      continue;
    }
    return [value + text.slice(start, q), q + 1];
  }
}

/** End of an unquoted field starting at `i`: the next comma, line break or the end of the text. */
function unquotedEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) break;
    i++;
  }
  return i;
}

/**
 * Calls `visit` with each row's fields in order; `visit` returns false to stop reading (so a refused file
 * is not parsed to its end). One pass over the text, each character looked at a bounded number of times.
 */
export function scanCsv(text: string, visit: (fields: string[]) => boolean): void {
  const n = text.length;
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  if (i >= n) return;
  let row: string[] = [];
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const [value, after] = readQuoted(text, i);
      const c = text.charCodeAt(after);
      if (after < n && c !== COMMA && c !== LF && c !== CR) {
        throw new CsvError(
          `Line ${lineOf(text, after)} has text right after a closing quote. ` +
            'Check the quotes in the file: a quote inside a quoted field is written twice ("").',
        );
      }
      row.push(value);
      i = after;
    } else {
      const end = unquotedEnd(text, i);
      row.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) {
      visit(row); // the last line has no line ending
      return;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++; // next field of this row (an empty one if the text ends here)
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (!visit(row) || i >= n) return; // a final line ending does not start an empty row
    row = [];
  }
}

/** All rows of an RFC 4180 text (see the file comment); throws CsvError on a malformed quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  scanCsv(text, (fields) => {
    rows.push(fields);
    return true;
  });
  return rows;
}

/* ------------------------------------------------------------------------------------------------ */
/* Cells, names, words                                                                               */
/* ------------------------------------------------------------------------------------------------ */

/** Plain decimal notation only: Number() alone would also accept "0x1F", "0b1" and "" (as 0). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of a trimmed cell, or NaN if it is not a finite decimal number. */
function numberOf(cell: string): number {
  if (!DECIMAL.test(cell)) return Number.NaN;
  const v = Number(cell);
  return Number.isFinite(v) ? v : Number.NaN; // "1e999" is decimal but overflows
}

/** How a column is named in a message: its header text, or its position if the header cell is empty. */
function columnName(columns: string[], j: number): string {
  return columns[j] === '' ? `column ${j + 1}` : `"${columns[j]}"`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** At most ten names, so a notice about hundreds of columns stays readable. */
function nameList(names: string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/* ------------------------------------------------------------------------------------------------ */
/* Reading the table                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

/** The header and the usable rows, before classes and scaling. */
interface Table {
  columns: string[];
  label: number;
  /** feature column indices in file order (all but the label) */
  features: number[];
  /** kept rows: feature values (in `features` order) and the trimmed label */
  values: Float64Array[];
  labels: string[];
  /** non-blank data rows in the file */
  total: number;
  ragged: number;
  invalid: number;
}

const isBlank = (fields: string[]) => fields.length === 1 && fields[0].trim() === '';

/** The header (the first non-blank row), read without parsing the rest: a refused file's columns to choose from. */
export function csvHeader(text: string): string[] {
  let header: string[] = [];
  scanCsv(text, (fields) => {
    if (isBlank(fields)) return true;
    header = fields;
    return false;
  });
  return header;
}

/** Refuses a header that cannot hold a data set; returns the label column index. */
function checkHeader(columns: string[], label: number | undefined): number {
  if (columns.length < 2) {
    const hint = /[;\t]/.test(columns[0] ?? '')
      ? ' The header contains semicolons or tabs: only commas separate columns here; save the file as comma-separated CSV.'
      : '';
    throw new CsvError(
      `The header has 1 column; a data set needs at least one numeric feature column and a label column, separated by commas.${hint}`,
    );
  }
  const features = columns.length - 1;
  if (features > CSV_LIMITS.features) {
    throw new CsvError(
      `The file has ${columns.length} columns (${features} features and the label); the limit is ${CSV_LIMITS.features} feature columns. Keep at most ${CSV_LIMITS.features} feature columns and the label.`,
    );
  }
  const index = label ?? columns.length - 1;
  if (!Number.isInteger(index) || index < 0 || index >= columns.length) {
    throw new CsvError(
      `There is no column ${index + 1} to use as the label: the file has ${columns.length} columns, numbered 1 to ${columns.length}. Choose one of them as the label column (label=0 in a link means the last).`,
    );
  }
  return index;
}

/** Reads header and rows, stopping as soon as a limit is exceeded; counts the rows it drops and why. */
function readTable(text: string, label: number | undefined): Table {
  let table = null as Table | null; // `as`: set inside the callback, which TypeScript's narrowing does not see
  scanCsv(text, (fields) => {
    if (isBlank(fields)) return true;
    if (table === null) {
      const columns = fields.map((f) => f.trim());
      const index = checkHeader(columns, label);
      const features = columns.map((_, j) => j).filter((j) => j !== index);
      table = { columns, label: index, features, values: [], labels: [], total: 0, ragged: 0, invalid: 0 };
      return true;
    }
    table.total++;
    if (table.total > CSV_LIMITS.rows) {
      throw new CsvError(
        `The file has more than ${CSV_LIMITS.rows} data rows; the limit is ${CSV_LIMITS.rows}. Use a sample of at most ${CSV_LIMITS.rows} rows.`,
      );
    }
    addRow(table, fields);
    return true;
  });
  if (table === null) {
    throw new CsvError('The file is empty. Choose a CSV file with a header row and then one row per sample.');
  }
  if (table.total === 0) {
    throw new CsvError('The file has a header row but no data rows. Add one row per sample below the header.');
  }
  return table;
}

/** Keeps one data row if it is complete and numeric, else counts why it is dropped. */
function addRow(table: Table, fields: string[]): void {
  if (fields.length !== table.columns.length) {
    table.ragged++;
    return;
  }
  const label = fields[table.label].trim();
  const values = new Float64Array(table.features.length);
  for (let k = 0; k < table.features.length; k++) {
    const v = numberOf(fields[table.features[k]].trim());
    if (Number.isNaN(v) || label === '') {
      table.invalid++;
      return;
    }
    values[k] = v;
  }
  table.values.push(values);
  table.labels.push(label);
}

/** One sentence per reason rows were dropped. */
function rowNotices(table: Table): string[] {
  const notices: string[] = [];
  if (table.invalid > 0) {
    notices.push(`Dropped ${table.invalid} of ${table.total} rows with missing or non-numeric values.`);
  }
  if (table.ragged > 0) {
    notices.push(
      `Dropped ${table.ragged} of ${table.total} rows whose number of cells differs from the header's ${table.columns.length}.`,
    );
  }
  return notices;
}

/* ------------------------------------------------------------------------------------------------ */
/* Classes                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct labels in class order: numeric if all are decimal numbers, else by code units (see above). */
export function sortLabels(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((s) => !Number.isNaN(numberOf(s)));
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b) || byCodeUnits(a, b)) : distinct.sort(byCodeUnits);
}

/** Class indices of the kept rows; refuses too few or too many classes and classes too small to split. */
function classify(table: Table): { classNames: string[]; y: Int32Array } {
  const n = table.labels.length;
  const labelName = `label column ${columnName(table.columns, table.label)}`;
  if (n === 0) {
    throw new CsvError(
      `None of the ${table.total} data rows is usable: each has a missing or non-numeric feature value, an empty label, or a different number of cells than the header. Check that the feature columns hold numbers and that the right column is the label.`,
    );
  }
  const classNames = sortLabels(table.labels);
  const k = classNames.length;
  if (k < CSV_LIMITS.minClasses || k > CSV_LIMITS.maxClasses) {
    throw new CsvError(
      `The file has ${k} ${k === 1 ? 'class' : 'classes'} (${labelName}); a classifier needs ${CSV_LIMITS.minClasses} to ${CSV_LIMITS.maxClasses}. Check that the right column is chosen as the label.`,
    );
  }
  if (n < CSV_LIMITS.minRows) {
    throw new CsvError(
      `Only ${n} usable rows remain (of ${table.total}); the validation split and the four folds need at least ${CSV_LIMITS.minRows}. Add rows or fix the missing values.`,
    );
  }
  const index = new Map(classNames.map((name, c) => [name, c]));
  const y = Int32Array.from(table.labels, (label) => index.get(label)!);
  const counts = new Int32Array(k);
  for (const c of y) counts[c]++;
  const small = classNames.filter((_, c) => counts[c] < 2);
  if (small.length > 0) {
    throw new CsvError(
      `${small.length === 1 ? 'Class' : 'Classes'} ${nameList(small.map((s) => `"${s}"`))} (${labelName}) ${small.length === 1 ? 'has' : 'have'} only 1 usable row; every class needs at least 2 so that each training set contains it. Remove those rows or choose another label column.`,
    );
  }
  return { classNames, y };
}

/* ------------------------------------------------------------------------------------------------ */
/* Scaling                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/** True if every kept value of feature k equals the first: exact, unlike a computed s = 0. */
function isConstant(values: Float64Array[], k: number): boolean {
  const first = values[0][k];
  return values.every((row) => row[k] === first);
}

/**
 * z-scores of one feature column. The values are first divided by their largest magnitude, which the
 * z-score does not change, so sums of values near ±1e308 cannot overflow to Infinity and give NaN.
 */
function zScores(values: Float64Array[], k: number): Float64Array {
  const n = values.length;
  let scale = 0;
  for (const row of values) scale = Math.max(scale, Math.abs(row[k]));
  const v = Float64Array.from(values, (row) => row[k] / scale);
  let mean = 0;
  for (const t of v) mean += t;
  mean /= n;
  let ss = 0;
  for (const t of v) ss += (t - mean) * (t - mean);
  const sd = Math.sqrt(ss / (n - 1));
  return v.map((t) => (t - mean) / sd);
}

/** Row-major z-scored features without the constant columns, and a notice naming those. */
function standardize(table: Table): { x: Float64Array; d: number; notices: string[] } {
  const n = table.values.length;
  const kept: number[] = [];
  const constant: string[] = [];
  table.features.forEach((j, k) => {
    if (isConstant(table.values, k)) constant.push(columnName(table.columns, j));
    else kept.push(k);
  });
  if (kept.length === 0) {
    throw new CsvError(
      `Every feature column is constant over the usable rows (${nameList(constant)}); a classifier needs at least one column whose values vary.`,
    );
  }
  const d = kept.length;
  const x = new Float64Array(n * d);
  kept.forEach((k, col) => {
    const z = zScores(table.values, k);
    for (let i = 0; i < n; i++) x[i * d + col] = z[i];
  });
  const notices =
    constant.length > 0 ? [`Dropped ${plural(constant.length, 'constant column')}: ${nameList(constant)}.`] : [];
  return { x, d, notices };
}

/* ------------------------------------------------------------------------------------------------ */
/* The split                                                                                         */
/* ------------------------------------------------------------------------------------------------ */

/**
 * Place p of every row in the dealt sequence (steps 1–3 of the file comment): classes in order, each
 * class's rows ascending, shuffled by Fisher–Yates from one generator.
 */
function dealOrder(y: Int32Array, classes: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let row = 0; row < y.length; row++) members[y[row]].push(row); // ascending within each class
  const place = new Int32Array(y.length);
  let p = 0;
  for (const rows of members) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random.uniform() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    for (const row of rows) place[row] = p++;
  }
  return place;
}

/** The rows whose place satisfies `inTest` as test, the rest as train, both ascending. */
function splitBy(place: Int32Array, inTest: (p: number) => boolean): Split {
  const train: number[] = [];
  const test: number[] = [];
  for (let row = 0; row < place.length; row++) (inTest(place[row]) ? test : train).push(row);
  return { train, test };
}

/** The validation split and the four folds for class indices `y` and a seed (step 4 of the file comment). */
export function stratifiedSplit(y: Int32Array, classes: number, seed: number): { validation: Split; folds: Split[] } {
  const place = dealOrder(y, classes, seed);
  const validation = splitBy(place, (p) => p % 2 === 1);
  const folds = [0, 1, 2, 3].map((f) => splitBy(place, (p) => p % 4 === f));
  return { validation, folds };
}

/* ------------------------------------------------------------------------------------------------ */
/* The whole file                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/**
 * A CSV file as a data set (see the file comment for every rule). Throws CsvError, with a message for the
 * user, when the file cannot be used; anything it drops on the way is listed in `notices`.
 */
export function readCsvDataset(text: string, options: { name: string; label?: number; seed: number }): CsvDataset {
  const table = readTable(text, options.label);
  const { classNames, y } = classify(table);
  const { x, d, notices: columnNotices } = standardize(table);
  const { validation, folds } = stratifiedSplit(y, classNames.length, options.seed);
  const dataset: Dataset = {
    name: options.name,
    n: y.length,
    d,
    classes: classNames.length,
    x,
    y,
    validation,
    folds,
  };
  return {
    dataset,
    notices: [...rowNotices(table), ...columnNotices],
    columns: table.columns,
    labelColumn: table.columns[table.label],
    classNames,
  };
}
