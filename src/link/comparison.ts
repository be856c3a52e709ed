/**
 * Two kernel instances compared by position: ra/rb (the spectrum's ratio λ_k(A)/λ_k(B)) and da/db (the
 * off-sphere difference map and the Gram distance D). A position beyond the last kernel means the last
 * (links.md §1), so a comparison can point twice at one instance — a link may say so (`rb=1`), or the list
 * may have been cut to one kernel. A ratio of 1, a difference of 0 and D = 0 are true of every kernel
 * compared with itself: such a comparison has no result and is shown as such, never drawn as a finding.
 */
import { type KernelInstance, kernelLabel } from '../core/kernels/registry';

export type SameComparison = 'one kernel' | 'same instance' | 'same kernel';

export interface Comparison {
  /** 1-based positions of A and B within the list */
  a: number;
  b: number;
  /** why A and B cannot differ, or null when they are two different kernels */
  same: SameComparison | null;
}

/** A position parameter (1-based) resolved within a list of `count` kernels: beyond the last, the last. */
export const resolvePosition = (p: number, count: number): number => Math.min(Math.max(1, p), Math.max(1, count));

const sameKernel = (x: KernelInstance, y: KernelInstance): boolean =>
  x.family === y.family &&
  Object.keys(x.params).length === Object.keys(y.params).length &&
  Object.entries(x.params).every(([key, value]) => y.params[key] === value);

export function comparison(kernels: readonly KernelInstance[], a: number, b: number): Comparison {
  const [pa, pb] = [resolvePosition(a, kernels.length), resolvePosition(b, kernels.length)];
  const same: SameComparison | null =
    kernels.length < 2
      ? 'one kernel'
      : pa === pb
        ? 'same instance'
        : sameKernel(kernels[pa - 1], kernels[pb - 1])
          ? 'same kernel'
          : null;
  return { a: pa, b: pb, same };
}

/** What the screen says instead of a result when A and B cannot differ (null when they can). */
export function sameComparisonText(kernels: readonly KernelInstance[], c: Comparison): string | null {
  const name = (p: number) => kernelLabel(kernels[p - 1], p - 1);
  switch (c.same) {
    case null:
      return null;
    case 'one kernel':
      return `Only one kernel (${name(c.a)}): add a second kernel to compare two.`;
    case 'same instance':
      return `A and B are both ${name(c.a)}: a kernel compared with itself shows nothing. Choose two different kernels.`;
    case 'same kernel':
      return `A (${name(c.a)}) and B (${name(c.b)}) are the same kernel, with the same parameters: change one of them or choose another.`;
  }
}
