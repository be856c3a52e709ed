/**
 * The contestants of the real-data experiments (docs/realdata.md §3): a kernel family with a grid of
 * parameters. THE table: the panel, the link (`contest`, `pair`), the figure and the tests read it.
 * Each yields, in grid order, the kernel matrix of every configuration over all n rows (§2); the SVM cost C
 * is the innermost loop of every grid and lives in protocol.ts.
 *
 * `ntk`, `laplace`, `gexp` and `gauss` are this app's kernels, evaluated by the kernel registry
 * (src/core/kernels/registry.ts) through the Gram matrix of the off-sphere views; `arora` is the recursion of
 * Arora et al.'s published NTK code (§3), entry by entry (floating-point operations may differ from their
 * NumPy code in the last bit). `ntk-rf` is `ntk` approximated by random features (ntkFeatures.ts). `rntk` is
 * the recurrent NTK (src/core/rntk/recursion.ts) of each row read as a scalar sequence (rowSequences.ts).
 */
import { defaultInstance, type Params } from '../kernels/registry';
import { gramMatrices } from '../offsphere/gram';
import { rntkGram } from '../rntk/recursion';
import { ntkRandomFeatureGram } from './ntkFeatures';
import { rowSequences } from './rowSequences';

export const CONTESTANT_NAMES = ['arora', 'ntk', 'ntk-rf', 'rntk', 'laplace', 'gexp', 'gauss'] as const;
export type ContestantName = (typeof CONTESTANT_NAMES)[number];

/** The scale grid A of §3: c = a/m^γ. */
export const SCALES = [1 / 8, 1 / 4, 1 / 2, 1, 2, 4, 8] as const;
/** The γ grid of `gexp` (§3). */
export const GEXP_GAMMAS = [0.5, 1.5] as const;
/** The SVM cost grid of §2, ascending. */
export const COSTS = [1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4] as const;

/** One configuration: the grid values named as §3 lists them (`dep`, `fix`; `L`; `su`, `sb`; `gamma`, `a`, `c`). */
export type Configuration = Record<string, number>;

export interface Contestant {
  name: ContestantName;
  /** short label for tables and legends */
  label: string;
  /** the kernel, as text */
  formula: string;
  /** the grid, as text */
  gridText: string;
  /** number of kernel configurations (times COSTS.length SVM fits each) */
  size: number;
  /**
   * The cost of one configuration relative to the other contestants' on rows of d features (the real-data
   * pool's job weights, src/realdata/pool.ts); 1 when omitted. `rntk` runs its recursion over the d features
   * of every pair, so its cost grows with d: measured ×3 at d = 6 (car) and ×31 at d = 256 (semeion); 1 + d/8
   * (1.75 and 33) is a rough fit, enough to order and weigh the jobs.
   */
  relativeCost?(d: number): number;
  /**
   * The kernel matrices over all n rows (row-major n×n), one configuration at a time in grid order;
   * m is the median distance of §3 (used by the distance-based kernels). With `only`, just the matrix of the
   * configuration at that grid index (the protocol recomputes the chosen one rather than keep it).
   */
  matrices(
    points: Float64Array,
    n: number,
    d: number,
    m: number,
    only?: number,
  ): Iterable<{ params: Configuration; K: Float64Array }>;
}

/**
 * Arora et al.'s recursion for one entry (§3; their NTK.py, activation covariance without the factor 2):
 * S starts at xᵀz, H at 0; at each depth t ≤ dep, H += S when fix ≤ t, and at t = dep H is the kernel;
 * otherwise ρ = S/P (clipped to [−1, 1]) with P = max(√(S_xx·S_zz), 1e−9),
 * S ← (ρ(π − arccos ρ) + √(1 − ρ²))·P/(2π), H ← H·(π − arccos ρ)/(2π). `diagX[t]`, `diagZ[t]` are the
 * diagonal entries S_xx, S_zz at depth t, computed by this same recursion on (x, x) and (z, z) — as the
 * matrix form computes them.
 */
function aroraEntry(s0: number, diagX: Float64Array, diagZ: Float64Array, dep: number, fix: number): number {
  let S = s0;
  let H = 0;
  for (let t = 0; ; t++) {
    if (fix <= t) H += S;
    if (t === dep) return H;
    const P = Math.max(Math.sqrt(diagX[t] * diagZ[t]), 1e-9);
    const rho = Math.min(1, Math.max(-1, S / P));
    const angle = Math.PI - Math.acos(rho);
    S = ((rho * angle + Math.sqrt(1 - rho * rho)) * P) / (2 * Math.PI);
    H = (H * angle) / (2 * Math.PI);
  }
}

