/**
 * Spectrum data for the current state, computed in the worker. A newer request stops the running one in
 * the worker (the stale work ends, not just its result); progress is reported for long computations.
 */
import { useEffect, useState } from 'react';
import { fitWindow } from '../../../core/spectrum/decayFit';
import { useShallow } from 'zustand/react/shallow';
import { resolvePosition } from '../../../link';
import { useStore } from '../../../state/store';
import type { SpectrumView, SpectrumViewRequest } from '../../../workerClient/api';
import { callWorker, onLaneStart, proxy } from '../../../workerClient/client';
import { computation, useComputation } from '../../compute/useComputation';

export interface SpectrumData extends SpectrumView {
  request: SpectrumViewRequest;
}

let reportProgress: (fraction: number) => void = () => {};
onLaneStart('spectrum', (worker) => worker.onSpectrumProgress(proxy((fraction: number) => reportProgress(fraction))));

const spectrumView = computation(async (request: SpectrumViewRequest): Promise<SpectrumData | null> => {
  const view = await callWorker('spectrum', (worker) => worker.spectrum(request));
  // null: stopped in the worker by a newer request, whose own result follows
  return view && { ...view, request };
});

export function useSpectrum(): { data: SpectrumData | null; busy: boolean; progress: number } {
  const s = useStore(
    useShallow((st) => ({
      kernels: st.kernels,
      d: st.d,
      kmax: st.kmax,
      norm: st.norm,
      y: st.y,
      ra: st.ra,
      rb: st.rb,
      parity: st.parity,
      klo: st.klo,
      khi: st.khi,
    })),
  );
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    reportProgress = setProgress;
    return () => {
      reportProgress = () => {};
    };
  }, []);
  const request: SpectrumViewRequest = {
    kernels: s.kernels,
    d: s.d,
    kmax: s.kmax,
    unit: s.norm === 'unit',
    window: fitWindow(s.kmax, s.klo, s.khi),
    automaticWindow: s.klo === 0,
    parity: s.parity,
    quantity: s.y,
    ratioPair: [resolvePosition(s.ra, s.kernels.length), resolvePosition(s.rb, s.kernels.length)],
  };
  // a new request starts its progress from 0 (the worker reports only from its first slice on)
  const key = JSON.stringify(request);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the request's value; it is what resets
  useEffect(() => setProgress(0), [key]);
  const { data, busy } = useComputation(spectrumView, request, { failure: 'The spectrum could not be computed' });
  return { data, busy, progress };
}
