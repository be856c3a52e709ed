/**
 * Comparisons of two instances by position (src/link/comparison.ts): a position beyond the list means the
 * last; a comparison of an instance with itself (or with an identical copy) is named, never a result.
 */
import { describe, expect, it } from 'vitest';
import { defaultInstance } from '../../src/core/kernels/registry';
import { comparison, parseLink, sameComparisonText } from '../../src/link';

describe('comparison', () => {
  it('the link ?kernels=ntk(L=2),laplace&rb=1&db=1 compares kernel 1 with itself, and says so', () => {
    const { state } = parseLink('?kernels=ntk(L=2),laplace&rb=1&db=1');
    for (const [a, b] of [
      [state.ra, state.rb],
      [state.da, state.db],
    ]) {
      const c = comparison(state.kernels, a, b);
      expect(c).toEqual({ a: 1, b: 1, same: 'same instance' });
      expect(sameComparisonText(state.kernels, c)).toMatch(/^A and B are both 1\. .*NTK/);
    }
  });

  it('positions beyond the list mean the last; two different kernels have no text', () => {
    const kernels = [defaultInstance('ntk', { L: 2 }), defaultInstance('laplace')];
    const c = comparison(kernels, 1, 7);
    expect(c).toEqual({ a: 1, b: 2, same: null });
    expect(sameComparisonText(kernels, c)).toBeNull();
    expect(comparison(kernels, 5, 2)).toEqual({ a: 2, b: 2, same: 'same instance' });
  });

  it('one kernel: nothing to compare, whatever the positions', () => {
    const kernels = [defaultInstance('laplace')];
    const c = comparison(kernels, 1, 2);
    expect(c.same).toBe('one kernel');
    expect(sameComparisonText(kernels, c)).toMatch(/add a second kernel/);
  });

  it('two instances with the same family and parameters are the same kernel; one parameter apart, they are not', () => {
    const kernels = [
      defaultInstance('ntk', { L: 3 }),
      defaultInstance('ntk', { L: 3 }),
      defaultInstance('ntk', { L: 4 }),
    ];
    expect(comparison(kernels, 1, 2).same).toBe('same kernel');
    expect(sameComparisonText(kernels, comparison(kernels, 1, 2))).toMatch(/same parameters/);
    expect(comparison(kernels, 2, 3).same).toBeNull();
  });
});
