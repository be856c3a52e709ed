/** Latest-wins channels: only the newest request's result, or failure, reaches the view. */
import { describe, expect, it } from 'vitest';
import { STALE, coalesced, latestWins } from '../../src/workerClient/client';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('latestWins', () => {
  it('drops a superseded result and a superseded failure; delivers the latest of either', async () => {
    const calls = [deferred<string>(), deferred<string>(), deferred<string>()];
    let i = 0;
    const channel = latestWins(() => calls[i++].promise);
    const first = channel('a');
    const second = channel('b');
    calls[0].resolve('old result');
    calls[1].reject(new Error('old failure'));
    const third = channel('c');
    await expect(first).resolves.toBe(STALE);
    await expect(second).resolves.toBe(STALE);
    calls[2].reject(new Error('current failure'));
    await expect(third).rejects.toThrow('current failure');
    const fourth = latestWins(async (x: string) => x.toUpperCase())('d');
    await expect(fourth).resolves.toBe('D');
  });
});

describe('coalesced', () => {
  it('runs one call at a time; of the requests made meanwhile only the newest runs', async () => {
    const started: string[] = [];
    const pending = new Map<string, ReturnType<typeof deferred<string>>>();
    const channel = coalesced((req: string) => {
      started.push(req);
      const d = deferred<string>();
      pending.set(req, d);
      return d.promise;
    });
    const a = channel('a');
    const b = channel('b');
    const c = channel('c');
    expect(started).toEqual(['a']); // b and c wait; b is superseded by c before it starts
    await expect(b).resolves.toBe(STALE);
    pending.get('a')!.resolve('A');
    await expect(a).resolves.toBe(STALE); // c was asked for after a
    await Promise.resolve();
    expect(started).toEqual(['a', 'c']);
    pending.get('c')!.resolve('C');
    await expect(c).resolves.toBe('C');
    const d = channel('d');
    pending.get('d')!.reject(new Error('current failure'));
    await expect(d).rejects.toThrow('current failure');
  });
});
