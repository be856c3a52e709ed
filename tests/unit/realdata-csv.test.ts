/** A user's CSV file (realdata/csv.ts): RFC 4180 parsing, hostile files, z-scoring and the seeded split. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/numerics/random';
import { CsvError, parseCsv, readCsvDataset, sortLabels, stratifiedSplit } from '../../src/core/realdata/csv';
import type { Dataset, Split } from '../../src/core/realdata/types';

/** A table as CSV text, quoting only where RFC 4180 requires it. */
function toCsv(rows: (string | number)[][], eol = '\n'): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join(eol) + eol;
}

/** `n` rows of `d` seeded normal features and labels cycling through `classes`. */
function table(n: number, d: number, classes: (string | number)[], seed = 1): (string | number)[][] {
  const r = seededRandom(seed);
  const header = [...Array.from({ length: d }, (_, j) => `f${j}`), 'y'];
  const rows = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: d }, () => r.normal() * 3 + 5),
    classes[i % classes.length],
  ]);
  return [header, ...rows];
}

const read = (text: string, label?: number, seed = 7) => readCsvDataset(text, { name: 'mine', label, seed });

/** The CsvError message a text is refused with (fails if it is accepted or throws anything else). */
function refusal(text: string, label?: number): string {
  try {
    read(text, label);
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    return (e as CsvError).message;
  }
  throw new Error('the file was accepted');
}

