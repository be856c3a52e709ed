/**
 * The headless real-data run (docs/realdata.md §6): the link's selection as jobs on a pool of Node worker
 * threads (cli/realdataWorker.ts), `--threads` of them (default: the machine's cores). Progress goes to
 * standard error when it is a terminal.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { contestant, type ContestantName } from '../src/core/realdata/contestants';
import { CsvError, readCsvDataset } from '../src/core/realdata/csv';
import type { ContestantResult, Dataset } from '../src/core/realdata/types';
import { UsageError, type CommandIo } from '../src/figure/command';
import type { LinkState } from '../src/link';
import type { RealdataWorkerApi } from '../src/realdata/api';
import { jobWeight, runPool, type PoolJob } from '../src/realdata/pool';
import { CUSTOM_ID, realdataTable, selectionOf } from '../src/realdata/selection';

const DATA_DIR = new URL('../public/data/uci90/', import.meta.url);

function spawnWorker() {
  const worker = new Worker(new URL('./tsWorker.mjs', import.meta.url), {
    workerData: { entry: new URL('./realdataWorker.ts', import.meta.url).href },
  });
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  failed.catch(() => {});
  return { api: wrap<RealdataWorkerApi>(nodeEndpoint(worker)), terminate: () => void worker.terminate(), failed };
}

function readCustom(path: string, state: LinkState, err: (text: string) => void): Dataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`could not read --data-file ${path}: ${(error as Error).message}`);
  }
  try {
    const read = readCsvDataset(text, {
      name: basename(path),
      label: state.label === 0 ? undefined : state.label - 1,
      seed: state.seed,
    });
    for (const notice of read.notices) err(`notice: ${notice}\n`);
    return read.dataset;
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

export const runRealdata: NonNullable<CommandIo['runRealdata']> = async (state, options, err) => {
  const custom = state.data === CUSTOM_ID && options.dataFile ? readCustom(options.dataFile, state, err) : null;
  const selection = selectionOf(
    state,
    custom && { name: custom.name, n: custom.n, d: custom.d, classes: custom.classes },
  );
  const configurations = selection.contestants.reduce((s, c) => s + contestant(c)!.size, 0);
  const jobs: PoolJob[] = selection.datasets.map((entry) => ({
    id: entry.name,
    source:
      custom && entry.name === CUSTOM_ID
        ? { kind: 'custom', dataset: custom }
        : { kind: 'shipped', name: entry.name, location: new URL(`${entry.name}.json`, DATA_DIR).pathname },
    prep: selection.prep,
    contestants: selection.contestants,
    weight: jobWeight(entry.n, configurations),
  }));
  const results = new Map<string, ContestantResult>();
  const key = (id: string, c: ContestantName) => `${id}|${c}`;
  const tty = process.stderr.isTTY;
  await runPool({
    jobs,
    threads: options.threads ?? availableParallelism(),
    spawn: spawnWorker,
    onResult: (id, c, result) => results.set(key(id, c), result),
    onProgress: ({ done, total, remainingMs }) => {
      if (!tty) return;
      const left = remainingMs === null ? '' : `, about ${Math.ceil(remainingMs / 1000)} s left`;
      process.stderr.write(`\r${done} of ${total} data sets done${left}   `);
    },
  });
  if (tty) process.stderr.write('\n');
  return { selection, table: realdataTable(selection, (id, c) => results.get(key(id, c))) };
};
