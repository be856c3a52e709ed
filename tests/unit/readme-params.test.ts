/**
 * README.md's "Share links" tables against the declared schema: the link-parameter table lists exactly
 * the link's parameters (`v`, `kernels`, then GLOBAL_PARAMS) in the canonical link order with their
 * defaults, and the "Kernel families and keys" table lists exactly the registry's families (FAMILIES) with
 * their keys and defaults. Everything expected comes from the schema, so a new family or parameter fails
 * here until README.md documents it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES, type ParamSpec } from '../../src/core/kernels/registry';
import { DEFAULT_KERNELS, GLOBAL_PARAMS, LINK_VERSION, instanceText, type GlobalParam } from '../../src/link';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The section of README.md under a `## ` heading, up to the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, `README section "## ${heading}"`).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The rows (cells trimmed) of the Markdown table in `text` whose header row is `header`. */
function table(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === header);
  expect(at, `table "${header}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** The `code` spans of a cell, in order. */
const codeSpans = (cell: string) => Array.from(cell.matchAll(/`([^`]*)`/g), (m) => m[1]);

/** README numbers use the Unicode minus. */
const readNumber = (text: string) => Number(text.replace(/\u2212/g, '-'));

const shares = section('Share links');

describe('README "Share links": the link-parameter table', () => {
  const rows = table(shares, '| parameter | meaning | default | range |');

  /** One entry per parameter: a row that names two (`ra`, `rb`) gives two, its default split at the comma. */
  const documented = rows.flatMap(([names, , defaults]) => {
    const keys = codeSpans(names);
    if (keys.length === 1) return [{ key: keys[0], default: defaults }];
    const values = defaults.split(/,\s*/);
    expect(values, `defaults of ${keys.join(', ')}: one per parameter`).toHaveLength(keys.length);
    return keys.map((key, i) => ({ key, default: values[i] }));
  });

  /** The link's parameters in canonical order (serializeLink: `v`, `kernels`, then GLOBAL_PARAMS). */
  const declared: { key: string; spec?: GlobalParam; default: string | number }[] = [
    { key: 'v', default: LINK_VERSION },
    { key: 'kernels', default: DEFAULT_KERNELS.map(instanceText).join(',') },
    ...GLOBAL_PARAMS.map((spec) => ({ key: spec.key, spec, default: spec.default })),
  ];

  it('every row names its parameters in code spans', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const [names] of rows) expect(codeSpans(names).length, names).toBeGreaterThan(0);
  });

  it('lists exactly the declared parameters', () => {
    const keys = documented.map((d) => d.key);
    expect(new Set(keys).size, 'no parameter twice').toBe(keys.length);
    expect([...keys].sort()).toEqual(declared.map((d) => d.key).sort());
  });

  it('in the canonical link order', () => {
    expect(documented.map((d) => d.key)).toEqual(declared.map((d) => d.key));
  });

  it('with the declared defaults (numbers numerically, words and lists textually)', () => {
    for (const { key, default: expected } of declared) {
      const row = documented.find((d) => d.key === key);
      if (!row) continue; // reported by "lists exactly the declared parameters"
      const written = row.default.replace(/^`(.*)`$/, '$1');
      if (typeof expected === 'number') {
        expect(written, `${key}: a number`).toMatch(/^[+\u2212-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i);
        expect(readNumber(written), key).toBe(expected);
      } else {
        expect(written, key).toBe(expected);
      }
    }
  });
});

describe('README "Share links": the kernel families table', () => {
  const rows = table(shares, '| family | keys (default) | range |');
  const documented = rows.map(([name, keys]) => ({ id: codeSpans(name)[0], name, keys }));

  it('lists exactly the registry families, in registry order', () => {
    expect(documented.map((d) => d.id)).toEqual(FAMILIES.map((f) => f.id));
  });

  /**
   * The keys cell: one part per key, separated by `;` or by `,` before the next key's code span, each
   * starting with the key in a code span. A number's default is the first parenthesis after the key
   * (`` `c` (1) ``); a choice lists its words in code spans and marks the default with `(…default)` after it.
   */
  const keyParts = (cell: string) =>
    cell
      .split(/;\s*|,\s*(?=`)/)
      .map((part) => part.trim())
      .filter((part) => part !== '');

  for (const f of FAMILIES) {
    it(`${f.id}: exactly the registry's keys, in order, with their defaults`, () => {
      const row = documented.find((d) => d.id === f.id);
      expect(row, `a row for ${f.id}`).toBeDefined();
      if (!row) return;
      const parts = keyParts(row.keys);
      expect(
        parts.map((p) => codeSpans(p)[0]),
        row.keys,
      ).toEqual(f.params.map((p) => p.key));
      f.params.forEach((spec: ParamSpec, i) => {
        const part = parts[i];
        if (!part) return;
        const rest = part.slice(`\`${spec.key}\``.length);
        if (spec.kind === 'number') {
          const paren = /\(([^)]*)\)/.exec(rest);
          expect(paren, `${f.id} ${spec.key}: a default in parentheses`).not.toBeNull();
          expect(readNumber(paren?.[1] ?? ''), `${f.id} ${spec.key}`).toBe(spec.default);
        } else {
          const words = codeSpans(rest);
          expect(words.sort(), `${f.id} ${spec.key}: every word`).toEqual(spec.options.map((o) => o.value).sort());
          const marked = Array.from(rest.matchAll(/`([^`]*)`\s*\(([^)]*)\)/g))
            .filter((m) => /\bdefault\b/.test(m[2]))
            .map((m) => m[1]);
          expect(marked, `${f.id} ${spec.key}: the default marked`).toEqual([spec.default]);
        }
      });
    });
  }
});
