/**
 * The headless real-data figure (docs/realdata.md §6): `figure --panel realdata` on Node worker threads, its
 * JSON, CSV and SVG, the options that belong to it, and a CSV file of one's own (`--data-file`).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRealdata } from '../../cli/realdataRun';
import { runFigureCommand } from '../../src/figure/command';

async function figure(args: string[]) {
  let out = '';
  let err = '';
  const code = await runFigureCommand(args, { out: (t) => (out += t), err: (t) => (err += t), runRealdata });
  return { code, out, err };
}

describe('figure --panel realdata', () => {
  it('JSON: data sets in link order, contestants in contest order, summaries and pairs as fractions', async () => {
    const { code, out, err } = await figure([
      '?data=iris,balloons&contest=laplace,ntk',
      '--panel',
      'realdata',
      '--threads',
      '2',
    ]);
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['panel', 'link', 'prep', 'contestants', 'datasets', 'summary', 'pairs']);
    expect(json.panel).toBe('realdata');
    expect(json.link).toBe('?v=1&data=iris,balloons&contest=laplace,ntk');
    expect(json.prep).toBe('zscore');
    expect(json.contestants).toEqual(['laplace', 'ntk']);
    expect(json.datasets.map((d: { name: string }) => d.name)).toEqual(['iris', 'balloons']);
    const [iris] = json.datasets;
    expect([iris.n, iris.d, iris.classes]).toEqual([150, 4, 3]);
    expect(Object.keys(iris.results)).toEqual(['laplace', 'ntk']);
    // the same as scikit-learn (tests/fixtures/realdata/sklearn.json, iris, zscore)
    expect(iris.results.ntk).toEqual({
      params: { L: 4 },
      C: 0.1,
      validation: 0.9866666666666667,
      folds: [1, 0.9459459459459459, 1, 0.9459459459459459],
      accuracy: 0.972972972972973,
    });
    expect(Object.keys(iris.results.laplace.params)).toEqual(['a', 'c']);
    expect(Object.keys(json.summary)).toEqual(['laplace', 'ntk']);
    for (const s of Object.values(json.summary) as Record<string, number>[]) {
      for (const k of ['mean', 'p90', 'p95', 'pma']) expect(s[k]).toBeGreaterThanOrEqual(0);
      for (const k of ['mean', 'p90', 'p95', 'pma']) expect(s[k]).toBeLessThanOrEqual(1);
    }
    expect(json.pairs).toHaveLength(1);
    expect(json.pairs[0]).toMatchObject({ a: 'laplace', b: 'ntk' });
    expect(json.pairs[0].wins + json.pairs[0].ties + json.pairs[0].losses).toBe(2);
  }, 60_000);

  it('CSV: one row per data set and contestant; SVG: the scatter with the credit', async () => {
    const csv = await figure(['?data=balloons&contest=ntk,gauss', '--panel', 'realdata', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.out.trimEnd().split('\n');
    expect(lines[0]).toBe('# ?v=1&data=balloons&contest=ntk,gauss');
    expect(lines[1]).toBe('dataset,n,d,classes,prep,contestant,params,C,validation,fold1,fold2,fold3,fold4,accuracy');
    expect(lines.slice(2).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      'balloons,16,4,2,zscore,ntk',
      'balloons,16,4,2,zscore,gauss',
    ]);
    const svg = await figure(['?data=balloons&contest=ntk,gauss', '--panel', 'realdata', '--format', 'svg']);
    expect(svg.out).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.out).toContain('NTK vs Gaussian');
    expect(svg.out).toContain('Fernández-Delgado');
  }, 60_000);

  it('--base: the absolute link in the CSV and the SVG, the query in the JSON', async () => {
    const link = '?data=balloons&contest=ntk,gauss';
    const args = [link, '--panel', 'realdata', '--base', 'http://localhost:5173/app/', '--format'];
    const absolute = 'http://localhost:5173/app/?v=1&data=balloons&contest=ntk,gauss';
    const csv = await figure([...args, 'csv']);
    expect(csv.out.split('\n')[0]).toBe(`# ${absolute}`);
    const svg = await figure([...args, 'svg']);
    expect(svg.out).toContain(`<a href="${absolute.replace(/&/g, '&amp;')}">`);
    expect(JSON.parse((await figure([...args, 'json'])).out).link).toBe('?v=1&data=balloons&contest=ntk,gauss');
    expect((await figure([link, '--panel', 'realdata', '--base', 'localhost:5173'])).code).toBe(2);
  }, 60_000);

  it('--cache keeps each result in a file; a later run reads it instead of computing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'realdata-cache-'));
    const args = ['?data=balloons,trains&contest=gauss', '--panel', 'realdata', '--cache', cache];
    const first = await figure(args);
    expect(first.code).toBe(0);
    expect(readdirSync(cache).sort()).toEqual(['v1_balloons_gauss_zscore.json', 'v1_trains_gauss_zscore.json']);
    // a kept result is used as it is: change it and the figure says so
    const kept = join(cache, 'v1_trains_gauss_zscore.json');
    writeFileSync(kept, JSON.stringify({ ...JSON.parse(readFileSync(kept, 'utf8')), accuracy: 0.123 }));
    const second = await figure(args);
    expect(JSON.parse(second.out).datasets[1].results.gauss.accuracy).toBe(0.123);
    expect(JSON.parse(second.out).datasets[0].results).toEqual(JSON.parse(first.out).datasets[0].results);
  }, 60_000);

  it('options: --threads and --data-file belong to realdata; data=custom needs --data-file, and only it', async () => {
    const bad = [
      [['?v=1', '--threads', '2'], /--threads, --data-file and --cache belong to --panel realdata/],
      [['?v=1', '--panel', 'realdata', '--threads', '0'], /--threads needs a whole number/],
      [['?v=1', '--panel', 'realdata', '--threads', 'x'], /--threads needs a whole number/],
      [['?data=custom', '--panel', 'realdata'], /data=custom: name the CSV file with --data-file/],
      [['?data=iris', '--panel', 'realdata', '--data-file', 'x.csv'], /--data-file needs data=custom/],
      [['?data=custom', '--panel', 'realdata', '--data-file', '/nonexistent/x.csv'], /could not read --data-file/],
    ] as const;
    for (const [args, message] of bad) {
      const { code, out, err } = await figure([...args]);
      expect([code, out], args.join(' ')).toEqual([2, '']);
      expect(err).toMatch(message);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('--data-file: a CSV file of one’s own, its notices on standard error; an unusable file exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realdata-'));
    const rows = ['a,b,const,label'];
    for (let i = 0; i < 40; i++)
      rows.push(`${i % 2 ? 1 + i / 40 : -1 - i / 40},${(i * 7) % 5},3,${i % 2 ? 'yes' : 'no'}`);
    rows.push('NA,1,3,yes');
    const good = join(dir, 'mine.csv');
    writeFileSync(good, `${rows.join('\n')}\n`);
    const { code, out, err } = await figure([
      '?data=custom&contest=laplace,gauss&seed=3',
      '--panel',
      'realdata',
      '--data-file',
      good,
    ]);
    expect(code).toBe(0);
    expect(err).toMatch(/^notice: Dropped 1 of 41 rows with missing or non-numeric values\./m);
    expect(err).toMatch(/^notice: .*const/m);
    const json = JSON.parse(out);
    expect(json.datasets).toHaveLength(1);
    expect(json.datasets[0]).toMatchObject({ name: 'custom', n: 40, d: 2, classes: 2 });
    expect(json.datasets[0].results.laplace.accuracy).toBe(1);

    const oneClass = join(dir, 'one.csv');
    writeFileSync(oneClass, 'a,label\n1,x\n2,x\n3,x\n4,x\n5,x\n6,x\n7,x\n8,x\n');
    const refused = await figure(['?data=custom', '--panel', 'realdata', '--data-file', oneClass]);
    expect([refused.code, refused.out]).toEqual([2, '']);
    expect(refused.err).toMatch(/one\.csv: The file has 1 class/);
  }, 60_000);
});