/** Depths of Arora et al.'s grid: dep = 0..4 hidden layers. */
const ARORA_DEPTHS = 5;

/** S's diagonal at depths 0..4 for every row: the entry recursion run on (x_i, x_i). */
function aroraDiagonals(gram: Float64Array, n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => {
    const diag = new Float64Array(ARORA_DEPTHS);
    diag[0] = gram[i * n + i];
    for (let t = 1; t < ARORA_DEPTHS; t++) {
      const P = Math.max(Math.sqrt(diag[t - 1] * diag[t - 1]), 1e-9);
      const rho = Math.min(1, Math.max(-1, diag[t - 1] / P));
      const angle = Math.PI - Math.acos(rho);
      diag[t] = ((rho * angle + Math.sqrt(1 - rho * rho)) * P) / (2 * Math.PI);
    }
    return diag;
  });
}

/** XXᵀ, summed in coordinate order. */
function linearGram(points: Float64Array, n: number, d: number): Float64Array {
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += points[i * d + k] * points[j * d + k];
      G[i * n + j] = s;
      G[j * n + i] = s;
    }
  }
  return G;
}

const arora: Contestant = {
  name: 'arora',
  label: 'Arora NTK',
  formula: "Arora et al.'s NTK code: dep hidden layers, the bottom fix untrained (fix = dep: NNGP; dep = 0: xᵀz)",
  gridText: 'dep = 0..4, fix = 0..dep',
  size: 15,
  *matrices(points, n, d, _m, only) {
    const G = linearGram(points, n, d);
    const diagonals = aroraDiagonals(G, n);
    let index = 0;
    for (let dep = 0; dep < ARORA_DEPTHS; dep++) {
      for (let fix = 0; fix <= dep; fix++, index++) {
        if (only !== undefined && index !== only) continue;
        const K = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = i; j < n; j++) {
            const v = aroraEntry(G[i * n + j], diagonals[i], diagonals[j], dep, fix);
            K[i * n + j] = v;
            K[j * n + i] = v;
          }
        }
        yield { params: { dep, fix }, K };
      }
    }
  },
};

/**
 * Kernel-matrix entries computed together: configurations share one pass over the pairs while their
 * matrices fit in this many entries (all of a small data set's grid at once; one at a time for n = 5000).
 */
const BATCH_ENTRIES = 4_000_000;

/** The NTK depths of the `ntk` and `ntk-rf` grids. */
const NTK_DEPTHS = [1, 2, 3, 4, 5] as const;
/**
 * `ntk-rf`'s random directions per layer and seed (§3, "Random features against the exact NTK"): the
 * defaults of the link's `rf` and `seed`, fixed so that a result depends on (data set, contestant, prep)
 * alone, as the kept results and the CLI's cache assume.
 */
export const NTK_RF_DIMENSION = 1024;
export const NTK_RF_SEED = 1;

const ntkRf: Contestant = {
  name: 'ntk-rf',
  label: 'NTK, random features',
  formula: `ntk(L), β = 0, approximated by ${NTK_RF_DIMENSION} random features per layer (seed ${NTK_RF_SEED}; finite.md §3); K̂ = ΨΨᵀ`,
  gridText: 'L = 1..5',
  size: NTK_DEPTHS.length,
  *matrices(points, n, d, _m, only) {
    for (let index = 0; index < NTK_DEPTHS.length; index++) {
      if (only !== undefined && index !== only) continue;
      const L = NTK_DEPTHS[index];
      yield { params: { L }, K: ntkRandomFeatureGram(points, n, d, L, NTK_RF_DIMENSION, NTK_RF_SEED) };
    }
  },
};

/** The `rntk` grid (§3): σ_u (outer), then σ_b (inner). */
export const RNTK_INPUT_SCALES = [0.25, 0.5, 1, 2] as const;
export const RNTK_BIASES = [0, 0.1, 1] as const;

