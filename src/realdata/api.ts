/**
 * The real-data worker's interface (docs/realdata.md §6), shared by the browser worker
 * (workers/realdata.worker.ts), the headless one (cli/realdataWorker.ts) and the pool that drives them.
 */
import type { ContestantName } from '../core/realdata/contestants';
import type { Prep } from '../core/realdata/dataset';
import type { ContestantResult, Dataset } from '../core/realdata/types';

/** Where a job's data set comes from: a shipped file (fetched or read by the worker) or rows in hand. */
export type DatasetSource = { kind: 'shipped'; name: string; location: string } | { kind: 'custom'; dataset: Dataset };

/** One data set with one `prep` and the contestants still to run on it. */
export interface RealdataJob {
  source: DatasetSource;
  prep: Prep;
  contestants: ContestantName[];
}

/** One contestant's result on a job's data set, with how often LIBSVM's solver stopped at its iteration limit (svm.ts). */
export interface JobResult {
  contestant: ContestantName;
  result: ContestantResult;
  iterationLimitHits: number;
}

export interface RealdataWorkerApi {
  /**
   * Runs the protocol for each contestant in order; `onResult` hears of each as it is done (not awaited: the
   * work does not wait for a busy page), `onProgress` the fraction of the job's configurations done.
   * Resolves with every result: a callback travels on its own channel and may arrive after the answer.
   */
  run(
    job: RealdataJob,
    onResult: (found: JobResult) => void,
    onProgress: (fraction: number) => void,
  ): Promise<JobResult[]>;
}
