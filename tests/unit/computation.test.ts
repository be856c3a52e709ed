/**
 * The one fetch pattern's channel (src/ui/compute/useComputation.ts `computation`): a superseded result is
 * never delivered, `coalesced` keeps at most one call in flight, kept results are answered without a new
 * call, prefetch fills them ahead of need, and a compute stopped in the worker (null) stays null.
 */
import { describe, expect, it } from 'vitest';
import { computation } from '../../src/ui/compute/useComputation';
import { STALE } from '../../src/workerClient/client';

/** A compute whose calls the test resolves by hand, in any order. */
function manual<Res>() {
  const calls: { req: number; resolve(r: Res | null): void }[] = [];
  const compute = (req: number) => new Promise<Res | null>((resolve) => calls.push({ req, resolve }));
  return { calls, compute };
}

describe('computation channels', () => {
  it('latest: an answer that arrives after a newer request is STALE; the newest is delivered', async () => {
    const { calls, compute } = manual<string>();
    const view = computation(compute);
    const first = view.run(1);
    const second = view.run(2);
    calls[1].resolve('two');
    calls[0].resolve('one');
    expect(await second).toBe('two');
    expect(await first).toBe(STALE);
  });

  it('coalesced: at most one call in flight; of the waiting requests only the newest is sent', async () => {
    const { calls, compute } = manual<string>();
    const view = computation(compute, { channel: 'coalesced' });
    const a = view.run(1);
    const b = view.run(2);
    const c = view.run(3);
    expect(calls.map((x) => x.req)).toEqual([1]);
    expect(await b).toBe(STALE);
    calls[0].resolve('one');
    expect(await a).toBe(STALE); // superseded while in flight
    await Promise.resolve();
    expect(calls.map((x) => x.req)).toEqual([1, 3]);
    calls[1].resolve('three');
    expect(await c).toBe('three');
  });

  it('a compute stopped in the worker (null) is delivered as null, for the caller to ignore', async () => {
    const { calls, compute } = manual<string>();
    const view = computation(compute);
    const run = view.run(1);
    calls[0].resolve(null);
    expect(await run).toBeNull();
  });

  it('keep: a kept request is answered without a new call; the least recently used goes first', async () => {
    let count = 0;
    const view = computation(
      async (req: number) => {
        count++;
        return `value ${req}`;
      },
      { keep: 2 },
    );
    expect(await view.run(1)).toBe('value 1');
    expect(await view.run(2)).toBe('value 2');
    expect(await view.run(1)).toBe('value 1');
    expect(count).toBe(2);
    expect(await view.run(3)).toBe('value 3'); // evicts 2, the least recently used
    expect(await view.run(1)).toBe('value 1');
    expect(count).toBe(3);
    expect(await view.run(2)).toBe('value 2');
    expect(count).toBe(4);
  });

  it('prefetch computes ahead of need with keep, and does nothing without it', async () => {
    let count = 0;
    const compute = async (req: number) => {
      count++;
      return req * 10;
    };
    const kept = computation(compute, { keep: 4 });
    kept.prefetch([5, 6]);
    expect(count).toBe(2);
    expect(await kept.run(6)).toBe(60);
    expect(count).toBe(2);
    const plain = computation(compute);
    plain.prefetch([7]);
    expect(count).toBe(2);
    expect(await plain.run(7)).toBe(70);
    expect(count).toBe(3);
  });
});
