/**
 * The headless real-data run (docs/realdata.md §6): the link's selection as jobs on a pool of Node worker
 * threads (cli/realdataWorker.ts), `--threads` of them (default: the machine's cores). Progress goes to
 * standard error when it is a terminal.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ContestantName } from '../src/core/realdata/contestants';
import type { Prep } from '../src/core/realdata/dataset';
import { CsvError, readCsvDataset } from '../src/core/realdata/csv';
import type { ContestantResult, Dataset } from '../src/core/realdata/types';
import { UsageError, type CommandIo } from '../src/figure/command';
import { fileNameText, type LinkState } from '../src/link';
import type { RealdataWorkerApi } from '../src/realdata/api';
import { resultKey } from '../src/realdata/keptResults';
import { realdataJobs } from '../src/realdata/jobs';
import { runPool } from '../src/realdata/pool';
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
    if (state.file !== '' && fileNameText(basename(path)) !== state.file)
      err(`notice: the link was made with a file named ${state.file}; this one is ${basename(path)}\n`);
    return read.dataset;
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/**
 * `--cache <dir>`: one JSON file per result, named by data set, contestant and prep (the user's file by the
 * SHA-256 of its text, label column and seed), under the protocol version: a long run that is stopped
 * keeps what it finished, and the next run with the same directory computes only the rest.
 */
function resultCache(dir: string | undefined, customId: string | null) {
  if (dir === undefined) return null;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`could not use --cache ${dir}: ${(error as Error).message}`);
  }
  const file = (id: string, c: ContestantName, prep: string) =>
    join(dir, `${resultKey(id === CUSTOM_ID && customId ? customId : id, c, prep as Prep).replaceAll('|', '_')}.json`);
  return {
    read(id: string, c: ContestantName, prep: string): ContestantResult | undefined {
      try {
        return JSON.parse(readFileSync(file(id, c, prep), 'utf8')) as ContestantResult;
      } catch {
        return undefined;
      }
    },
    write(id: string, c: ContestantName, prep: string, result: ContestantResult) {
      writeFileSync(file(id, c, prep), `${JSON.stringify(result)}\n`);
    },
  };
}

export const runRealdata: NonNullable<CommandIo['runRealdata']> = async (state, options, err) => {
  const custom = state.data === CUSTOM_ID && options.dataFile ? readCustom(options.dataFile, state, err) : null;
  const customId =
    custom && options.dataFile
      ? `custom:${createHash('sha256').update(readFileSync(options.dataFile)).digest('hex')}:${state.label}:${state.seed}`
      : null;
  const cache = resultCache(options.cache, customId);
  const selection = selectionOf(
    state,
    custom && { name: custom.name, n: custom.n, d: custom.d, classes: custom.classes },
  );
  const results = new Map<string, ContestantResult>();
  const key = (id: string, c: ContestantName) => `${id}|${c}`;
  const threads = options.threads ?? availableParallelism();
  const jobs = realdataJobs(
    selection,
    {
      missing: (entry) =>
        selection.contestants.filter((c) => {
          const kept = cache?.read(entry.name, c, selection.prep);
          if (kept) results.set(key(entry.name, c), kept);
          return !kept;
        }),
      source: (entry) =>
        custom && entry.name === CUSTOM_ID
          ? { kind: 'custom', dataset: custom }
          : { kind: 'shipped', name: entry.name, location: fileURLToPath(new URL(`${entry.name}.json`, DATA_DIR)) },
      id: (entry) => entry.name,
    },
    threads,
  );
  const tty = process.stderr.isTTY;
  let limited = 0;
  await runPool({
    jobs,
    threads,
    spawn: spawnWorker,
    onResult: (id, c, result, hits) => {
      limited += hits;
      results.set(key(id, c), result);
      cache?.write(id, c, selection.prep, result);
    },
    onProgress: ({ done, total, remainingMs }) => {
      if (!tty) return;
      const left = remainingMs === null ? '' : `, about ${Math.ceil(remainingMs / 1000)} s left`;
      process.stderr.write(`\r${done} of ${total} data sets done${left}   `);
    },
  });
  if (tty) process.stderr.write('\n');
  if (limited > 0)
    err(
      `note: LIBSVM's solver stopped at its iteration limit ${limited} time${limited === 1 ? '' : 's'} (docs/realdata.md "Which SVM")\n`,
    );
  return { selection, table: realdataTable(selection, (id, c) => results.get(key(id, c))) };
};
