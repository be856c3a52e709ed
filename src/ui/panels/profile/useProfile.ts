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
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LaplaceFit } from '../../../core/kernels/fitLaplace';
import type { KernelInstance } from '../../../core/kernels/registry';
import type { ProfileResult } from '../../../core/views/profile';
import type { LinkState } from '../../../link';
import { useStore } from '../../../state/store';
import { STALE, callWorker, latestWins } from '../../../workerClient/client';
import { keptResults } from '../../compute/keptResults';
import { useBusy } from '../../compute/useBusy';

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

/** Profiles by request: kept, and computed once. */
const profileFor = keptResults(computeInWorker, KEPT_RESULTS);

const compute = latestWins(async (req: Request) => profileFor(req));

let prefetchTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Has the profiles of these variants of the current state computed ahead of need (best effort: a failure
 * here is reported, if it recurs, by the request that needs it). Started after the current task, so that
 * the current view's own request reaches the worker first.
 */
export function prefetchProfiles(variants: readonly Partial<ProfileInputs>[]): void {
  clearTimeout(prefetchTimer);
  prefetchTimer = setTimeout(() => {
    const state = useStore.getState();
    for (const variant of variants) {
      const result = profileFor(requestOf({ ...state, ...variant }));
      if (result instanceof Promise) result.catch(() => {});
    }
  });
}

export function useProfile(): { data: ProfileData | null; busy: boolean } {
  const kernels = useStore((s) => s.kernels);
  const norm = useStore((s) => s.norm);
  const zoom = useStore((s) => s.zoom);
  const fit = useStore((s) => s.fit);
  const [data, setData] = useState<ProfileData | null>(null);
  const [busy, track, attempt] = useBusy();

  useEffect(() => {
    track(
      compute(requestOf({ kernels, norm, zoom, fit })).then((result) => {
        // drawn at once, in its own render, ahead of slower views' results that arrive in the same moment
        if (result !== STALE) flushSync(() => setData(result));
      }),
      'The kernel profile could not be computed',
    );
  }, [kernels, norm, zoom, fit, track, attempt]);

  return { data, busy };
}
