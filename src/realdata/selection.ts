/**
 * What a link asks of the real-data experiments (docs/realdata.md §6): the data sets (a size class, names,
 * or the user's file), the contestants, `prep` and the scatter's pair; and the table of results it shows,
 * with the summaries of src/core/realdata/summary.ts over the data sets every contestant has finished.
 */
import { SIZE_CLASSES, catalogEntry, sizeClass, type CatalogEntry, type SizeClass } from '../core/realdata/catalog';
import { CONTESTANT_NAMES, type ContestantName } from '../core/realdata/contestants';
import type { Prep } from '../core/realdata/dataset';
import { pairStatistics, summarize } from '../core/realdata/summary';
import type { ContestantResult, ContestantSummary, PairSummary } from '../core/realdata/types';
import type { LinkState } from '../link';

/** The id of the user's data set in results (`data=custom`). */
export const CUSTOM_ID = 'custom';

export interface RealdataSelection {
  /** the data sets in `data` order (index order for a size class); the user's file as one entry named CUSTOM_ID */
  datasets: CatalogEntry[];
  contestants: ContestantName[];
  prep: Prep;
  /** the scatter's two contestants (null with fewer than two contestants) */
  pair: [ContestantName, ContestantName] | null;
}

const isContestant = (s: string): s is ContestantName => (CONTESTANT_NAMES as readonly string[]).includes(s);

/**
 * The selection a (repaired) link state names. `custom` is the user's file once read (n, d, classes), or
 * null before: the selection then has no data set.
 */
export function selectionOf(
  state: Pick<LinkState, 'data' | 'contest' | 'prep' | 'pair'>,
  custom: CatalogEntry | null = null,
): RealdataSelection {
  const datasets =
    state.data === CUSTOM_ID
      ? custom
        ? [{ ...custom, name: CUSTOM_ID }]
        : []
      : state.data in SIZE_CLASSES
        ? sizeClass(state.data as SizeClass)
        : state.data
            .split(',')
            .map(catalogEntry)
            .filter((e): e is CatalogEntry => e !== undefined);
  const contestants = state.contest.split(',').filter(isContestant);
  const named = state.pair.split(',').filter(isContestant);
  const pair = named.length === 2 ? named : contestants.slice(0, 2);
  return {
    datasets,
    contestants,
    prep: state.prep,
    pair: pair.length === 2 ? [pair[0], pair[1]] : null,
  };
}

/** How results are looked up: by data set id, contestant and prep. */
export type ResultLookup = (dataset: string, contestant: ContestantName, prep: Prep) => ContestantResult | undefined;

export interface RealdataTable {
  /** every selected data set, with the results found so far */
  rows: { dataset: CatalogEntry; results: Partial<Record<ContestantName, ContestantResult>> }[];
  /** the data sets every contestant has finished: the summaries are over these */
  complete: number;
  summary: Record<string, ContestantSummary> | null;
  pairs: PairSummary[];
  /** the scatter's pair (`pair`, in its order) over the data sets both have finished */
  scatter: (PairSummary & { datasets: number }) | null;
}

export function realdataTable(selection: RealdataSelection, lookup: ResultLookup): RealdataTable {
  const { contestants, prep } = selection;
  const rows = selection.datasets.map((dataset) => ({
    dataset,
    results: Object.fromEntries(
      contestants.flatMap((c) => {
        const r = lookup(dataset.name, c, prep);
        return r ? [[c, r]] : [];
      }),
    ) as Partial<Record<ContestantName, ContestantResult>>,
  }));
  const accuracies = rows
    .filter((r) => contestants.every((c) => r.results[c]))
    .map((r) => contestants.map((c) => r.results[c]!.accuracy));
  const pair = selection.pair;
  const both = pair
    ? rows.filter((r) => r.results[pair[0]] && r.results[pair[1]]).map((r) => pair.map((c) => r.results[c]!.accuracy))
    : [];
  return {
    rows,
    complete: accuracies.length,
    summary: accuracies.length > 0 ? summarize(contestants, accuracies) : null,
    pairs: accuracies.length > 0 ? pairStatistics(contestants, accuracies) : [],
    scatter: pair && both.length > 0 ? { ...pairStatistics(pair, both)[0], datasets: both.length } : null,
  };
}
