/**
 * The app's handle on the compute workers: one worker per lane, calls that fail instead of hanging, and
 * latest-wins request channels (a result that arrives after a newer request on the same channel is
 * dropped, never drawn).
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { ComputeApi } from './api';

/**
 * One worker per lane, so that a long spectrum or Gram matrix never delays a redraw of another view
 * (and the lanes use both cores). Workers start on first use.
 */
export type Lane =
  | 'profile'
  | 'spectrum'
  | 'offsphere'
  | 'offsphere2'
  | 'gram'
  | 'samples'
  | 'function'
  | 'function2'
  | 'features'
  | 'width'
  | 'width2'
  | 'widthConvergence'
  | 'widthConvergence2'
  | 'training'
  | 'sequences'
  | 'sequencesFinite';

/**
 * How long a call may take before its worker is taken as hung, terminated and replaced (the largest
 * legitimate requests: kmax = 5000 spectra at d = 2 take < 1 s, 8 deep-NTK plane maps ~ 8 s, a Laplace fit
 * on 2000 points ~ 4 s, all on this project's 2-core reference machine).
 */
export const LANE_TIMEOUT_MS: Record<Lane, number> = {
  profile: 10_000,
  spectrum: 30_000,
  offsphere: 30_000,
  offsphere2: 30_000,
  gram: 60_000,
  samples: 30_000,
  function: 30_000,
  function2: 30_000,
  // the random-features view: at most ~5 s of work in all (FEATURES_WORK_CAP), with progress
  features: 60_000,
  // the training view: every width × both initializations, each run capped at RUN_WORK_LIMIT (~20–40 s), with progress
  training: 300_000,
  // the width view: an orthogonal QR of a 4096×4096 layer alone takes minutes (docs/finite.md §5), with progress
  width: 600_000,
  width2: 600_000,
  widthConvergence: 600_000,
  widthConvergence2: 600_000,
  // 16 sequences of 512 steps with every sequence's time weights: well under a second
  sequences: 30_000,
  // finite RNNs: at most RNN_WORK_CAP (~3 s of work), with progress
  sequencesFinite: 120_000,
};

interface LaneWorker {
  worker: Worker;
  remote: Remote<ComputeApi>;
  /** rejects every call in flight (the worker died or hung) */
  pending: Set<(error: Error) => void>;
}

const lanes = new Map<Lane, LaneWorker>();
const setups = new Map<Lane, (remote: Remote<ComputeApi>) => unknown>();

/** Something to do on every (re)started worker of a lane, e.g. register a progress listener. */
export function onLaneStart(lane: Lane, setup: (remote: Remote<ComputeApi>) => unknown): void {
  setups.set(lane, setup);
  const running = lanes.get(lane);
  if (running) void setup(running.remote);
}

function stop(lane: Lane, reason: Error): void {
  const running = lanes.get(lane);
  if (!running) return;
  lanes.delete(lane);
  running.remote[releaseProxy]();
  running.worker.terminate();
  for (const reject of running.pending) reject(reason);
}

/**
 * Stops a lane's worker now (every call in flight rejects with `reason`); the next call starts a fresh one.
 * For work that cannot yield often enough to be stopped cooperatively (the width view's widest networks).
 */
export function cancelLane(lane: Lane, reason = 'superseded by a newer request'): void {
  stop(lane, new Error(reason));
}

function start(lane: Lane): LaneWorker {
  const worker = new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), {
    type: 'module',
    name: `compute-${lane}`,
  });
  const running: LaneWorker = { worker, remote: wrap<ComputeApi>(worker), pending: new Set() };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    stop(
      lane,
      new Error(
        `the ${lane} worker stopped (${event.message || 'it failed to load or crashed'}); it will be restarted`,
      ),
    );
  });
  lanes.set(lane, running);
  const setup = setups.get(lane);
  if (setup) void setup(running.remote);
  return running;
}

/**
 * Calls the lane's worker. Rejects (instead of waiting forever) when the worker throws, dies, or does not
 * answer within LANE_TIMEOUT_MS; a dead or hung worker is replaced by a fresh one for the next call.
 */
export function callWorker<T>(lane: Lane, call: (remote: Remote<ComputeApi>) => Promise<T>): Promise<T> {
  const running = lanes.get(lane) ?? start(lane);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      // only if this call's worker is still the lane's: a replacement is not to blame
      if (lanes.get(lane) === running) {
        stop(
          lane,
          new Error(`the ${lane} worker did not answer within ${LANE_TIMEOUT_MS[lane] / 1000} s and was restarted`),
        );
      }
    }, LANE_TIMEOUT_MS[lane]);
    const fail = (error: Error) => {
      clearTimeout(timer);
      running.pending.delete(fail);
      reject(error);
    };
    running.pending.add(fail);
    call(running.remote).then(
      (value) => {
        clearTimeout(timer);
        running.pending.delete(fail);
        resolve(value);
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  });
}

export { proxy };

/** Marks a result superseded by a newer request. */
export const STALE = Symbol('stale');

/** A channel on which only the latest request's result, or failure, is delivered. */
export function latestWins<Req, Res>(call: (req: Req) => Promise<Res>): (req: Req) => Promise<Res | typeof STALE> {
  let latest = 0;
  return async (req) => {
    const id = ++latest;
    try {
      const result = await call(req);
      return id === latest ? result : STALE;
    } catch (error) {
      if (id !== latest) return STALE; // a superseded request's failure is nobody's concern
      throw error;
    }
  };
}

/**
 * Latest-wins with at most one call in flight: while a call runs, only the newest request waits (an older
 * waiting one resolves STALE at once), so a drag never queues work in the worker, and a call's timeout
 * only ever runs while the worker is working on it.
 */
export function coalesced<Req, Res>(call: (req: Req) => Promise<Res>): (req: Req) => Promise<Res | typeof STALE> {
  let latest = 0;
  let running = false;
  let waiting: { id: number; req: Req; resolve(r: Res | typeof STALE): void; reject(e: unknown): void } | null = null;
  const pump = async () => {
    if (running || waiting === null) return;
    const job = waiting;
    waiting = null;
    running = true;
    try {
      const result = await call(job.req);
      job.resolve(job.id === latest ? result : STALE);
    } catch (error) {
      if (job.id === latest) job.reject(error);
      else job.resolve(STALE);
    } finally {
      running = false;
      void pump();
    }
  };
  return (req) =>
    new Promise((resolve, reject) => {
      waiting?.resolve(STALE);
      waiting = { id: ++latest, req, resolve, reject };
      void pump();
    });
}
