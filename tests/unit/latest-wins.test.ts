/** Latest-wins channels: only the newest request's result, or failure, reaches the view. */
import { describe, expect, it } from 'vitest';
import { STALE, latestWins } from '../../src/worker/client';

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
