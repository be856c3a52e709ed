/**
 * Spectrum data for the current state, computed in the worker. A newer request stops the running one in
 * the worker (the stale work ends, not just its result); progress is reported for long computations.
 */
import { useEffect, useState } from 'react';
import { fitWindow } from '../../../core/spectrum/decayFit';
import { useStore } from '../../../state/store';
import type { SpectrumView, SpectrumViewRequest } from '../../../workerClient/api';
import { STALE, callWorker, latestWins, onLaneStart, proxy } from '../../../workerClient/client';
import { useBusy } from '../../compute/useBusy';

export interface SpectrumData extends SpectrumView {
  request: SpectrumViewRequest;
}

let reportProgress: (fraction: number) => void = () => {};
onLaneStart('spectrum', (worker) => worker.onSpectrumProgress(proxy((fraction: number) => reportProgress(fraction))));

const compute = latestWins(async (request: SpectrumViewRequest): Promise<SpectrumData | null> => {
  const view = await callWorker('spectrum', (worker) => worker.spectrum(request));
  return view && { ...view, request };
});

export function useSpectrum(): { data: SpectrumData | null; busy: boolean; progress: number } {
  const kernels = useStore((s) => s.kernels);
  const d = useStore((s) => s.d);
  const kmax = useStore((s) => s.kmax);
  const norm = useStore((s) => s.norm);
  const y = useStore((s) => s.y);
  const ra = useStore((s) => s.ra);
  const rb = useStore((s) => s.rb);
  const parity = useStore((s) => s.parity);
  const klo = useStore((s) => s.klo);
  const khi = useStore((s) => s.khi);
  const [data, setData] = useState<SpectrumData | null>(null);
  const [progress, setProgress] = useState(0);
  const [busy, track, attempt] = useBusy();

  useEffect(() => {
    reportProgress = setProgress;
    return () => {
      reportProgress = () => {};
    };
  }, []);

  useEffect(() => {
    const request: SpectrumViewRequest = {
      kernels,
      d,
      kmax,
      unit: norm === 'unit',
      window: fitWindow(kmax, klo, khi),
      parity,
      quantity: y,
      ratioPair: [Math.min(ra, kernels.length), Math.min(rb, kernels.length)],
    };
    setProgress(0);
    track(
      compute(request).then((result) => {
        // null: stopped in the worker by a newer request, whose own result follows
        if (result !== STALE && result !== null) setData(result);
      }),
      'The spectrum could not be computed',
    );
  }, [kernels, d, kmax, norm, y, ra, rb, parity, klo, khi, track, attempt]);

  return { data, busy, progress };
}
