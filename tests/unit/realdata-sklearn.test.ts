/**
 * The protocol against scikit-learn (docs/realdata.md §7): tests/fixtures/realdata/sklearn.json records,
 * for ten small data sets, both preps and all five contestants, scikit-learn's SVC(kernel="precomputed")
 * on the same protocol — every configuration's validation accuracy, the chosen configuration and the fold
 * accuracies (command: /usr/bin/python3 tests/fixtures/realdata/generate.py). Two variants reverse the
 * training rows, so that classes first appear in descending order: LIBSVM's own class order would then
 * differ from scikit-learn's (svm.ts "Class order").
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { libsvmForNode } from '../../cli/libsvmNode';
import { COSTS, contestant } from '../../src/core/realdata/contestants';
import { datasetFromJson, medianDistance, preparedRows, type Prep } from '../../src/core/realdata/dataset';
import { runProtocol } from '../../src/core/realdata/protocol';
import type { SvmAccuracies } from '../../src/core/realdata/svm';
import type { Dataset } from '../../src/core/realdata/types';

interface Reference {
  name: string;
  variant: string | null;
  prep: Prep;
  contestant: string;
  params: Record<string, number>;
  C: number;
  validation: number;
  folds: number[];
  accuracy: number;
  m: number;
  validationAccuracies: number[];
}
const fixture = JSON.parse(readFileSync('tests/fixtures/realdata/sklearn.json', 'utf8')) as { datasets: Reference[] };

function dataset(name: string, variant: string | null): Dataset {
  const ds = datasetFromJson(JSON.parse(readFileSync(`public/data/uci90/${name}.json`, 'utf8')));
  if (variant === null) return ds;
  expect(variant).toBe('reversed-train');
  const reversed = (s: { train: number[]; test: number[] }) => ({ train: [...s.train].reverse(), test: s.test });
  return { ...ds, validation: reversed(ds.validation), folds: ds.folds.map(reversed) };
}

let accuracies: SvmAccuracies;
beforeAll(async () => {
  accuracies = await libsvmForNode();
});

describe('the protocol agrees with scikit-learn', () => {
  it('covers a case where the class order matters', () => {
    expect(fixture.datasets.some((r) => r.variant === 'reversed-train' && r.name === 'breast-tissue')).toBe(true);
  });

  const groups = new Map<string, Reference[]>();
  for (const r of fixture.datasets) {
    const key = `${r.name}${r.variant ? ` (${r.variant})` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [key, references] of groups) {
    it(`${key}: every configuration's validation accuracy, the choice and the folds`, () => {
      const ds = dataset(references[0].name, references[0].variant);
      for (const ref of references) {
        const what = `${key} ${ref.prep} ${ref.contestant}`;
        const c = contestant(ref.contestant)!;
        const points = preparedRows(ds, ref.prep);
        const m = medianDistance(points, ds.d, ds.validation.train);
        expect(m, what).toBeCloseTo(ref.m, 12);
        const mine: number[] = [];
        for (const { K } of c.matrices(points, ds.n, ds.d, m)) {
          mine.push(...accuracies(K, ds.n, ds.y, ds.validation.train, ds.validation.test, COSTS));
        }
        expect(mine, what).toEqual(ref.validationAccuracies);
        const result = runProtocol(ds, c, ref.prep, accuracies);
        expect(result.C, what).toBe(ref.C);
        expect(result.validation, what).toBe(ref.validation);
        expect(result.folds, what).toEqual(ref.folds);
        for (const [k, v] of Object.entries(ref.params)) expect(result.params[k], `${what} ${k}`).toBeCloseTo(v, 12);
        expect(Object.keys(result.params).sort(), what).toEqual(Object.keys(ref.params).sort());
      }
    });
  }
});
