/**
 * What the regression panel and its figure show (docs/function-space.md): the kernel ridge regression of
 * every selected kernel on the circle, plus the Laplace kernel fitted to the first NTK instance
 * (fitLaplace) and the largest gap between the two predictors.
 */
import { fitLaplace, type LaplaceFit } from './fitLaplace';
import type { KernelInstance } from './kernels';
import { predictorGap, regression, type RegressionRequest, type RegressionResult } from './regression';

/** Points of the uniform θ grid: 0.5° steps over [0°, 360°]. */
export const REGRESSION_GRID = 721;

export interface RegressionComparison {
  /** 0-based position of the first NTK instance */
  ntk: number;
  fit: LaplaceFit;
  /** the fitted Laplace kernel's predictor, on the result's θ */
  values: Float64Array;
  /** max over θ of |f_NTK − f_Laplace| */
  gap: number;
  /** gap / max |y| (0 without data) */
  relativeGap: number;
}

export interface RegressionView extends RegressionResult {
  /** null when no NTK instance is selected */
  comparison: RegressionComparison | null;
}

export function regressionView(req: Omit<RegressionRequest, 'grid'>): RegressionView {
  const ntk = req.kernels.findIndex((k) => k.family === 'ntk');
  const fit = ntk >= 0 ? fitLaplace(req.kernels[ntk]) : null;
  const kernels: readonly KernelInstance[] = fit ? [...req.kernels, fit.instance] : req.kernels;
  const result = regression({ ...req, kernels, grid: REGRESSION_GRID });
  if (fit === null) return { ...result, comparison: null };
  const values = result.values.pop()!;
  result.fits.pop();
  const gap = predictorGap(result.values[ntk], values);
  const scale = req.y.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return { ...result, comparison: { ntk, fit, values, gap, relativeGap: scale > 0 ? gap / scale : 0 } };
}