const sorted = (a: number[]) => a.every((v, i) => i === 0 || a[i - 1] < v);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Every property the split promises (csv.ts file comment), checked on one data set. */
function expectValidSplit(ds: Dataset): void {
  const all = range(ds.n);
  const union = (s: Split) => [...s.train, ...s.test].sort((a, b) => a - b);
  const perClass = (rows: number[]) => {
    const counts = new Array(ds.classes).fill(0);
    for (const i of rows) counts[ds.y[i]]++;
    return counts;
  };
  const splits = [ds.validation, ...ds.folds];
  for (const s of splits) {
    expect(sorted(s.train) && sorted(s.test)).toBe(true);
    expect(union(s)).toEqual(all); // a partition: disjoint (strictly sorted union) and covering
  }
  // validation: 50/50 within each class (differ by at most 1), and every class on both sides
  const a = perClass(ds.validation.train);
  const b = perClass(ds.validation.test);
  for (let c = 0; c < ds.classes; c++) {
    expect(Math.abs(a[c] - b[c])).toBeLessThanOrEqual(1);
    expect(Math.min(a[c], b[c])).toBeGreaterThan(0);
  }
  // folds: the test sets partition the rows, each about a quarter overall and within each class
  expect(ds.folds).toHaveLength(4);
  expect(ds.folds.flatMap((f) => f.test).sort((x, y) => x - y)).toEqual(all);
  const sizes = ds.folds.map((f) => f.test.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  const counts = ds.folds.map((f) => perClass(f.test));
  for (let c = 0; c < ds.classes; c++) {
    const col = counts.map((k) => k[c]);
    expect(Math.max(...col) - Math.min(...col)).toBeLessThanOrEqual(1);
    for (const f of ds.folds) expect(perClass(f.train)[c]).toBeGreaterThan(0); // every class in every training set
  }
}

/** Column means and sample standard deviations (divisor n − 1) of row-major x. */
function columnMoments(ds: Dataset): { mean: number; sd: number }[] {
  return range(ds.d).map((j) => {
    const v = range(ds.n).map((i) => ds.x[i * ds.d + j]);
    const mean = v.reduce((s, t) => s + t, 0) / ds.n;
    const sd = Math.sqrt(v.reduce((s, t) => s + (t - mean) ** 2, 0) / (ds.n - 1));
    return { mean, sd };
  });
}

describe('parseCsv (RFC 4180)', () => {
  it('reads plain rows, LF or CRLF, with or without a final line ending', () => {
    const rows = [
      ['a', 'b'],
      ['1', '2'],
    ];
    expect(parseCsv('a,b\n1,2\n')).toEqual(rows);
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual(rows);
    expect(parseCsv('a,b\n1,2')).toEqual(rows);
    expect(parseCsv('a,b\r1,2\r')).toEqual(rows); // a lone CR (old Mac files) also ends a line
  });

  it('strips a leading BOM and keeps empty fields', () => {
    expect(parseCsv('\uFEFFa,b\n,\n1,\n')).toEqual([
      ['a', 'b'],
      ['', ''],
      ['1', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('ignores only the final empty line', () => {
    expect(parseCsv('a\n1\n')).toEqual([['a'], ['1']]);
    expect(parseCsv('a\n1\n\n')).toEqual([['a'], ['1'], ['']]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    const text = 'name,"note, with comma"\r\n"say ""hi""","two\nlines"\r\n"","crlf\r\ninside"\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note, with comma'],
      ['say "hi"', 'two\nlines'],
      ['', 'crlf\r\ninside'],
    ]);
    expect(parseCsv('"a"')).toEqual([['a']]);
    expect(parseCsv('"""",x')).toEqual([['"', 'x']]);
    expect(parseCsv('a"b,c')).toEqual([['a"b', 'c']]); // a stray quote inside an unquoted field is text
  });

  it('refuses an unterminated quote and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow(/starts on line 2 is never closed/);
    expect(() => parseCsv('a,b\r\n1,2\r\n"x"y,3\r\n')).toThrow(/Line 3 has text right after a closing quote/);
  });

  it('reads a 10⁵-column header, 10⁵ doubled quotes and 10⁵ rows (timings: npm run bench)', () => {
    const wide = `${range(100_000)
      .map((j) => `c${j}`)
      .join(',')}\n`;
    const quotes = `"${'""'.repeat(100_000)}"\n`;
    const long = 'a,b\n'.repeat(100_000);
    expect(parseCsv(wide)[0]).toHaveLength(100_000);
    expect(parseCsv(quotes)[0][0]).toHaveLength(100_000);
    expect(parseCsv(long)).toHaveLength(100_000);
  });

  it('round-trips any table written with RFC 4180 quoting (property)', () => {
    const field = fc.stringMatching(/^[ab ,"\r\n1.]{0,6}$/);
    const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), (t, eol, bom, quoteAll) => {
        const cell = (s: string) => (quoteAll || s === '' || /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
        const text = (bom ? '\uFEFF' : '') + t.map((r) => r.map(cell).join(',')).join(eol) + eol;
        expect(parseCsv(text)).toEqual(t);
      }),
    );
  });
});

describe('readCsvDataset: hostile files are refused with a message for the user', () => {
  it('empty file, BOM only, blank lines only', () => {
    for (const text of ['', '\uFEFF', '\n\n', '  \r\n']) expect(refusal(text)).toMatch(/^The file is empty\./);
  });

  it('header only (with or without a final line ending)', () => {
    for (const text of ['a,b,y', 'a,b,y\n', 'a,b,y\r\n\r\n']) {
      expect(refusal(text)).toBe(
        'The file has a header row but no data rows. Add one row per sample below the header.',
      );
    }
  });

  it('one class', () => {
    expect(refusal(toCsv(table(20, 2, ['cat'])))).toMatch(
      /^The file has 1 class \(label column "y"\); a classifier needs 2 to 100\./,
    );
  });

  it('more than 100 classes', () => {
    expect(refusal(toCsv(table(303, 2, range(101))))).toMatch(
      /^The file has 101 classes \(label column "y"\); a classifier needs 2 to 100\./,
    );
    expect(read(toCsv(table(300, 2, range(100)))).dataset.classes).toBe(100);
  });

  it('more than 5000 rows (refused without reading the rest)', () => {
    expect(read(toCsv(table(5000, 1, [0, 1]))).dataset.n).toBe(5000);
    const text = toCsv(table(5001, 1, [0, 1]));
    expect(refusal(text)).toBe(
      'The file has more than 5000 data rows; the limit is 5000. Use a sample of at most 5000 rows.',
    );
    // reading stops at row 5001: a broken quote further down is never reached
    expect(refusal(`${text}1,"open\n`)).toMatch(/more than 5000 data rows/);
  });

  it('10⁵ columns: refused on the header', () => {
    const header = `${range(100_000)
      .map((j) => `c${j}`)
      .join(',')}\n`;
    const row = `${range(100_000)
      .map((j) => j % 2)
      .join(',')}\n`;
    expect(refusal(header + row.repeat(20))).toBe(
      'The file has 100000 columns (99999 features and the label); the limit is 1000 feature columns. Keep at most 1000 feature columns and the label.',
    );
    expect(read(toCsv(table(10, 1000, [0, 1]))).dataset.d).toBe(1000);
    expect(refusal(toCsv(table(10, 1001, [0, 1])))).toMatch(/^The file has 1002 columns/);
  });

  it('text in every numeric cell, or too few usable rows', () => {
    const text = toCsv([['a', 'y'], ...range(10).map((i) => ['n/a', i % 2])]);
    expect(refusal(text)).toMatch(/^None of the 10 data rows is usable/);
    expect(refusal(toCsv(table(7, 2, [0, 1])))).toMatch(/^Only 7 usable rows remain \(of 7\); .* at least 8\./);
  });

  it('a class with a single row', () => {
    const rows = table(12, 2, ['a', 'b']);
    rows[12][2] = 'rare';
    expect(refusal(toCsv(rows))).toMatch(/^Class "rare" \(label column "y"\) has only 1 usable row/);
  });

  it('a header of one column, with a hint for semicolon-separated files', () => {
    expect(refusal('a;b;y\n1;2;0\n')).toMatch(/^The header has 1 column; .* semicolons or tabs/);
    expect(refusal('y\n0\n1\n')).toMatch(/^The header has 1 column;/);
  });

  it('a label column that does not exist', () => {
    for (const label of [3, -1, 1.5, Number.NaN]) {
      expect(refusal('a,b,y\n1,2,0\n', label)).toMatch(
        /^There is no column .* to use as the label: the file has 3 columns/,
      );
    }
  });

  it('only constant feature columns', () => {
    const text = toCsv([['a', 'b', 'y'], ...range(10).map((i) => [1, 0.1, i % 2])]);
    expect(refusal(text)).toBe(
      'Every feature column is constant over the usable rows ("a", "b"); a classifier needs at least one column whose values vary.',
    );
  });

  it('malformed quoting is refused, not misread', () => {
    expect(refusal('a,y\n1,"x\n2,y\n')).toMatch(/never closed/);
  });
});

describe('readCsvDataset: what it drops, with a notice', () => {
  it('rows with missing or non-numeric values, and ragged rows', () => {
    const rows = table(150, 3, ['a', 'b', 'c']);
    rows[1][0] = 'abc';
    rows[2][1] = '';
    rows[3][2] = ' ';
    rows[4][0] = 'NaN';
    rows[5][1] = '0x1F';
    rows[6][0] = '1e999';
    rows[7].push(1);
    rows[8].pop();
    const { dataset, notices } = read(toCsv(rows));
    expect(notices).toEqual([
      'Dropped 6 of 150 rows with missing or non-numeric values.',
      "Dropped 2 of 150 rows whose number of cells differs from the header's 4.",
    ]);
    expect(dataset.n).toBe(142);
    expect(dataset.x.every(Number.isFinite)).toBe(true);
  });

  it('constant columns, named (exact test: a repeated 0.1 has a rounded mean ≠ 0.1)', () => {
    const rows = table(40, 3, [0, 1]).map((r, i) => (i === 0 ? ['', 'tenth', ...r] : [7, 0.1, ...r]));
    const { dataset, notices } = read(toCsv(rows));
    expect(notices).toEqual(['Dropped 2 constant columns: column 1, "tenth".']);
    expect(dataset.d).toBe(3);
  });

  it('many constant columns are listed ten at most', () => {
    const rows = table(10, 1, [0, 1]).map((r, i) => [...range(12).map((j) => (i === 0 ? `k${j}` : 0)), ...r]);
    expect(read(toCsv(rows)).notices).toEqual([
      'Dropped 12 constant columns: "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9" and 2 more.',
    ]);
  });

  it('blank lines and a trailing empty line are skipped silently', () => {
    const text = toCsv(table(12, 2, [0, 1])).replace('\n', '\n\n');
    const { dataset, notices } = read(`${text}\n\n`);
    expect(dataset.n).toBe(12);
    expect(notices).toEqual([]);
  });
});

describe('readCsvDataset: reading a good file', () => {
  it('a BOM, CRLF line ends and quoted commas give the same data set as plain LF', () => {
    const rows = table(30, 2, ['setosa, small', 'say "big"', 'x']);
    rows[0][0] = 'length, cm';
    const plain = read(toCsv(rows));
    const hostile = read(`\uFEFF${toCsv(rows, '\r\n')}`);
    expect(hostile).toEqual(plain);
    expect(plain.columns).toEqual(['length, cm', 'f1', 'y']);
    expect(plain.classNames).toEqual(['say "big"', 'setosa, small', 'x']);
    expect(plain.notices).toEqual([]);
  });

  it('z-scores each column: mean 0, sample sd 1, and the values are a linear map of the file', () => {
    const rows = table(200, 4, [0, 1, 2], 3);
    rows.forEach((r, i) => i > 0 && (r[3] = 1e308 * (i % 2 ? 1 : -0.5))); // huge values: no overflow
    const { dataset: ds } = read(toCsv(rows));
    expect(ds.x.every(Number.isFinite)).toBe(true);
    for (const { mean, sd } of columnMoments(ds)) {
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(Math.abs(sd - 1)).toBeLessThan(1e-12);
    }
    const raw = rows.slice(1).map((r) => Number(r[0]));
    const m = raw.reduce((s, t) => s + t, 0) / raw.length;
    const s = Math.sqrt(raw.reduce((a, t) => a + (t - m) ** 2, 0) / (raw.length - 1));
    raw.forEach((v, i) => expect(ds.x[i * ds.d]).toBeCloseTo((v - m) / s, 12));
  });

  it('classes: numeric order if all labels are numbers, else code-unit order; the label column is chosen', () => {
    expect(sortLabels(['10', '9', '-1', '1.0', '1', '2e0'])).toEqual(['-1', '1', '1.0', '2e0', '9', '10']);
    expect(sortLabels(['b', 'B', '10', '9', 'a'])).toEqual(['10', '9', 'B', 'a', 'b']);
    const rows = table(20, 2, [10, 9, 2]).map((r) => [r[2], r[0], r[1]]);
    const { dataset, classNames, labelColumn, columns } = read(toCsv(rows), 0);
    expect(classNames).toEqual(['2', '9', '10']);
    expect(labelColumn).toBe('y');
    expect(columns).toEqual(['y', 'f0', 'f1']);
    expect(Array.from(dataset.y.slice(0, 3))).toEqual([2, 1, 0]);
    expect(dataset).toMatchObject({ name: 'mine', n: 20, d: 2, classes: 3 });
  });
});

describe('the seeded, class-stratified split', () => {
  /** The split re-implemented from its description (csv.ts file comment, /docs), independently of csv.ts. */
  function reference(y: number[], classes: number, seed: number): { validation: Split; folds: Split[] } {
    const random = seededRandom(seed);
    const sequence: number[] = [];
    for (let c = 0; c < classes; c++) {
      const rows = range(y.length).filter((i) => y[i] === c);
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(random.uniform() * (i + 1));
        [rows[i], rows[j]] = [rows[j], rows[i]];
      }
      sequence.push(...rows);
    }
    const pick = (test: (p: number) => boolean): Split => ({
      train: sequence.filter((_, p) => !test(p)).sort((a, b) => a - b),
      test: sequence.filter((_, p) => test(p)).sort((a, b) => a - b),
    });
    return { validation: pick((p) => p % 2 === 1), folds: range(4).map((f) => pick((p) => p % 4 === f)) };
  }

  it('follows its documented algorithm and stays pinned', () => {
    const y = [0, 1, 0, 1, 1, 0, 2, 2, 1, 0, 2, 1];
    const split = stratifiedSplit(Int32Array.from(y), 3, 42);
    expect(split).toEqual(reference(y, 3, 42));
    expect(split.validation).toEqual({ train: [0, 1, 2, 4, 6, 11], test: [3, 5, 7, 8, 9, 10] });
    expect(split.folds.map((f) => f.test)).toEqual([
      [1, 2, 4],
      [3, 7, 9],
      [0, 6, 11],
      [5, 8, 10],
    ]);
  });

  it('is a stratified partition, deterministic for a seed and different for another', () => {
    const text = toCsv(table(157, 3, ['a', 'b', 'b', 'c', 'c', 'c', 'd']));
    const one = read(text, undefined, 1).dataset;
    expectValidSplit(one);
    expect(read(text, undefined, 1).dataset).toEqual(one);
    const two = read(text, undefined, 2).dataset;
    expectValidSplit(two);
    expect(two.validation).not.toEqual(one.validation);
    expect(two.folds).not.toEqual(one.folds);
    expect(two.x).toEqual(one.x); // the seed moves only the split
  });

  it('random small CSVs: refused with a CsvError or read into a valid data set (property)', () => {
    const cell = fc.oneof(
      { weight: 12, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('', 'NA', '?', ' 3 ', '"1,5"', '1e400', '-0', '.5') },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }).map(String) },
    );
    const label = fc.constantFrom('a', 'b', 'c', '1', '"x,y"', '');
    const csv = fc.record({
      d: fc.integer({ min: 1, max: 4 }),
      rows: fc.integer({ min: 0, max: 40 }),
      seed: fc.integer(),
      crlf: fc.boolean(),
      bom: fc.boolean(),
    });
    fc.assert(
      fc.property(
        csv.chain(({ d, rows, seed, crlf, bom }) =>
          fc.record({
            d: fc.constant(d),
            seed: fc.constant(seed),
            text: fc
              .array(fc.tuple(fc.array(cell, { minLength: d, maxLength: d }), label), {
                minLength: rows,
                maxLength: rows,
              })
              .map((body) => {
                const eol = crlf ? '\r\n' : '\n';
                const header = [...range(d).map((j) => `x${j}`), 'y'].join(',');
                const lines = body.map(([cells, y]) => [...cells, y].join(','));
                return (bom ? '\uFEFF' : '') + [header, ...lines].join(eol) + eol;
              }),
          }),
        ),
        ({ d, seed, text }) => {
          let result: ReturnType<typeof read>;
          try {
            result = read(text, undefined, seed);
          } catch (e) {
            expect(e).toBeInstanceOf(CsvError);
            return;
          }
          const ds = result.dataset;
          expect(ds.x).toHaveLength(ds.n * ds.d);
          expect(ds.x.every(Number.isFinite)).toBe(true);
          expect(ds.d).toBeLessThanOrEqual(d);
          expect(ds.n).toBeGreaterThanOrEqual(8);
          expect(ds.classes).toBe(result.classNames.length);
          expect(ds.y.every((c) => c >= 0 && c < ds.classes)).toBe(true);
          expectValidSplit(ds);
          for (const { mean, sd } of columnMoments(ds)) {
            expect(Math.abs(mean)).toBeLessThan(1e-9);
            expect(Math.abs(sd - 1)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
