/**
 * CSV figures (links.md §2): line 1 `# <canonical link>`, line 2 the header (sample coordinates, then one
 * column per instance named by its canonical text, RFC 4180 quoting, `#2`, `#3`… for repeats), then rows.
 * A null value (a quantity that does not exist, e.g. the time to learn a degree that is never learned) is an
 * empty cell.
 */
import { numberText } from './numbers';

export interface CsvTable {
  link: string;
  /** names of the sample-coordinate columns, e.g. ["theta"] or ["x1", "x2"] */
  coordinates: readonly string[];
  /** one array per coordinate column */
  coordinateValues: readonly ArrayLike<number>[];
  /** one column per instance; null gives an empty cell */
  columns: readonly { name: string; values: ArrayLike<number | null> }[];
}

/** RFC 4180: quote a field that holds a comma, quote, CR or LF; double the quotes inside. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Repeated identical names get `#2`, `#3`, … so every column is distinct. */
function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n}#${count}`;
  });
}

export function toCsv({ link, coordinates, coordinateValues, columns }: CsvTable): string {
  const header = [...coordinates, ...distinctNames(columns.map((c) => c.name))].map(csvField).join(',');
  const rows = coordinateValues.length ? coordinateValues[0].length : 0;
  const lines = [`# ${link}`, header];
  const all: ArrayLike<number | null>[] = [...coordinateValues, ...columns.map((c) => c.values)];
  const cell = (v: number | null) => (v === null ? '' : numberText(v));
  for (let i = 0; i < rows; i++) {
    let line = cell(all[0][i]);
    for (let c = 1; c < all.length; c++) line += `,${cell(all[c][i])}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
