/**
 * Off-sphere data for the current state, computed in workers (latest-wins). The plane maps and the ray
 * share the `offsphere` lane (fine maps are split with `offsphere2`, src/workerClient/plane.ts); the normalization readout (Gram matrices of up to 2000 points) has its own
 * `gram` lane so that it never delays a redraw.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaneRequest, PlaneResult } from '../../../core/offsphere/plane';
import type { KernelInstance } from '../../../core/kernels/registry';
import { pointFromPolar } from '../../../core/offsphere/polar';
import { comparison } from '../../../link';
import { useStore } from '../../../state/store';
import type { PointsRequest, RayRequest, Timed } from '../../../workerClient/api';
import { STALE, callWorker } from '../../../workerClient/client';
import { computePlane } from '../../../workerClient/plane';
import { useBusy } from '../../compute/useBusy';
import { computation, useComputation } from '../../compute/useComputation';

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

export interface PlaneData extends PlaneResult, Timed {
  kernels: readonly KernelInstance[];
  z: readonly [number, number];
  diffPair: readonly [number, number] | null;
}

const planeView = computation(computePlane);
const rayView = computation((req: RayRequest) => callWorker('offsphere', (worker) => worker.ray(req)));
const fitOnPointsView = computation((req: PointsRequest) =>
  callWorker('gram', (worker) => worker.fitLaplaceOnPoints(req)),
);
const normalizationView = computation((req: PointsRequest) =>
  callWorker('gram', (worker) => worker.normalization(req)),
);

/**
 * The maps: drawn at once on the coarse grid, refined once the state has been still (never during a drag
 * of z: `coarse`).
 */
export function usePlane(coarse: boolean): { data: PlaneData | null; busy: boolean } {
  const s = useStore(
    useShallow((st) => ({ kernels: st.kernels, norm: st.norm, zn: st.zn, za: st.za, R: st.R, da: st.da, db: st.db })),
  );
  // no difference map of a kernel with itself (src/link/comparison.ts): the panel says why instead
  const pair = comparison(s.kernels, s.da, s.db);
  const request = (size: number): PlaneRequest => ({
    kernels: s.kernels,
    unit: s.norm === 'unit',
    z: pointFromPolar(s.zn, s.za),
    R: s.R,
    size,
    diff: pair.same ? null : [pair.a, pair.b],
  });
  const {
    data,
    request: answered,
    busy,
  } = useComputation(planeView, request(PLANE_SIZE_DRAGGING), {
    failure: 'The off-sphere maps could not be computed',
    refine: coarse ? null : { request: request(PLANE_SIZE), afterMs: REFINE_AFTER_MS },
  });
  // one object per answer: the memoized views below redraw only when it changes
  const drawn = useMemo(
    () => data && answered && { ...data, kernels: answered.kernels, z: answered.z, diffPair: answered.diff },
    [data, answered],
  );
  return { data: drawn, busy };
}

export function useRay(): { r: Float64Array; values: Float64Array[]; kernels: readonly KernelInstance[] } | null {
  const s = useStore(
    useShallow((st) => ({ kernels: st.kernels, norm: st.norm, zn: st.zn, za: st.za, R: st.R, ray: st.ray })),
  );
  const { data, request } = useComputation(
    rayView,
    {
      kernels: s.kernels,
      unit: s.norm === 'unit',
      z: pointFromPolar(s.zn, s.za),
      direction: toRadians(s.ray),
      R: s.R,
      samples: RAY_SAMPLES,
    },
    { failure: 'The ray view could not be computed' },
  );
  return useMemo(() => data && request && { ...data, kernels: request.kernels }, [data, request]);
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
  const { n, d, spread, seed } = s;
  const pair = comparison(s.kernels, s.da, s.db);
  const request: PointsRequest | null = pair.same
    ? null
    : { a: s.kernels[pair.a - 1], b: s.kernels[pair.b - 1], n, d, spread, seed };
  const answer = useComputation(normalizationView, request, {
    failure: 'The normalization readout could not be computed',
    delayMs: GRAM_AFTER_MS,
  });
  const data = useMemo(
    () => answer.data && answer.request && { ...answer.data, request: answer.request },
    [answer.data, answer.request],
  );
  return { data, busy: answer.busy, request };
}

/**
 * On request (a button): the c of the Laplace kernel at `position` fitted to the other kernel of `request`
 * on its points projected onto the sphere, then set in the kernel list — unless that kernel changed in
 * the meantime. A failure says so, with a Retry that runs the same fit again.
 */
export function useLaplaceFitOnPoints(): { start(request: PointsRequest, position: number): void; fitting: boolean } {
  const [fitting, setFitting] = useState(false);
  const [, track] = useBusy();
  const start = (request: PointsRequest, position: number) => {
    setFitting(true);
    track(
      fitOnPointsView
        .run(request)
        .then((result) => {
          const { kernels, setKernelParam } = useStore.getState();
          if (result !== STALE && result !== null && kernels[position - 1] === request.a)
            setKernelParam(position - 1, 'c', result.c);
        })
        .finally(() => setFitting(false)),
      'The Laplace fit on the points failed',
      () => start(request, position),
    );
  };
  return { start, fitting };
}
