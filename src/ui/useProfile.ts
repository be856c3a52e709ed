/**
 * Profile data for the current state, computed in the worker (latest-wins: a result that arrives after a
 * newer request is dropped). With `fit` set, the least-squares Laplace kernel is fitted first and its
 * profile is appended as an extra series.
 */
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LaplaceFit } from '../core/fitLaplace';
import type { KernelInstance } from '../core/kernels';
import type { ProfileResult } from '../core/profile';
import { useStore } from '../state/store';
import { STALE, callWorker, latestWins } from '../worker/client';
import { useBusy } from './useBusy';

/** Samples per curve over the visible θ range: 0.25° steps over the full range (≥ 720, the budget's size). */
export const PROFILE_SAMPLES = 721;

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

const compute = latestWins(async (req: Request): Promise<ProfileData> => {
  const target = req.fitTarget;
  const fit = target ? await callWorker('profile', (worker) => worker.fitLaplace(target)) : null;
  const profile = await callWorker('profile', (worker) =>
    worker.profile({
      kernels: fit ? [...req.kernels, fit.instance] : req.kernels,
      unit: req.unit,
      samples: PROFILE_SAMPLES,
      thetaMax: req.thetaMax,
    }),
  );
  return { profile, fit, kernels: req.kernels, unit: req.unit, thetaMax: req.thetaMax };
});

export function useProfile(): { data: ProfileData | null; busy: boolean } {
  const kernels = useStore((s) => s.kernels);
  const norm = useStore((s) => s.norm);
  const zoom = useStore((s) => s.zoom);
  const fit = useStore((s) => s.fit);
  const [data, setData] = useState<ProfileData | null>(null);
  const [busy, track, attempt] = useBusy();

  useEffect(() => {
    const req: Request = {
      kernels,
      unit: norm === 'unit',
      thetaMax: (Math.min(180, zoom) * Math.PI) / 180,
      fitTarget: fit > 0 && fit <= kernels.length ? kernels[fit - 1] : null,
    };
    track(
      compute(req).then((result) => {
        // drawn at once, in its own render, ahead of slower views' results that arrive in the same moment
        if (result !== STALE) flushSync(() => setData(result));
      }),
      'The kernel profile could not be computed',
    );
  }, [kernels, norm, zoom, fit, track, attempt]);

  return { data, busy };
}
