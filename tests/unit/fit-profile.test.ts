import { describe, expect, it } from 'vitest';
import { fitLaplace } from '../../src/core/kernels/fitLaplace';
import { defaultInstance, familyOf } from '../../src/core/kernels/registry';
import { angleGrid, profile } from '../../src/core/views/profile';

/** rms of normalized target minus exp(−c·2 sin(θ/2)), by an independent (trapezoid, fine) rule. */
function rms(target: ReturnType<typeof defaultInstance>, c: number): number {
  const f = familyOf(target);
  const n = 20000;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const t = (Math.PI * i) / n;
    const u = Math.cos(t);
    const r = f.onSphere(1 - u, 1 + u, target.params) / f.atOne(target.params) - Math.exp(-c * 2 * Math.sin(t / 2));
    s += (i === 0 || i === n ? 0.5 : 1) * r * r;
  }
  return Math.sqrt(s / n);
}

describe('least-squares Laplace fit', () => {
  it('recovers the c of a Laplace target exactly, with rms 0', () => {
    for (const c of [0.3, 1, 2.5, 40]) {
      const fit = fitLaplace(defaultInstance('laplace', { c }));
      expect(fit.c).toBeCloseTo(c, 10);
      expect(fit.rms).toBeLessThan(1e-12);
      expect(fit.atBound).toBe(false);
    }
  });

  it('for NTKs the fitted c is a minimum of the rms, which matches an independent rule', () => {
    for (const L of [1, 2, 4]) {
      const target = defaultInstance('ntk', { L });
      const fit = fitLaplace(target);
      expect(fit.rms).toBeLessThan(0.2);
      expect(Math.abs(fit.rms - rms(target, fit.c))).toBeLessThan(1e-6);
      // 4 significant digits: nudging c by 1% must not lower the rms
      expect(rms(target, fit.c * 1.01)).toBeGreaterThan(fit.rms);
      expect(rms(target, fit.c * 0.99)).toBeGreaterThan(fit.rms);
      expect(fit.instance).toEqual(defaultInstance('laplace', { c: fit.c }));
    }
  });
});

describe('profile', () => {
  it('samples θ from 0 to thetaMax inclusive and applies norm', () => {
    const theta = angleGrid(721, Math.PI);
    expect(theta[0]).toBe(0);
    expect(theta[720]).toBe(Math.PI);
    expect(theta[360]).toBeCloseTo(Math.PI / 2, 15);
    const k = defaultInstance('ntk', { L: 2, beta: 0.5 });
    const raw = profile({ kernels: [k], unit: false, samples: 5, thetaMax: Math.PI });
    const unit = profile({ kernels: [k], unit: true, samples: 5, thetaMax: Math.PI });
    expect(raw.values[0][0]).toBeCloseTo(3 * 1.25, 13);
    expect(unit.values[0][0]).toBeCloseTo(1, 14);
    for (let i = 0; i < 5; i++) expect(unit.values[0][i]).toBeCloseTo(raw.values[0][i] / 3.75, 14);
  });
});
