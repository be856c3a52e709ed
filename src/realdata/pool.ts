/**
 * Runs real-data jobs on a pool of workers (docs/realdata.md §6): the browser's page and the headless CLI
 * both drive it, with their own kind of worker. Jobs start largest first (the big data sets set the pace),
 * each worker takes the next job when it is free, results arrive per (data set, contestant), and a
 * cancelled run stops at once: its workers are terminated.
 */
import { proxy, type Remote } from 'comlink';
import type { ContestantName } from '../core/realdata/contestants';
import type { ContestantResult } from '../core/realdata/types';
import type { JobResult, RealdataJob, RealdataWorkerApi } from './api';

export interface PoolWorker {
  api: Remote<RealdataWorkerApi>;
  terminate(): void;
  /** rejects when the worker dies (a script that fails to load, memory exhausted): a call would never return */
  failed: Promise<never>;
}

export interface PoolJob extends RealdataJob {
  /** the data set's id in results (its name, or the user's file's id) */
  id: string;
  /** the data set's rows: a job's memory grows like n² (kernel matrices, LIBSVM's problem) */
  n: number;
  /** relative cost, for ordering and the time estimate (configurations × n²) */
  weight: number;
}

export interface PoolProgress {
  /** data sets finished (all their jobs) and in all */
  done: number;
  total: number;
  /** share of the total weight done, in [0, 1] */
  fraction: number;
  /** workers running */
  workers: number;
  /** estimated milliseconds left; null until something has finished */
  remainingMs: number | null;
}

export interface PoolRun {
  jobs: readonly PoolJob[];
  threads: number;
  spawn: () => PoolWorker;
  /** a result, with how often LIBSVM's solver stopped at its iteration limit while computing it */
  onResult: (id: string, contestant: ContestantName, result: ContestantResult, iterationLimitHits: number) => void;
  onProgress?: (progress: PoolProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/** The cost of running `configurations` kernel configurations on a data set of n rows (SVM fits grow ~n²). */
export const jobWeight = (n: number, configurations: number) => configurations * (n * n + 2000);

/**
 * Jobs on more than HEAVY_N rows need a few hundred MB each (an n×n kernel matrix and LIBSVM's copy of the
 * training rows, ~0.6 GB at n = 5000); at most MAX_HEAVY of them run at once, whatever the number of workers.
 */
const HEAVY_N = 2000;
const MAX_HEAVY = 2;

export async function runPool({
  jobs,
  threads,
  spawn,
  onResult,
  onProgress,
  signal,
  now = () => Date.now(),
}: PoolRun): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.weight - a.weight);
  const totalWeight = jobs.reduce((s, j) => s + j.weight, 0) || 1;
  const partial = new Map<PoolJob, number>();
  let finishedWeight = 0;
  // progress counts data sets: one is done when all its jobs are (a data set may be split by contestant)
  const jobsLeft = new Map<string, number>();
  for (const j of jobs) jobsLeft.set(j.id, (jobsLeft.get(j.id) ?? 0) + 1);
  const total = jobsLeft.size;
  let done = 0;
  const started = now();
  const report = () => {
    let w = finishedWeight;
    for (const [job, f] of partial) w += job.weight * f;
    const fraction = Math.min(1, w / totalWeight);
    const elapsed = now() - started;
    onProgress?.({
      done,
      total,
      workers: workerCount,
      fraction,
      remainingMs: fraction > 0.02 && elapsed > 0 ? (elapsed * (1 - fraction)) / fraction : null,
    });
  };
  const workers: PoolWorker[] = [];
  let workerCount = 0;
  const stopAll = () => {
    for (const w of workers.splice(0)) w.terminate();
  };
  signal?.addEventListener('abort', stopAll, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
  aborted.catch(() => {});
  // a lane that finds only heavy jobs while MAX_HEAVY run waits for one of them to finish
  let heavyRunning = 0;
  let heavyDone: (() => void)[] = [];
  const heavy = (job: PoolJob) => job.n > HEAVY_N;
  const next = async (): Promise<PoolJob | undefined> => {
    for (;;) {
      const at = queue.findIndex((j) => !heavy(j) || heavyRunning < MAX_HEAVY);
      if (at >= 0) {
        const [job] = queue.splice(at, 1);
        // counted here, not when the lane resumes: other lanes may ask for a job in between
        if (heavy(job)) heavyRunning++;
        return job;
      }
      if (queue.length === 0) return undefined;
      await new Promise<void>((resolve) => heavyDone.push(resolve));
    }
  };
  const lane = async (worker: PoolWorker) => {
    for (let job = await next(); job; job = await next()) {
      const current = job;
      partial.set(current, 0);
      const delivered = new Set<ContestantName>();
      const deliver = ({ contestant, result, iterationLimitHits }: JobResult) => {
        if (delivered.has(contestant)) return;
        delivered.add(contestant);
        onResult(current.id, contestant, result, iterationLimitHits);
      };
      const all = await Promise.race([
        worker.api.run(
          { source: current.source, prep: current.prep, contestants: current.contestants },
          proxy(deliver),
          proxy((fraction: number) => {
            // progress travels on its own channel and may arrive after the job has finished
            if (!partial.has(current)) return;
            partial.set(current, fraction);
            report();
          }),
        ),
        worker.failed,
      ]);
      // results whose callback has not arrived yet (it travels on its own channel)
      for (const found of all) deliver(found);
      partial.delete(current);
      if (heavy(current)) {
        heavyRunning--;
        const waiting = heavyDone;
        heavyDone = [];
        for (const wake of waiting) wake();
      }
      finishedWeight += current.weight;
      const left = jobsLeft.get(current.id)! - 1;
      jobsLeft.set(current.id, left);
      if (left === 0) done++;
      report();
    }
  };
  try {
    if (signal?.aborted) throw abortError();
    if (queue.length === 0) return;
    workerCount = Math.max(1, Math.min(threads, queue.length));
    report();
    for (let i = 0; i < workerCount; i++) workers.push(spawn());
    await Promise.race([Promise.all(workers.map(lane)), aborted]);
  } finally {
    signal?.removeEventListener('abort', stopAll);
    stopAll();
  }
}

function abortError(): Error {
  const e = new Error('The run was cancelled.');
  e.name = 'AbortError';
  return e;
}
