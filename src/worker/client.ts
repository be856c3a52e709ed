/**
 * The app's handle on the compute worker, and latest-wins request channels: a result that arrives after a
 * newer request was made on the same channel is dropped, never drawn.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { ComputeApi } from './api';

/**
 * One worker per lane, so that a long spectrum or Gram matrix never delays a redraw of another view
 * (and the lanes use both cores). Workers start on first use.
 */
export type Lane = 'profile' | 'spectrum' | 'offsphere' | 'gram';

const remotes = new Map<Lane, Remote<ComputeApi>>();

export function computeWorker(lane: Lane): Remote<ComputeApi> {
  let remote = remotes.get(lane);
  if (!remote) {
    const worker = new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), {
      type: 'module',
      name: `compute-${lane}`,
    });
    remote = wrap<ComputeApi>(worker);
    remotes.set(lane, remote);
  }
  return remote;
}

export { proxy };

/** Marks a result superseded by a newer request. */
export const STALE = Symbol('stale');

/** A channel on which only the latest request's result is delivered. */
export function latestWins<Req, Res>(call: (req: Req) => Promise<Res>): (req: Req) => Promise<Res | typeof STALE> {
  let latest = 0;
  return async (req) => {
    const id = ++latest;
    const result = await call(req);
    return id === latest ? result : STALE;
  };
}
