/** The real-data summaries (realdata/summary.ts, realdata.md §4): hand-computed tables, SciPy's Wilcoxon p, properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairStatistics, roundAccuracy, summarize, wilcoxonSignedRank } from '../../src/core/realdata/summary';
import { fixture } from './reference';

interface WilcoxonCase {
  name: string;
  a: number[];
  b: number[];
  statistic: number | null;
  z: number | null;
  p: number | null;
}
interface WilcoxonFixture {
  generatedBy: string;
  cases: WilcoxonCase[];
  tieSweep: { n: number; statistic: number; p: number }[];
}

const relErr = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

// Four data sets (rows) × contestants A, B, C. Row 2 has 0.72 = 0.9 · 0.8 (0.9 * 0.8 is 0.7200000000000001 in
// doubles), row 4 has 0.6517 = 0.95 · 0.686 (0.95 * 0.686 is 0.6517000000000001): on the P90 / P95 boundary only
// after rounding to 12 decimals. Row 3 is all zero (PMA 1 for everyone).
const NAMES = ['A', 'B', 'C'];
const TABLE = [
  [0.9, 0.9, 0.8],
  [0.72, 0.8, 0.76],
  [0, 0, 0],
  [0.6517, 0.686, 0.5],
];

describe('roundAccuracy (12 decimals)', () => {
  it('removes representation noise, is odd and idempotent', () => {
    expect(roundAccuracy(0.1 + 0.2)).toBe(0.3);
    expect(roundAccuracy(0.9 * 0.8)).toBe(0.72);
    expect(roundAccuracy(0.3 - 0.1)).toBe(roundAccuracy(0.7 - 0.5));
    expect(roundAccuracy(4e-13)).toBe(0);
    expect(roundAccuracy(6e-13)).toBe(1e-12);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => {
        const r = roundAccuracy(x);
        expect(roundAccuracy(r)).toBe(r);
        expect(roundAccuracy(-x) + 0).toBe(-r + 0);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(5e-13 + 1e-16);
      }),
    );
  });
});

describe('summarize (realdata.md §4)', () => {
  const s = summarize(NAMES, TABLE);

  it('mean accuracy and Friedman ranks with ties (hand-computed)', () => {
    expect(s.A.mean).toBeCloseTo(2.2717 / 4, 14);
    expect(s.B.mean).toBeCloseTo(2.386 / 4, 14);
    expect(s.C.mean).toBeCloseTo(2.06 / 4, 14);
    // ranks per row: (1.5, 1.5, 3), (3, 1, 2), (2, 2, 2), (2, 1, 3)
    expect(s.A.friedman).toBe(8.5 / 4);
    expect(s.B.friedman).toBe(5.5 / 4);
    expect(s.C.friedman).toBe(10 / 4);
    expect(summarize(NAMES, [[0.9, 0.9, 0.8]])).toMatchObject({
      A: { friedman: 1.5 },
      B: { friedman: 1.5 },
      C: { friedman: 3 },
    });
  });

  it('P90 / P95 count values exactly at 0.90 / 0.95 of the best after rounding', () => {
    expect([s.A.p90, s.B.p90, s.C.p90]).toEqual([1, 1, 0.5]);
    expect([s.A.p95, s.B.p95, s.C.p95]).toEqual([0.75, 1, 0.5]);
    // just below the boundary does not count
    const below = summarize(['x', 'best'], [[0.72 - 1e-9, 0.8]]);
    expect(below.x.p90).toBe(0);
    expect(summarize(['x', 'best'], [[0.72, 0.8]]).x.p90).toBe(1);
    expect(summarize(['x', 'best'], [[0.6517, 0.686]]).x.p95).toBe(1);
    expect(summarize(['x', 'best'], [[0.6517 - 1e-9, 0.686]]).x.p95).toBe(0);
  });

  it('PMA: mean of accuracy / best, an all-zero data set counting as 1', () => {
    expect(s.A.pma).toBeCloseTo((1 + 0.9 + 1 + 0.95) / 4, 14);
    expect(s.B.pma).toBe(1);
    expect(s.C.pma).toBeCloseTo((0.8 / 0.9 + 0.95 + 1 + 0.5 / 0.686) / 4, 14);
    expect(summarize(['x', 'y'], [[0, 0]])).toEqual({
      x: { mean: 0, friedman: 1.5, p90: 1, p95: 1, pma: 1 },
      y: { mean: 0, friedman: 1.5, p90: 1, p95: 1, pma: 1 },
    });
  });

  it('treats accuracies equal to 12 decimals as tied', () => {
    const t = summarize(['x', 'y'], [[0.1 + 0.2, 0.3]]);
    expect([t.x.friedman, t.y.friedman]).toEqual([1.5, 1.5]);
    expect(pairStatistics(['x', 'y'], [[0.1 + 0.2, 0.3]])[0]).toMatchObject({ ties: 1, meanDiff: 0, p: null });
  });

  it('rejects zero data sets and rows of the wrong length', () => {
    expect(() => summarize(NAMES, [])).toThrow(RangeError);
    expect(() => pairStatistics(NAMES, [])).toThrow(RangeError);
    expect(() => summarize(NAMES, [[0.5, 0.5]])).toThrow(RangeError);
  });

  it('mean ranks sum to k(k+1)/2 and lie in [1, k]; p95 ≤ p90; pma in [0, 1] (property)', () => {
    const tables = fc.integer({ min: 1, max: 6 }).chain((k) =>
      fc.array(
        fc.array(
          fc.integer({ min: 0, max: 8 }).map((j) => j / 8),
          { minLength: k, maxLength: k },
        ),
        {
          minLength: 1,
          maxLength: 12,
        },
      ),
    );
    fc.assert(
      fc.property(tables, (table) => {
        const k = table[0].length;
        const names = Array.from({ length: k }, (_, j) => `c${j}`);
        const sums = table.map((row) => Object.values(summarize(names, [row])).reduce((t, c) => t + c.friedman, 0));
        expect(sums.every((t) => t === (k * (k + 1)) / 2)).toBe(true); // exact on each data set
        const all = Object.values(summarize(names, table));
        expect(all.reduce((t, c) => t + c.friedman, 0)).toBeCloseTo((k * (k + 1)) / 2, 12);
        for (const c of all) {
          expect(c.friedman).toBeGreaterThanOrEqual(1);
          expect(c.friedman).toBeLessThanOrEqual(k);
          expect(c.p95).toBeLessThanOrEqual(c.p90);
          expect(c.pma).toBeGreaterThanOrEqual(0);
          expect(c.pma).toBeLessThanOrEqual(1 + 1e-15);
        }
      }),
    );
  });
});

describe('pairStatistics (realdata.md §4)', () => {
  it('every a before b, mean difference, wins / ties / losses, SciPy p (hand-checked tables)', () => {
    const pairs = pairStatistics(NAMES, TABLE);
    expect(pairs.map((q) => `${q.a}-${q.b}`)).toEqual(['A-B', 'A-C', 'B-C']);
    const [ab, ac, bc] = pairs;
    // A − B: 0, −0.08, 0, −0.0343: two losses, ranks 2 and 1 → T = 0, z = −1.5/√1.25
    expect(ab).toMatchObject({ wins: 0, ties: 2, losses: 2 });
    expect(ab.meanDiff).toBeCloseTo(-0.1143 / 4, 14);
    // A − C: 0.1, −0.04, 0, 0.1517 → R+ = 5, R− = 1, z = −2/√3.5
    expect(ac).toMatchObject({ wins: 2, ties: 1, losses: 1 });
    expect(ac.meanDiff).toBeCloseTo(0.2117 / 4, 14);
    // B − C: 0.1, 0.04, 0, 0.186 → T = 0, z = −3/√3.5
    expect(bc).toMatchObject({ wins: 3, ties: 1, losses: 0 });
    expect(bc.meanDiff).toBeCloseTo(0.326 / 4, 14);
    // SciPy 1.10.1 wilcoxon(..., zero_method="wilcox", correction=False, method="approx").pvalue
    const scipy = [0.17971249487899976, 0.28504940740261275, 0.10880943004054568];
    pairs.forEach((q, i) => {
      expect(relErr(q.p!, scipy[i])).toBeLessThan(1e-12);
    });
  });

  it('p is null when every difference is zero', () => {
    const same = [
      [0.5, 0.5, 0.7],
      [0.25, 0.25, 0.5],
    ];
    const [xy, xz] = pairStatistics(['x', 'y', 'z'], same);
    expect(xy).toEqual({ a: 'x', b: 'y', meanDiff: 0, wins: 0, ties: 2, losses: 0, p: null });
    expect(xz.p).not.toBeNull();
    expect(wilcoxonSignedRank([0, 0, 1e-13])).toBeNull();
    expect(wilcoxonSignedRank([])).toBeNull();
  });

  it('swapping a and b keeps p and ties, mirrors wins / losses and negates meanDiff (property)', () => {
    const rows = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([x, y]) => [x / 20, y / 20]),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, (table) => {
        const [ab] = pairStatistics(['a', 'b'], table);
        const [ba] = pairStatistics(
          ['b', 'a'],
          table.map(([x, y]) => [y, x]),
        );
        expect(ba.p).toBe(ab.p);
        expect([ba.wins, ba.ties, ba.losses]).toEqual([ab.losses, ab.ties, ab.wins]);
        expect(ba.meanDiff + 0).toBe(-ab.meanDiff + 0);
        expect(ab.wins + ab.ties + ab.losses).toBe(table.length);
        if (ab.p !== null) {
          expect(ab.p).toBeGreaterThan(0);
          expect(ab.p).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('wilcoxonSignedRank against SciPy 1.10.1 (tests/fixtures/realdata/wilcoxon.json)', () => {
  const ref = fixture<WilcoxonFixture>('realdata/wilcoxon.json');

  it('was generated by the committed script', () => {
    expect(ref.generatedBy).toBe('/usr/bin/python3 tests/fixtures/realdata/wilcoxon.py');
    expect(ref.cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(ref.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const [pair] = pairStatistics(
      ['a', 'b'],
      c.a.map((x, i) => [x, c.b[i]]),
    );
    const test = wilcoxonSignedRank(c.a.map((x, i) => x - c.b[i]));
    if (c.p === null) {
      expect(test).toBeNull();
      expect(pair.p).toBeNull();
      return;
    }
    expect(test).not.toBeNull();
    expect(test!.statistic).toBe(c.statistic);
    expect(Math.abs(test!.z - c.z!)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(c.z!)));
    expect(relErr(test!.p, c.p)).toBeLessThan(1e-10);
    expect(pair.p).toBe(test!.p);
  });

  it('one tie group of n equal differences: p from 0.32 down to 4e-30 (n = 1..130)', () => {
    for (const { n, statistic, p } of ref.tieSweep) {
      const test = wilcoxonSignedRank(Array.from({ length: n }, () => 0.125))!;
      expect(test.statistic).toBe(statistic);
      expect(relErr(test.p, p), `n = ${n}`).toBeLessThan(1e-10);
    }
  });
});
