/**
 * Every family of the registry at every corner of its allowed range (tests/unit/corner-instances.ts), in every
 * figure, at the corners of the global ranges: no NaN or Infinity is ever printed (JSON would print them as
 * null), and spectra stay finite. A new family is covered as soon as it is in FAMILIES.
 */
import { describe, expect, it } from 'vitest';
import { FAMILIES, type KernelInstance } from '../../src/core/kernels/registry';
import { renderFigure } from '../../src/figure';
import { defaultState, instanceText, serializeLink, type LinkState } from '../../src/link';
import { cornerInstances, extremes } from './corner-instances';

const corners = cornerInstances();
const groups: KernelInstance[][] = [];
for (let i = 0; i < corners.length; i += 8) groups.push(corners.slice(i, i + 8));

function expectClean(text: string, what: string) {
  expect(text, what).not.toMatch(/NaN|Infinity|null/);
}

describe('corners of every range', { timeout: 120_000 }, () => {
  it(`covers ${corners.length} corner instances: every family of the registry, every combination of extremes`, () => {
    expect(new Set(corners.map((k) => k.family))).toEqual(new Set(FAMILIES.map((f) => f.id)));
    for (const f of FAMILIES) {
      const mine = corners.filter((k) => k.family === f.id);
      expect(mine.length, f.id).toBe(f.params.reduce((n, p) => n * new Set(extremes(p)).size, 1));
      expect(new Set(mine.map(instanceText)).size, `${f.id}: all distinct`).toBe(mine.length);
      for (const k of mine) expect(Object.keys(k.params), f.id).toEqual(f.params.map((p) => p.key));
    }
  });

  groups.forEach((kernels, g) => {
    it(`group ${g + 1}: profile and spectrum (d = 2 and 1000, kmax = 5000), raw and unit`, () => {
      for (const [d, norm] of [
        [2, 'raw'],
        [1000, 'unit'],
      ] as const) {
        const state: LinkState = { ...defaultState(), kernels, d, kmax: 5000, norm, zoom: 0.5 };
        const link = serializeLink(state);
        expectClean(renderFigure(state, link, 'profile', 'json'), `profile ${link}`);
        expectClean(renderFigure(state, link, 'profile', 'svg'), `profile svg ${link}`);
        const spectrum = JSON.parse(renderFigure(state, link, 'spectrum', 'json'));
        for (const s of spectrum.series) {
          expect(
            s.lambda.every((v: unknown) => typeof v === 'number' && Number.isFinite(v)),
            s.kernel,
          ).toBe(true);
          expect(s.floor).toBeGreaterThan(0);
        }
        expectClean(renderFigure(state, link, 'spectrum', 'svg'), `spectrum svg ${link}`);
      }
    });

    it(`group ${g + 1}: off the sphere at R = 0.1 and 100, z at the origin and far out`, () => {
      for (const [R, zn] of [
        [0.1, 0],
        [100, 100],
      ]) {
        const state: LinkState = { ...defaultState(), kernels, R, zn, norm: 'raw' };
        const link = serializeLink(state);
        expectClean(renderFigure(state, link, 'offsphere', 'json'), `offsphere ${link}`);
        expectClean(renderFigure(state, link, 'offsphere', 'csv'), `offsphere csv ${link}`);
      }
    });
  });
});
