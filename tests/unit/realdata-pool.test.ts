/**
 * The pool that runs real-data jobs on workers (src/realdata/pool.ts), with fake workers: largest first,
 * at most two large data sets at once, each result delivered once (by callback or with the answer, whichever
 * comes first), progress per data set, cancel and a dying worker.
 */
import type { Remote } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { ContestantResult } from '../../src/core/realdata/types';
import type { JobResult, RealdataJob, RealdataWorkerApi } from '../../src/realdata/api';
import { runPool, type PoolJob, type PoolProgress, type PoolWorker } from '../../src/realdata/pool';

const result = (accuracy: number): ContestantResult => ({
  params: {},
  C: 1,
  validation: accuracy,
  folds: [],
  accuracy,
});
const job = (id: string, n: number, contestants: RealdataJob['contestants'] = ['laplace']): PoolJob => ({
  id,
  n,
  weight: n * n,
  source: { kind: 'shipped', name: id, location: id },
  prep: 'zscore',
  contestants,
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

interface Log {
  started: string[];
  running: number;
  maxHeavy: number;
  terminated: number;
}

/** A fake worker: each job takes a few ticks; `late` sends the callbacks only after answering. */
function fakeWorker(log: Log, options: { late?: boolean; dieOn?: string } = {}): PoolWorker {
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const api = {
    async run(j: RealdataJob, onResult: (r: JobResult) => void, onProgress: (f: number) => void) {
      const name = j.source.kind === 'shipped' ? j.source.name : 'custom';
      log.started.push(name);
      log.running++;
      if (j.source.kind === 'shipped' && Number(name.split(':')[1] ?? 0) > 2000) {
        log.maxHeavy = Math.max(log.maxHeavy, log.running);
      }
      if (name === options.dieOn) fail(new Error('worker died'));
      for (let i = 0; i < 3; i++) {
        await tick();
        onProgress((i + 1) / 3);
      }
      log.running--;
      const found = j.contestants.map((c, k) => ({ contestant: c, result: result(k / 10), iterationLimitHits: 0 }));
      if (options.late) setTimeout(() => found.forEach(onResult), 5);
      else found.forEach(onResult);
      return found;
    },
  };
  return {
    api: api as unknown as Remote<RealdataWorkerApi>,
    terminate: () => {
      log.terminated++;
    },
    failed,
  };
}

const newLog = (): Log => ({ started: [], running: 0, maxHeavy: 0, terminated: 0 });

describe('runPool', () => {
  it('runs every job once, largest first, and delivers each result once (callbacks arriving late are dropped)', async () => {
    for (const late of [false, true]) {
      const log = newLog();
      const got: string[] = [];
      await runPool({
        jobs: [job('a', 10, ['ntk', 'laplace']), job('b', 300), job('c', 50)],
        threads: 1,
        spawn: () => fakeWorker(log, { late }),
        onResult: (id, c) => got.push(`${id}/${c}`),
      });
      await new Promise((resolve) => setTimeout(resolve, 20)); // let late callbacks arrive
      expect(log.started).toEqual(['b', 'c', 'a']);
      expect(got.sort()).toEqual(['a/laplace', 'a/ntk', 'b/laplace', 'c/laplace']);
      expect(log.terminated).toBe(1);
    }
  });

  it('runs at most two data sets with more than 2000 rows at once, whatever the number of workers', async () => {
    const log = newLog();
    const jobs = [1, 2, 3, 4, 5].map((i) => job(`big${i}:${3000 + i}`, 3000 + i));
    await runPool({ jobs, threads: 4, spawn: () => fakeWorker(log), onResult: () => {} });
    expect(log.started).toHaveLength(5);
    expect(log.maxHeavy).toBe(2);
  });

  it('reports progress per data set (a data set split by contestant is done when all its jobs are)', async () => {
    const log = newLog();
    const seen: PoolProgress[] = [];
    await runPool({
      jobs: [job('x', 100, ['ntk']), job('x', 100, ['laplace']), job('y', 10)],
      threads: 2,
      spawn: () => fakeWorker(log),
      onResult: () => {},
      onProgress: (p) => seen.push(p),
    });
    expect(seen.every((p) => p.total === 2 && p.fraction >= 0 && p.fraction <= 1)).toBe(true);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ done: 2, fraction: 1 });
  });

  it('does not start a worker when there is nothing to do', async () => {
    let spawned = 0;
    await runPool({ jobs: [], threads: 2, spawn: () => (spawned++, fakeWorker(newLog())), onResult: () => {} });
    expect(spawned).toBe(0);
  });

  it('a cancelled run stops at once with an AbortError and its workers terminated', async () => {
    const log = newLog();
    const controller = new AbortController();
    const run = runPool({
      jobs: [job('a', 10), job('b', 10), job('c', 10)],
      threads: 2,
      spawn: () => fakeWorker(log),
      onResult: () => {},
      signal: controller.signal,
    });
    await tick();
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(log.terminated).toBe(2);
  });

  it('a worker that dies fails the run instead of hanging it', async () => {
    const log = newLog();
    await expect(
      runPool({
        jobs: [job('a', 10), job('b', 20)],
        threads: 1,
        spawn: () => fakeWorker(log, { dieOn: 'b' }),
        onResult: () => {},
      }),
    ).rejects.toThrow('worker died');
    expect(log.terminated).toBe(1);
  });
});
