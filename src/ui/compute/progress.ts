/**
 * A view's progress bar (docs/performance.md: progress for anything over ~300 ms): what a worker lane reports
 * for its running request, as a fraction 0–1, reset to 0 when a new request starts (the worker reports only
 * from its first slice on).
 */
import type { Remote } from 'comlink';
import { useEffect, useState } from 'react';
import type { ComputeApi } from '../../workerClient/api';
import { onLaneStart, proxy, type Lane } from '../../workerClient/client';

type Listener = (fraction: number) => void;
/** Starts delivering progress to `listener`; returns the unsubscribe. */
export type ProgressSource = (listener: Listener) => () => void;

/** The progress of a lane whose worker reports through `register` (e.g. `w.onFeaturesProgress`); at module level. */
export function laneProgress(
  lane: Lane,
  register: (worker: Remote<ComputeApi>, report: Listener) => unknown,
): ProgressSource {
  let listener: Listener = () => {};
  onLaneStart(lane, (worker) =>
    register(
      worker,
      proxy((fraction: number) => listener(fraction)),
    ),
  );
  return (next) => {
    listener = next;
    return () => {
      listener = () => {};
    };
  };
}

/** The current request's progress from `source`; `key` is the request's value (a change resets to 0). */
export function useProgress(source: ProgressSource, key: string): number {
  const [progress, setProgress] = useState(0);
  useEffect(() => source(setProgress), [source]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the request's value; it is what resets
  useEffect(() => setProgress(0), [key]);
  return progress;
}
