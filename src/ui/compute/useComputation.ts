/**
 * THE way a view gets its data from a worker. Two halves:
 *
 * - `computation(compute, options)`, at module level: a view's worker call (`compute`, usually
 *   `callWorker(lane, …)`) behind a channel — `latest` (a result that arrives after a newer request is
 *   dropped) or `coalesced` (also at most one call in flight, only the newest waiting) — optionally keeping
 *   its last `keep` results by request (a kept result is answered in the same task, so a key press can
 *   redraw in its own frame; `prefetch` fills it ahead of need).
 * - `useComputation(view, request, options)`, in the component: sends the request when it changes
 *   (compared by value), after `delayMs` of stillness if asked, then its `refine` request after a further
 *   pause; only while the element given `ref` is on or within 200 px of the screen (`onScreen`); shows
 *   `busy` after 300 ms and turns failures into a notice with Retry (useBusy). The result comes with the
 *   request it answers, so a view draws it with that request's kernels, never with newer ones.
 *
 * A compute that returns null was stopped in the worker by a newer request (the spectrum is cancelled
 * between slices): nothing is drawn, the newer request's own answer follows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { STALE, coalesced, latestWins } from '../../workerClient/client';
import { keptResults } from './keptResults';
import { useBusy } from './useBusy';
import { useNearViewport } from './useNearViewport';

export interface Computation<Req, Res> {
  run(req: Req): Promise<Res | null | typeof STALE>;
  /** computes and keeps these requests' results ahead of need (best effort; only with `keep`) */
  prefetch(requests: readonly Req[]): void;
}

export function computation<Req, Res>(
  compute: (req: Req) => Promise<Res | null>,
  { channel = 'latest', keep = 0 }: { channel?: 'latest' | 'coalesced'; keep?: number } = {},
): Computation<Req, Res> {
  const kept = keep > 0 ? keptResults(compute, keep) : compute;
  const run = (channel === 'latest' ? latestWins : coalesced)(async (req: Req) => kept(req));
  return {
    run,
    prefetch(requests) {
      if (keep === 0) return;
      for (const req of requests) {
        const result = kept(req);
        // a failure here is reported, if it recurs, by the request that needs it
        if (result instanceof Promise) result.catch(() => {});
      }
    },
  };
}

export interface ComputationOptions<Req> {
  /** the notice's title when the computation fails */
  failure: string;
  /** wait until the request has been unchanged this long */
  delayMs?: number;
  /** a second request for the same state (e.g. a finer grid), sent once the state has been still this long */
  refine?: { request: Req; afterMs: number } | null;
  /** compute only while the element given `ref` is on or near the screen */
  onScreen?: boolean;
  /** draw the answer in its own render, ahead of other views' results that arrive in the same moment */
  flush?: boolean;
}

export interface ComputationState<Req, Res> {
  /** attach to the view's element when `onScreen` is set */
  ref: React.RefObject<HTMLElement | null>;
  data: Res | null;
  /** the request `data` answers */
  request: Req | null;
  busy: boolean;
}

export function useComputation<Req, Res>(
  view: Computation<Req, Res>,
  wanted: Req | null,
  { failure, delayMs = 0, refine = null, onScreen = false, flush = false }: ComputationOptions<Req>,
): ComputationState<Req, Res> {
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref, '200px');
  const active = !onScreen || near;
  const [answer, setAnswer] = useState<{ data: Res; request: Req } | null>(null);
  const [busy, track, attempt] = useBusy();
  // requests are compared by value: callers build fresh objects on every render
  const key = active && wanted !== null ? JSON.stringify([wanted, refine]) : null;
  const current = useRef({ wanted, refine });
  current.current = { wanted, refine };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the request's value (read from `current`); `attempt` is Retry
  useEffect(() => {
    if (key === null) return;
    const { wanted: req, refine: next } = current.current;
    if (req === null) return;
    const send = (r: Req) =>
      track(
        view.run(r).then((result) => {
          if (result === STALE || result === null) return;
          const show = () => setAnswer({ data: result, request: r });
          if (flush) flushSync(show);
          else show();
        }),
        failure,
      );
    const timers: ReturnType<typeof setTimeout>[] = [];
    const later = (ms: number, run: () => void) => (ms > 0 ? timers.push(setTimeout(run, ms)) : run());
    later(delayMs, () => {
      send(req);
      if (next) timers.push(setTimeout(() => send(next.request), next.afterMs));
    });
    return () => {
      for (const t of timers) clearTimeout(t);
    };
  }, [key, attempt, view, track, failure, delayMs, flush]);

  return useMemo(() => ({ ref, data: answer?.data ?? null, request: answer?.request ?? null, busy }), [answer, busy]);
}
