/**
 * What the regression panel and its figure show (docs/function-space.md): the kernel ridge regression of
 * every selected kernel on the circle, plus the Laplace kernel fitted to the first NTK instance
 * (fitLaplace) and the largest gap between the two predictors.
 *
 * Each kernel's solve is independent (an n³/6 factorization each), so the view splits into pieces of
 * about equal cost that workers compute in parallel (`regressionPieces`, `regressionPiece`) and that
 * `mergeRegressionPieces` puts back together; `regressionView` does all of it in one go (CLI, tests).
 */
import { fitLaplace, type LaplaceFit } from '../kernels/fitLaplace';
import { familyOf, type KernelInstance } from '../kernels/registry';
import { predictorGap, regression, type RegressionFit, type RegressionRequest } from '../functionSpace/regression';

/** Points of the uniform θ grid: 0.5° steps over [0°, 360°]. */
export const REGRESSION_GRID = 721;

export type RegressionViewRequest = Omit<RegressionRequest, 'grid'>;

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

export interface RegressionView {
  /** the uniform grid on [0, 2π] and every data angle, sorted (regression.ts) */
  theta: Float64Array;
  /** the predictor of each kernel at `theta`, in request order */
  values: Float64Array[];
  fits: RegressionFit[];
  /** null when no NTK instance is selected */
  comparison: RegressionComparison | null;
}

/** A piece of the view: the kernels (positions) it solves, and whether it makes the NTK comparison. */
export interface RegressionPiece {
  kernels: number[];
  /** the piece holds the first NTK and also solves the Laplace kernel fitted to it */
  compare: boolean;
}

export interface RegressionPieceResult {
  piece: RegressionPiece;
  theta: Float64Array;
  values: Float64Array[];
  fits: RegressionFit[];
  comparison: RegressionComparison | null;
}

/**
 * The view split into at most `count` pieces of about equal cost (one solve per kernel, and one more for
 * the fitted Laplace kernel, which goes with the first NTK), largest first.
 */
export function regressionPieces(kernels: readonly KernelInstance[], count: number): RegressionPiece[] {
  const ntk = kernels.findIndex((k) => k.family === 'ntk');
  const pieces: (RegressionPiece & { cost: number })[] = Array.from(
    { length: Math.max(1, Math.min(count, kernels.length)) },
    () => ({
      kernels: [],
      compare: false,
      cost: 0,
    }),
  );
  // the comparison (NTK + fitted Laplace, cost 2) first, then single kernels onto the cheapest piece
  const jobs = kernels.map((_, i) => ({ i, cost: i === ntk ? 2 : 1 })).sort((a, b) => b.cost - a.cost);
  for (const job of jobs) {
    const piece = pieces.reduce((best, p) => (p.cost < best.cost ? p : best));
    piece.kernels.push(job.i);
    piece.cost += job.cost;
    if (job.i === ntk) piece.compare = true;
  }
  return pieces
    .filter((p) => p.kernels.length > 0)
    .map(({ kernels: k, compare }) => ({ kernels: k.sort((a, b) => a - b), compare }));
}

/** Solves one piece: its kernels and, with `compare`, the Laplace kernel fitted to the first NTK. */
export function regressionPiece(req: RegressionViewRequest, piece: RegressionPiece): RegressionPieceResult {
  const ntk = req.kernels.findIndex((k) => k.family === 'ntk');
  const fit = piece.compare && ntk >= 0 ? fitLaplace(req.kernels[ntk]) : null;
  const result = regression({ ...req, kernels: piece.kernels.map((i) => req.kernels[i]), grid: REGRESSION_GRID });
  if (fit === null) return { piece, ...result, comparison: null };
  // The fit matches the normalized kernels; with norm=raw the NTK is κ_NTK(1) times its normalized self,
  // so the comparison kernel is κ_NTK(1)·Laplace, whose predictor at ridge λ is the Laplace predictor at
  // ridge λ/κ_NTK(1): s·k(x)ᵀ(sK + λI)⁻¹y = k(x)ᵀ(K + (λ/s)I)⁻¹y.
  const scale = req.unit ? 1 : familyOf(req.kernels[ntk]).atOne(req.kernels[ntk].params);
  const values = regression({ ...req, kernels: [fit.instance], ridge: req.ridge / scale, grid: REGRESSION_GRID })
    .values[0];
  const gap = predictorGap(result.values[piece.kernels.indexOf(ntk)], values);
  const size = req.y.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return { piece, ...result, comparison: { ntk, fit, values, gap, relativeGap: size > 0 ? gap / size : 0 } };
}

/** The pieces of one request put back in kernel order (every piece has the same θ). */
export function mergeRegressionPieces(results: readonly RegressionPieceResult[], count: number): RegressionView {
  const values: Float64Array[] = new Array(count);
  const fits: RegressionFit[] = new Array(count);
  for (const r of results) {
    r.piece.kernels.forEach((i, q) => {
      values[i] = r.values[q];
      fits[i] = r.fits[q];
    });
  }
  return { theta: results[0].theta, values, fits, comparison: results.find((r) => r.comparison)?.comparison ?? null };
}

export function regressionView(req: RegressionViewRequest): RegressionView {
  return mergeRegressionPieces(
    [regressionPiece(req, { kernels: req.kernels.map((_, i) => i), compare: true })],
    req.kernels.length,
  );
}
