/**
 * The regression view and its pieces (src/core/views/regressionView.ts): split for parallel workers, merged in
 * kernel order, identical to the view computed in one go; the NTK against its fitted Laplace kernel.
 */
import { describe, expect, it } from 'vitest';
import { defaultInstance, familyOf } from '../../src/core/kernels/registry';
import { predictorGap } from '../../src/core/functionSpace/regression';
import {
  mergeRegressionPieces,
  regressionPiece,
  regressionPieces,
  regressionView,
} from '../../src/core/views/regressionView';
import { DEFAULT_KERNELS } from '../../src/link';

const theta = [0.1, 0.9, 1.7, 2.4, 3.3, 4.1, 5.0, 5.8];
const y = theta.map((t) => Math.sin(t) + 0.5 * Math.cos(3 * t));
const req = { kernels: DEFAULT_KERNELS, unit: true, theta, y, ridge: 1e-3 };

describe('regression view pieces', () => {
  it('cover every kernel once, balance the cost, and keep the NTK with its comparison', () => {
    for (const count of [1, 2, 3, 8]) {
      const pieces = regressionPieces(DEFAULT_KERNELS, count);
      expect(pieces.flatMap((p) => p.kernels).sort()).toEqual([0, 1, 2, 3]);
      expect(pieces.filter((p) => p.compare)).toHaveLength(1);
      expect(pieces.find((p) => p.compare)!.kernels).toContain(0); // the NTK is kernel 1
      const costs = pieces.map((p) => p.kernels.length + (p.compare ? 1 : 0));
      expect(Math.max(...costs) - Math.min(...costs)).toBeLessThanOrEqual(1);
    }
    expect(regressionPieces([defaultInstance('laplace')], 2)).toEqual([{ kernels: [0], compare: false }]);
  });

  it('merged pieces equal the view computed in one go, bit for bit', () => {
    const whole = regressionView(req);
    const merged = mergeRegressionPieces(
      regressionPieces(req.kernels, 2).map((piece) => regressionPiece(req, piece)),
      req.kernels.length,
    );
    expect(merged.theta).toEqual(whole.theta);
    expect(merged.values).toEqual(whole.values);
    expect(merged.fits).toEqual(whole.fits);
    expect(merged.comparison!.gap).toBe(whole.comparison!.gap);
  });

  it('the comparison: the fitted Laplace predictor, its gap to the NTK predictor, relative to max |y|', () => {
    const { values, comparison } = regressionView(req);
    expect(comparison!.ntk).toBe(0);
    expect(comparison!.fit.instance.family).toBe('laplace');
    expect(comparison!.gap).toBe(predictorGap(values[0], comparison!.values));
    expect(comparison!.relativeGap).toBeCloseTo(comparison!.gap / Math.max(...y.map(Math.abs)), 14);
    // same RKHS, nearly the same predictor: the gap is a small fraction of the data's size
    expect(comparison!.relativeGap).toBeLessThan(0.2);
    expect(regressionView({ ...req, kernels: [defaultInstance('gauss')] }).comparison).toBeNull();
  });

  it('with norm=raw the comparison kernel is κ_NTK(1)·Laplace: the gap equals the normalized gap at ridge λ/κ_NTK(1)', () => {
    const kernels = [defaultInstance('ntk', { L: 3 }), defaultInstance('laplace')];
    const scale = familyOf(kernels[0]).atOne(kernels[0].params);
    const raw = regressionView({ ...req, kernels, unit: false, ridge: 1 });
    const unit = regressionView({ ...req, kernels, unit: true, ridge: 1 / scale });
    expect(Math.abs(raw.comparison!.gap - unit.comparison!.gap)).toBeLessThan(1e-9);
  });
});
