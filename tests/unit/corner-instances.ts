/** Registry-driven parameter corners: every family at every combination of its parameters' extremes. */
import { FAMILIES, type KernelFamily, type KernelInstance, type ParamValue } from '../../src/core/kernels/registry';

/** The extremes of one parameter: numbers min and max; discrete numbers and choices every allowed value or word. */
export function extremes(p: KernelFamily['params'][number]): ParamValue[] {
  return p.kind === 'choice' ? p.options.map((o) => o.value) : p.allowed ? [...p.allowed] : [p.min, p.max];
}

/** All combinations of each parameter's extremes, family by family in registry order. */
export function cornerInstances(): KernelInstance[] {
  const out: KernelInstance[] = [];
  for (const f of FAMILIES) {
    let combos: Record<string, ParamValue>[] = [{}];
    for (const p of f.params) {
      combos = combos.flatMap((c) => extremes(p).map((v) => ({ ...c, [p.key]: v })));
    }
    out.push(...combos.map((params) => ({ family: f.id, params })));
  }
  return out;
}
