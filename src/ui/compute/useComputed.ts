/**
 * A view's data from the worker for the current request: sent when the request changes (compared by
 * value), through a channel that keeps at most one call in flight and drops stale results (`coalesced`),
 * with the busy indicator and Retry of useBusy. Only while the view (the element given `ref`) is on or
 * within 200 px of the screen: a slider moved elsewhere does not pay for it. The result comes with the
 * request it answers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { STALE, coalesced } from '../../workerClient/client';
import { useBusy } from './useBusy';
import { useNearViewport } from './useNearViewport';

export function useComputed<Req, Res>(call: (req: Req) => Promise<Res>, wanted: Req, failure: string) {
  const ref = useRef<HTMLElement>(null);
  const req = useNearViewport(ref, '200px') ? wanted : null;
  // the last result is kept: a request equal to it (a view scrolled away and back) is answered at once,
  // still through the channel, so that it supersedes any older call in flight
  const channel = useMemo(() => {
    let last: { key: string; data: Res } | null = null;
    return coalesced(async (r: Req) => {
      const key = JSON.stringify(r);
      if (last?.key === key) return last.data;
      const data = await call(r);
      last = { key, data };
      return data;
    });
  }, [call]);
  // the result with the request it answers: a view draws the result with that request's kernels, never
  // with newer ones it was not computed for
  const [answer, setAnswer] = useState<{ data: Res; request: Req } | null>(null);
  const [busy, track, attempt] = useBusy();
  const key = JSON.stringify(req);
  useEffect(() => {
    if (req === null) return;
    track(
      channel(req).then((result) => {
        if (result !== STALE) setAnswer({ data: result, request: req });
      }),
      failure,
    );
    // the request is compared by value (key); `req` itself is a fresh object on every render
  }, [key, channel, track, attempt, failure]);
  return { ref, data: answer?.data ?? null, request: answer?.request ?? null, busy };
}
