/** Loading the high-precision reference tables (copied from the shared spec into tests/fixtures). */
import { readFileSync } from 'node:fs';
import { defaultInstance, type KernelInstance, type ParamValue } from '../../src/core/kernels/registry';

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * Kernel named in the reference files: `ntk_L3_beta0.5` (convention B; tests/fixtures/generate.py, "Kernel names"),
 * `laplace_c2`, `gexp_gamma0.5_c1`, or link syntax such as `ntk(L=3,beta=1,bias=random)`.
 */
export function referenceKernel(name: string): KernelInstance {
  let m = /^ntk_L(\d+)_beta([\d.]+)$/.exec(name);
  if (m) return defaultInstance('ntk', { L: Number(m[1]), beta: Number(m[2]), bias: 'random' });
  m = /^laplace_c([\d.]+)$/.exec(name);
  if (m) return defaultInstance('laplace', { c: Number(m[1]) });
  m = /^gexp_gamma([\d.]+)_c([\d.]+)$/.exec(name);
  if (m) return defaultInstance('gexp', { gamma: Number(m[1]), c: Number(m[2]) });
  m = /^(\w+)(?:\((.*)\))?$/.exec(name);
  if (!m) throw new Error(`unreadable reference kernel ${name}`);
  const params: Record<string, ParamValue> = {};
  for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
    const [k, v] = kv.split('=');
    params[k] = Number.isNaN(Number(v)) ? v : Number(v);
  }
  return defaultInstance(m[1], params);
}

/** An angle written as "0.1", "1e-9", "pi", "pi-1e-6": its carried cosine (δ, σ), exact near π too. */
export function carriedFromReferenceAngle(text: string): { delta: number; sigma: number } {
  const nearPi = /^pi(?:-(.+))?$/.exec(text);
  if (nearPi) {
    const eps = nearPi[1] ? Number(nearPi[1]) : 0;
    const s = Math.sin(eps / 2);
    const c = Math.cos(eps / 2);
    return { delta: 2 * c * c, sigma: 2 * s * s };
  }
  const t = Number(text);
  const s = Math.sin(t / 2);
  const c = Math.cos(t / 2);
  return { delta: 2 * s * s, sigma: 2 * c * c };
}

/**
 * Relative error, except where the reference is below 1e−40 in size: at exactly antipodal points the
 * 50-digit references hold the rounding of π itself (~1e−52 instead of 0), so there the error is absolute.
 */
export function relativeError(got: number, ref: number): number {
  return Math.abs(ref) < 1e-40 ? Math.abs(got - ref) : Math.abs(got - ref) / Math.abs(ref);
}
