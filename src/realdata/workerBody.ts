/**
 * What both real-data workers do (the browser's and the CLI's differ only in how they load LIBSVM and read
 * a shipped file): run the protocol of src/core/realdata for a job. No math lives here.
 */
import { contestant as contestantNamed, type Contestant } from '../core/realdata/contestants';
import { runProtocol } from '../core/realdata/protocol';
import type { SvmAccuracies } from '../core/realdata/svm';
import type { Dataset } from '../core/realdata/types';
import type { DatasetSource, JobResult, RealdataWorkerApi } from './api';

export function realdataWorkerApi(
  svm: Promise<SvmAccuracies>,
  readShipped: (location: string) => Promise<Dataset>,
): RealdataWorkerApi {
  /** The last data set read: a job runs several contestants on one data set, and jobs often follow it. */
  let last: { location: string; dataset: Promise<Dataset> } | null = null;
  const load = (source: DatasetSource): Promise<Dataset> => {
    if (source.kind === 'custom') return Promise.resolve(source.dataset);
    if (last?.location !== source.location) last = { location: source.location, dataset: readShipped(source.location) };
    return last.dataset;
  };
  return {
    async run(job, onResult, onProgress) {
      const [accuracies, dataset] = await Promise.all([svm, load(job.source)]);
      const contestants = job.contestants.map((name) => {
        const c = contestantNamed(name);
        if (!c) throw new Error(`unknown contestant ${name}`);
        return c;
      });
      const total = contestants.reduce((s, c: Contestant) => s + c.size, 0);
      let before = 0;
      const found: JobResult[] = [];
      for (const c of contestants) {
        const hitsBefore = accuracies.iterationLimitHits?.() ?? 0;
        const result = runProtocol(dataset, c, job.prep, accuracies, (done) => onProgress((before + done) / total));
        before += c.size;
        const one = {
          contestant: c.name,
          result,
          iterationLimitHits: (accuracies.iterationLimitHits?.() ?? 0) - hitsBefore,
        };
        found.push(one);
        onResult(one);
      }
      return found;
    },
  };
}