/**
 * The recurrent NTK with ReLU, σ_w = √2 (the critical value: σ_w²/2 = 1, the recurrence carries a variance over
 * neither amplified nor damped), σ_v = 1 and the last state's output, fixed here rather than read from the link's `sw`/`su`/`sb`
 * so that a result depends on (data set, contestant, prep) alone, as the kept results assume. One configuration
 * per pass over the pairs: configurations share nothing there but the products x_t·z_t, and rntkGram's
 * recursion (d steps of arccos, sine and cosine per pair) is the whole cost.
 */
const rntkContestant: Contestant = {
  name: 'rntk',
  label: 'recurrent NTK',
  formula:
    'recurrent NTK (rntk.md) of each row as a scalar sequence of its d features, rows divided by the largest row norm; ReLU, σ_w = √2, σ_v = 1, last state',
  gridText: 'σ_u ∈ {0.25, 0.5, 1, 2}, then σ_b ∈ {0, 0.1, 1}',
  size: RNTK_INPUT_SCALES.length * RNTK_BIASES.length,
  relativeCost: (d) => 1 + d / 8,
  *matrices(points, n, d, _m, only) {
    const sequences = rowSequences(points, n, d);
    let index = 0;
    for (const su of RNTK_INPUT_SCALES) {
      for (const sb of RNTK_BIASES) {
        if (only === undefined || index === only) {
          yield { params: { su, sb }, K: rntkGram(sequences, { act: 'relu', sw: Math.SQRT2, su, sb, sv: 1 }) };
        }
        index++;
      }
    }
  },
};

/** A contestant whose configurations are registry instances, evaluated by the off-sphere Gram matrix. */
function registryContestant(
  base: Pick<Contestant, 'name' | 'label' | 'formula' | 'gridText'>,
  family: string,
  grid: (m: number) => { params: Configuration; kernel: Params }[],
): Contestant {
  return {
    ...base,
    size: grid(1).length,
    *matrices(points, n, d, m, only) {
      const configurations = only === undefined ? grid(m) : grid(m).slice(only, only + 1);
      const batch = Math.max(1, Math.floor(BATCH_ENTRIES / (n * n)));
      for (let from = 0; from < configurations.length; from += batch) {
        const some = configurations.slice(from, from + batch);
        const Ks = gramMatrices(
          some.map(({ kernel }) => defaultInstance(family, kernel)),
          points,
          n,
          d,
          false,
        );
        for (let i = 0; i < some.length; i++) yield { params: some[i].params, K: Ks[i] };
      }
    },
  };
}

/** exp(−c‖x − z‖^γ) with c = a/m^γ over the scale grid A (§3). */
const exponentialGrid = (gamma: number, m: number) =>
  SCALES.map((a) => {
    const c = a / m ** gamma;
    return { params: { a, c }, gamma, c };
  });

export const CONTESTANTS: readonly Contestant[] = [
  arora,
  registryContestant(
    { name: 'ntk', label: 'NTK', formula: 'ntk(L), β = 0, on Rᵈ (math.md §2.2)', gridText: 'L = 1..5' },
    'ntk',
    () => NTK_DEPTHS.map((L) => ({ params: { L }, kernel: { L, beta: 0 } })),
  ),
  ntkRf,
  rntkContestant,
  registryContestant(
    { name: 'laplace', label: 'Laplace', formula: 'exp(−c‖x − z‖), c = a/m', gridText: 'a ∈ {1/8 … 8}' },
    'laplace',
    (m) => exponentialGrid(1, m).map(({ params, c }) => ({ params, kernel: { c } })),
  ),
  registryContestant(
    {
      name: 'gexp',
      label: 'γ-exponential',
      formula: 'exp(−c‖x − z‖^γ), c = a/m^γ',
      gridText: 'γ ∈ {0.5, 1.5}, then a ∈ {1/8 … 8}',
    },
    'gexp',
    (m) =>
      GEXP_GAMMAS.flatMap((gamma) =>
        exponentialGrid(gamma, m).map(({ params, c }) => ({ params: { gamma, ...params }, kernel: { gamma, c } })),
      ),
  ),
  registryContestant(
    { name: 'gauss', label: 'Gaussian', formula: 'exp(−c‖x − z‖²), c = a/m²', gridText: 'a ∈ {1/8 … 8}' },
    'gauss',
    (m) => exponentialGrid(2, m).map(({ params, c }) => ({ params, kernel: { c } })),
  ),
];

export function contestant(name: string): Contestant | undefined {
  return CONTESTANTS.find((c) => c.name === name);
}
