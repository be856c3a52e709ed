/**
 * The regression view from two workers at once: each kernel's solve is independent, so the request is
 * split into pieces of about equal cost (src/core/views/regressionView.ts), solved on the `function` and
 * `function2` lanes in parallel, and merged (kernel order restored).
 */
import {
  mergeRegressionPieces,
  regressionPieces,
  type RegressionView,
  type RegressionViewRequest,
} from '../core/views/regressionView';
import type { Timed } from './api';
import { callWorker, type Lane } from './client';

const LANES: readonly Lane[] = ['function', 'function2'];

/** `computeMs`: wall time from the request to the last piece, as the view waits for it. */
export async function computeRegression(req: RegressionViewRequest): Promise<RegressionView & Timed> {
  const start = performance.now();
  const pieces = regressionPieces(req.kernels, LANES.length);
  const results = await Promise.all(
    pieces.map((piece, i) => callWorker(LANES[i], (w) => w.regressionPiece(req, piece))),
  );
  return { ...mergeRegressionPieces(results, req.kernels.length), computeMs: performance.now() - start };
}
