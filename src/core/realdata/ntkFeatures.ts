/**
 * The kernel matrix of the `ntk-rf` contestant (docs/realdata.md §3, "Random features against the exact
 * NTK"): the NTK ntk(L), β = 0, approximated by D random features (docs/finite.md §3,
 * src/core/finite/features.ts), K̂ = ΨΨᵀ over all n rows.
 *
 * A linear SVM on the features Ψ and LIBSVM's C-SVC on the precomputed K̂ = ΨΨᵀ solve the same dual problem
 * (LIBSVM's linear kernel is exactly ψ(x)ᵀψ(z)), so they give the same classifier; the precomputed path keeps
 * the protocol, its cost grid and its class order exactly as for every other contestant (svm.ts).
 *
 * L = 1 uses the arc-cosine map, exact in expectation, through its Gram matrix (the tensor product
 * φ̇(x) ⊗ x is never formed); L ≥ 2 the TensorSRHT-sketched map with 2D coordinates. Each configuration
 * draws from its own generator seeded with `seed`, so the matrix of a configuration is the same whether
 * the grid is run in full or one configuration is recomputed (protocol.ts recomputes the chosen one).
 */
import { arcCosineNtkGrams, featureGram, sketchedNtkFeatures } from '../finite/features';
import type { NtkParams } from '../kernels/ntk';
import { seededRandom } from '../numerics/random';

/** Runs one of features.ts's work-reporting generators to its end (no progress is needed here). */
function finish<T>(work: Generator<number, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** K̂ (n × n, full, row-major) of ntk(L), β = 0, from D random directions per layer drawn from `seed`. */
export function ntkRandomFeatureGram(
  points: Float64Array,
  n: number,
  d: number,
  L: number,
  D: number,
  seed: number,
): Float64Array {
  const p: NtkParams = { L, beta: 0, bias: 'zero' };
  const rng = seededRandom(seed);
  if (L === 1) {
    let gram: Float64Array = new Float64Array(0);
    finish(
      arcCosineNtkGrams(points, n, d, p, [D], rng, (_, g) => {
        gram = g;
      }),
    );
    return gram;
  }
  const { features, dim } = finish(sketchedNtkFeatures(points, n, d, p, D, rng));
  return finish(featureGram(features, n, dim));
}
