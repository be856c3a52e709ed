/**
 * The jobs of a run (docs/realdata.md §6), the same for the page and the CLI: per selected data set, the
 * contestants it still needs. When there are fewer data sets than workers (a user's file, a short list), each
 * contestant becomes a job of its own, so that every worker has work.
 */
import type { CatalogEntry } from '../core/realdata/catalog';
import { contestant, type ContestantName } from '../core/realdata/contestants';
import type { DatasetSource } from './api';
import { jobWeight, type PoolJob } from './pool';
import type { RealdataSelection } from './selection';

export interface JobSources {
  /** the contestants a data set still needs */
  missing(entry: CatalogEntry): ContestantName[];
  /** where a worker reads the data set */
  source(entry: CatalogEntry): DatasetSource;
  /** the id its results are kept under */
  id(entry: CatalogEntry): string;
}

export function realdataJobs(selection: RealdataSelection, sources: JobSources, threads: number): PoolJob[] {
  const split = selection.datasets.length < threads;
  return selection.datasets.flatMap((entry) => {
    const missing = sources.missing(entry);
    const groups = split ? missing.map((c) => [c]) : missing.length > 0 ? [missing] : [];
    return groups.map((contestants) => ({
      id: sources.id(entry),
      source: sources.source(entry),
      prep: selection.prep,
      contestants,
      n: entry.n,
      weight: jobWeight(
        entry.n,
        contestants.reduce((s, c) => {
          const { size, relativeCost } = contestant(c)!;
          return s + size * (relativeCost?.(entry.d) ?? 1);
        }, 0),
      ),
    }));
  });
}
