/**
 * src/ui/compute/keptResults.ts: the profile view's kept results (a key press is drawn from them in its own frame).
 */
import { describe, expect, it } from 'vitest';
import { keptResults } from '../../src/ui/compute/keptResults';

function counting() {
  const calls: number[] = [];
  const compute = async (n: number) => {
    calls.push(n);
    if (n < 0) throw new Error(`no square of ${n} today`);
    return n * n;
  };
  return { calls, compute };
}

describe('keptResults', () => {
  it('computes a request once: a kept result comes back itself, a request in flight is shared', async () => {
    const { calls, compute } = counting();
    const squares = keptResults(compute, 3);
    const first = squares(4);
    const second = squares(4);
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    expect(await first).toBe(16);
    expect(squares(4)).toBe(16);
    expect(calls).toEqual([4]);
  });

  it('keeps the last `size` results, dropping the least recently used', async () => {
    const { calls, compute } = counting();
    const squares = keptResults(compute, 2);
    await squares(1);
    await squares(2);
    expect(squares(1)).toBe(1); // 1 is now the most recently used
    await squares(3); // drops 2
    expect(squares(1)).toBe(1);
    expect(squares(3)).toBe(9);
    expect(squares(2)).toBeInstanceOf(Promise);
    expect(calls).toEqual([1, 2, 3, 2]);
  });

  it('does not keep a failure: the next call computes again', async () => {
    const { calls, compute } = counting();
    const squares = keptResults(compute, 2);
    await expect(squares(-1)).rejects.toThrow('no square of -1');
    await expect(squares(-1)).rejects.toThrow('no square of -1');
    expect(calls).toEqual([-1, -1]);
  });

  it('tells requests apart by their JSON text', async () => {
    const calls: string[] = [];
    const echo = keptResults(async (req: { a: number; b?: number }) => (calls.push(JSON.stringify(req)), req.a), 4);
    await echo({ a: 1 });
    expect(echo({ a: 1 })).toBe(1);
    await echo({ a: 1, b: 2 });
    expect(calls).toEqual(['{"a":1}', '{"a":1,"b":2}']);
  });
});
