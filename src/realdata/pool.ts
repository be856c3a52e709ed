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
  /** the data set's id in results (its name, or `custom`) */
  id: string;
  /** relative cost, for ordering and the time estimate (configurations × n²) */
  weight: number;
}

export interface PoolProgress {
  /** jobs finished */
  done: number;
  total: number;
  /** share of the total weight done, in [0, 1] */
  fraction: number;
  /** estimated milliseconds left; null until something has finished */
  remainingMs: number | null;
}

export interface PoolRun {
  jobs: readonly PoolJob[];
  threads: number;
  spawn: () => PoolWorker;
  /** a result, with the number of its SVM fits that stopped at LIBSVM's iteration limit */
  onResult: (id: string, contestant: ContestantName, result: ContestantResult, iterationLimitHits: number) => void;
  onProgress?: (progress: PoolProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/** The cost of running `configurations` kernel configurations on a data set of n rows (SVM fits grow ~n²). */
export const jobWeight = (n: number, configurations: number) => configurations * (n * n + 2000);

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
  let done = 0;
  const started = now();
  const report = () => {
    let w = finishedWeight;
    for (const [job, f] of partial) w += job.weight * f;
    const fraction = Math.min(1, w / totalWeight);
    const elapsed = now() - started;
    onProgress?.({
      done,
      total: jobs.length,
      fraction,
      remainingMs: fraction > 0.02 && elapsed > 0 ? (elapsed * (1 - fraction)) / fraction : null,
    });
  };
  const workers: PoolWorker[] = [];
  const stopAll = () => {
    for (const w of workers) w.terminate();
  };
  signal?.addEventListener('abort', stopAll, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(abortError());
    signal?.addEventListener('abort', () => reject(abortError()), { once: true });
  });
  aborted.catch(() => {});
  const lane = async (worker: PoolWorker) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
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
      finishedWeight += current.weight;
      done++;
      report();
    }
  };
  try {
    if (signal?.aborted) throw abortError();
    report();
    const count = Math.max(1, Math.min(threads, queue.length));
    for (let i = 0; i < count; i++) workers.push(spawn());
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
