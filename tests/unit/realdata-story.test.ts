/**
 * Story h quotes numbers the app computes (src/stories.ts): each step's numbers are recomputed here from its
 * own link by the protocol (LIBSVM through libsvm-js, in-process) and must appear, formatted as quoted, in
 * the step's text. A change to the protocol, the data or a contestant that moves a quoted number fails here.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { libsvmForNode } from '../../cli/libsvmNode';
import { contestant } from '../../src/core/realdata/contestants';
import { datasetFromJson } from '../../src/core/realdata/dataset';
import { runProtocol } from '../../src/core/realdata/protocol';
import type { SvmAccuracies } from '../../src/core/realdata/svm';
import type { ContestantResult } from '../../src/core/realdata/types';
import { parseLink } from '../../src/link';
import { realdataTable, selectionOf, type RealdataTable } from '../../src/realdata/selection';
import { STORIES } from '../../src/stories';

const story = STORIES.find((s) => s.id === 'h')!;
let accuracies: SvmAccuracies;
const cache = new Map<string, ContestantResult>();

/** The table a step's link shows, computed as the panel would. */
function tableOf(link: string): RealdataTable {
  const selection = selectionOf(parseLink(link).state);
  return realdataTable(selection, (name, c, prep) => {
    const key = `${name}|${c}|${prep}`;
    if (!cache.has(key)) {
      const ds = datasetFromJson(JSON.parse(readFileSync(`public/data/uci90/${name}.json`, 'utf8')));
      cache.set(key, runProtocol(ds, contestant(c)!, prep, accuracies));
    }
    return cache.get(key);
  });
}

const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

beforeAll(async () => {
  accuracies = await libsvmForNode();
});

describe('story h: the numbers it quotes are the app’s', () => {
  it('step 1: NTK vs Laplace on the 28 small data sets', () => {
    const { link, text } = story.steps[0];
    const t = tableOf(link);
    expect(t.complete).toBe(28);
    const [pair] = t.pairs;
    for (const quoted of [
      `mean accuracy ${pct(t.summary!.ntk.mean)} for the NTK and ${pct(t.summary!.laplace.mean)} for Laplace`,
      `the NTK ahead on ${pair.wins} data sets, Laplace on ${pair.losses}, ${pair.ties} ties`,
      `Wilcoxon p = ${pair.p!.toFixed(2)}`,
    ])
      expect(text).toContain(quoted);
  }, 60_000);

  it('step 2: the same on the sphere', () => {
    const { link, text } = story.steps[1];
    const t = tableOf(link);
    const [pair] = t.pairs;
    for (const quoted of [
      `${pct(t.summary!.ntk.mean)} against ${pct(t.summary!.laplace.mean)}`,
      `${(100 * pair.meanDiff).toFixed(2)} points; ${pair.wins} wins, ${pair.ties} ties, ${pair.losses} losses; p = ${pair.p!.toFixed(2)}`,
    ])
      expect(text).toContain(quoted);
  }, 60_000);

  it('step 3: the four default contestants', () => {
    const { link, text } = story.steps[2];
    const t = tableOf(link);
    const s = t.summary!;
    expect(text).toContain(
      `NTK ${pct(s.ntk.mean)}, γ-exponential ${pct(s.gexp.mean)}, Laplace ${pct(s.laplace.mean)}, Gaussian ${pct(s.gauss.mean)}`,
    );
    const ranks = Object.values(s).map((c) => c.friedman);
    expect(text).toContain(
      `Friedman ranks ${Math.min(...ranks).toFixed(2)} to ${Math.max(...ranks).toFixed(2)} out of 4`,
    );
    const p = Math.min(...t.pairs.map((q) => q.p!));
    expect(text).toContain(`every Wilcoxon p ≥ ${(Math.floor(p * 100) / 100).toFixed(2)}`);
  }, 60_000);
});
