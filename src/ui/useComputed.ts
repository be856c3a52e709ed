/**
 * A view's data from the worker for the current request: sent when the request changes (compared by
 * value), through a channel that keeps at most one call in flight and drops stale results (`coalesced`),
 * with the busy indicator and Retry of useBusy. `null` as request means nothing to compute.
 */
import { useEffect, useMemo, useState } from 'react';
import { STALE, coalesced } from '../worker/client';
import { useBusy } from './useBusy';

export function useComputed<Req, Res>(
  call: (req: Req) => Promise<Res>,
  req: Req | null,
  failure: string,
): { data: Res | null; busy: boolean } {
  const channel = useMemo(() => coalesced(call), [call]);
  const [data, setData] = useState<Res | null>(null);
  const [busy, track, attempt] = useBusy();
  const key = JSON.stringify(req);
  useEffect(() => {
    if (req === null) return;
    track(
      channel(req).then((result) => {
        if (result !== STALE) setData(result);
      }),
      failure,
    );
    // the request is compared by value (key); `req` itself is a fresh object on every render
  }, [key, channel, track, attempt, failure]);
  return { data, busy };
}
