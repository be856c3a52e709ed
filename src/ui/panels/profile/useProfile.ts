/**
 * Profile data for the current state, computed in the worker (latest-wins: a result that arrives after a
 * newer request is dropped). With `fit` set, the least-squares Laplace kernel is fitted first and its
 * profile is appended as an extra series.
 *
 * Results are kept (a few, by request; src/ui/compute/keptResults.ts), and a focused slider has the profiles one arrow-key step either
 * side computed in advance (`prefetchProfiles`): Chromium holds other tasks, worker replies included,
 * until the frame after a key press has been drawn (DeferRendererTasksAfterInput), so a key press can
 * only redraw in its own frame if its answer is already here. docs/performance.md has the measurements.
 */
import { useShallow } from 'zustand/react/shallow';
import type { LaplaceFit } from '../../../core/kernels/fitLaplace';
import type { KernelInstance } from '../../../core/kernels/registry';
import type { ProfileResult } from '../../../core/views/profile';
import type { LinkState } from '../../../link';
import { useStore } from '../../../state/store';
import { callWorker } from '../../../workerClient/client';
import { keptResults } from '../../compute/keptResults';
import { computation, useComputation } from '../../compute/useComputation';

/** Samples per curve over the visible θ range: 0.25° steps over the full range (≥ 720, the budget's size). */
export const PROFILE_SAMPLES = 721;

/** Results kept: the current one, its two neighbours and a few recent ones (about 25 kB each). */
const KEPT_RESULTS = 12;

export interface ProfileData {
  profile: ProfileResult;
  fit: LaplaceFit | null;
  /** the request it answers */
  kernels: readonly KernelInstance[];
  unit: boolean;
  thetaMax: number;
}

interface Request {
  kernels: readonly KernelInstance[];
  unit: boolean;
  thetaMax: number;
  fitTarget: KernelInstance | null;
}

/** The part of the state the profile depends on. */
export type ProfileInputs = Pick<LinkState, 'kernels' | 'norm' | 'zoom' | 'fit'>;

function requestOf({ kernels, norm, zoom, fit }: ProfileInputs): Request {
  return {
    kernels,
    unit: norm === 'unit',
    thetaMax: (Math.min(180, zoom) * Math.PI) / 180,
    fitTarget: fit > 0 && fit <= kernels.length ? kernels[fit - 1] : null,
  };
}

/** Laplace fits by target, kept like the profiles (a zoom or another kernel's step keeps the same fit). */
const fitFor = keptResults(
  (target: KernelInstance) => callWorker('profile', (worker) => worker.fitLaplace(target)),
  KEPT_RESULTS,
);

async function computeInWorker(req: Request): Promise<ProfileData> {
  const fit = req.fitTarget ? await fitFor(req.fitTarget) : null;
  const profile = await callWorker('profile', (worker) =>
    worker.profile({
      kernels: fit ? [...req.kernels, fit.instance] : req.kernels,
      unit: req.unit,
      samples: PROFILE_SAMPLES,
      thetaMax: req.thetaMax,
    }),
  );
  return { profile, fit, kernels: req.kernels, unit: req.unit, thetaMax: req.thetaMax };
}

/** Profiles by request: the last few kept (a kept result is drawn in the task that asks for it). */
const profileView = computation(computeInWorker, { keep: KEPT_RESULTS });

/**
 * Has the profiles of these variants of the current state computed ahead of need (a focused slider's
 * neighbours). Started after the current task, so that the current view's own request reaches the
 * worker first.
 */
let prefetchTimer: ReturnType<typeof setTimeout> | undefined;
export function prefetchProfiles(variants: readonly Partial<ProfileInputs>[]): void {
  clearTimeout(prefetchTimer);
  prefetchTimer = setTimeout(() => {
    const state = useStore.getState();
    profileView.prefetch(variants.map((variant) => requestOf({ ...state, ...variant })));
  });
}

export function useProfile(): { data: ProfileData | null; busy: boolean } {
  const inputs = useStore(useShallow((s) => ({ kernels: s.kernels, norm: s.norm, zoom: s.zoom, fit: s.fit })));
  const { data, busy } = useComputation(profileView, requestOf(inputs), {
    failure: 'The kernel profile could not be computed',
    flush: true,
  });
  return { data, busy };
}
