/**
 * Off-sphere data for the current state, computed in workers (latest-wins). The plane maps and the ray
 * share the `offsphere` lane (fine maps are split with `offsphere2`, src/workerClient/plane.ts); the normalization readout (Gram matrices of up to 2000 points) has its own
 * `gram` lane so that it never delays a redraw.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaneRequest, PlaneResult } from '../../../core/offsphere/plane';
import type { KernelInstance } from '../../../core/kernels/registry';
import { pointFromPolar } from '../../../core/offsphere/polar';
import { useStore } from '../../../state/store';
import type { PointsRequest, RayRequest, Timed } from '../../../workerClient/api';
import { STALE, callWorker, latestWins } from '../../../workerClient/client';
import { computePlane } from '../../../workerClient/plane';
import { useBusy } from '../../compute/useBusy';

/**
 * Grid cells per side: every change is drawn at once on the coarse grid, and refined on the fine grid once
 * the state has been still for REFINE_AFTER_MS (never during a drag of z), so that rapid changes elsewhere
 * (a slider held down) do not queue full-size maps in front of the other views' work.
 */
const PLANE_SIZE = 256;
const PLANE_SIZE_DRAGGING = 64;
const REFINE_AFTER_MS = 200;
/** The Gram matrices wait until the state has been still this long. */
const GRAM_AFTER_MS = 400;
const RAY_SAMPLES = 401;

const toRadians = (deg: number) => (deg * Math.PI) / 180;

/** A position parameter (1-based) clamped to the kernels present. */
const position = (p: number, count: number) => Math.min(Math.max(1, p), count);

export interface PlaneData extends PlaneResult, Timed {
  kernels: readonly KernelInstance[];
  z: [number, number];
  diffPair: [number, number] | null;
}

const planeChannel = latestWins(computePlane);
const rayChannel = latestWins((req: RayRequest) => callWorker('offsphere', (worker) => worker.ray(req)));
const normalizationChannel = latestWins((req: PointsRequest) =>
  callWorker('gram', (worker) => worker.normalization(req)),
);

export function usePlane(coarse: boolean): { data: PlaneData | null; busy: boolean } {
  const s = useStore(
    useShallow((st) => ({ kernels: st.kernels, norm: st.norm, zn: st.zn, za: st.za, R: st.R, da: st.da, db: st.db })),
  );
  const [data, setData] = useState<PlaneData | null>(null);
  const [busy, track, attempt] = useBusy();
  useEffect(() => {
    const z = pointFromPolar(s.zn, s.za);
    const count = s.kernels.length;
    const diffPair: [number, number] | null = count >= 2 ? [position(s.da, count), position(s.db, count)] : null;
    const request = (size: number): PlaneRequest => ({
      kernels: s.kernels,
      unit: s.norm === 'unit',
      z,
      R: s.R,
      size,
      diff: diffPair,
    });
    const draw = (size: number) =>
      track(
        planeChannel(request(size)).then((r) => {
          if (r !== STALE) setData({ ...r, kernels: s.kernels, z, diffPair });
        }),
        'The off-sphere maps could not be computed',
      );
    draw(PLANE_SIZE_DRAGGING);
    if (coarse) return;
    const refine = setTimeout(() => draw(PLANE_SIZE), REFINE_AFTER_MS);
    return () => clearTimeout(refine);
  }, [s, coarse, track, attempt]);
  return { data, busy };
}

export function useRay(): { r: Float64Array; values: Float64Array[]; kernels: readonly KernelInstance[] } | null {
  const s = useStore(
    useShallow((st) => ({ kernels: st.kernels, norm: st.norm, zn: st.zn, za: st.za, R: st.R, ray: st.ray })),
  );
  const [data, setData] = useState<{
    r: Float64Array;
    values: Float64Array[];
    kernels: readonly KernelInstance[];
  } | null>(null);
  const [, track, attempt] = useBusy();
  useEffect(() => {
    const req: RayRequest = {
      kernels: s.kernels,
      unit: s.norm === 'unit',
      z: pointFromPolar(s.zn, s.za),
      direction: toRadians(s.ray),
      R: s.R,
      samples: RAY_SAMPLES,
    };
    track(
      rayChannel(req).then((r) => {
        if (r !== STALE) setData({ ...r, kernels: s.kernels });
      }),
      'The ray view could not be computed',
    );
  }, [s, track, attempt]);
  return data;
}

export interface NormalizationData {
  raw: number;
  projected: number;
  computeMs: number;
  request: PointsRequest;
}

export function useNormalization(): { data: NormalizationData | null; busy: boolean; request: PointsRequest | null } {
  const s = useStore(
    useShallow((st) => ({
      kernels: st.kernels,
      d: st.d,
      n: st.n,
      spread: st.spread,
      seed: st.seed,
      da: st.da,
      db: st.db,
    })),
  );
  const [data, setData] = useState<NormalizationData | null>(null);
  const [busy, track, attempt] = useBusy();
  const count = s.kernels.length;
  // unchanged instances keep their identity in the store, so editing a third kernel recomputes nothing
  const a = count >= 2 ? s.kernels[position(s.da, count) - 1] : null;
  const b = count >= 2 ? s.kernels[position(s.db, count) - 1] : null;
  const { n, d, spread, seed } = s;
  const request = useMemo(
    (): PointsRequest | null => (a && b ? { a, b, n, d, spread, seed } : null),
    [a, b, n, d, spread, seed],
  );
  useEffect(() => {
    if (!request) return;
    const run = () =>
      track(
        normalizationChannel(request).then((r) => {
          if (r !== STALE) setData({ ...r, request });
        }),
        'The normalization readout could not be computed',
      );
    const later = setTimeout(run, GRAM_AFTER_MS);
    return () => clearTimeout(later);
  }, [request, track, attempt]);
  return { data, busy, request };
}
