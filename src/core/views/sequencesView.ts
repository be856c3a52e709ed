/**
 * The "Sequences" view (docs/rntk.md "In the app"): the recurrent NTK of a few scalar sequences (d = 1, σ_v = 1) —
 * their Gram matrix, the normalized kernel K(x, z)/√(K(x, x)K(z, z)) of the chosen sequence against each,
 * and how the kernel weights time: ∂K(x, x)/∂x_t against the steps before the end, with the per-step memory
 * factor χ that decides whether early steps are remembered. Beside it, finite RNNs' empirical kernels of the
 * chosen sequence against each (mean and standard deviation over networks).
 */
import { kernelMaps, rntkGram, variances, type RntkParams, type Sequence } from '../rntk/recursion';
import { timeSensitivity } from '../rntk/sensitivity';
import { DEFAULT_SEQUENCES, readSequences } from '../rntk/presets';
import { empiricalRntkOf, initRnn, rnnPassesJob, type RnnPasses } from '../rntk/rnn';

export interface SequencesRequest {
  /** the link's `seqs` (canonical text) and `seed` (the `noise` preset draws from it) */
  seqs: string;
  seed: number;
  /** 1-based; beyond the last sequence, the last */
  seq: number;
  act: RntkParams['act'];
  sw: number;
  su: number;
  sb: number;
  /** whose time weights: the chosen sequence's (the panel) or every sequence's (the figure) */
  weights: 'chosen' | 'all';
}

/** ∂K(x, x)/∂x_t of one sequence, listed from the last step back: steps[j] = j, sensitivity[j] at t = T − j. */
export interface TimeWeights {
  /** 1-based */
  sequence: number;
  steps: number[];
  sensitivity: number[];
}

/**
 * The per-step factor by which the kernel's dependence on a step shrinks (χ < 1) or grows (χ > 1) per step
 * further back: χ = σ_w²·G(s, s, s) = σ_w²·E[φ′(g)²] at the hidden variance s. For ReLU G = ½ whatever s, so
 * χ = σ_w²/2 and the critical σ_w is √2; for erf G falls with s, so χ is the geometric mean along the chosen
 * sequence's variances s_1..s_{T−1}, and the critical σ_w the one at which that mean is 1 (null: none ≤ 8).
 */
export interface MemoryFactor {
  chi: number;
  critical: number | null;
  regime: 'forgets' | 'critical' | 'remembers';
}

export interface SequencesResult {
  sequences: number[][];
  /** the chosen sequence, 1-based (the link's `seq` clamped to the list) */
  chosen: number;
  /** K(x_i, x_j), row-major n×n, raw */
  gram: Float64Array;
  /** K(x_c, x_j)/√(K(x_c, x_c)K(x_j, x_j)) for every j; null where a diagonal entry is 0 (an all-zero input) */
  normalized: (number | null)[];
  weights: TimeWeights[];
  memory: MemoryFactor;
}

export const rntkParamsOf = (req: Pick<SequencesRequest, 'act' | 'sw' | 'su' | 'sb'>): RntkParams => ({
  act: req.act,
  sw: req.sw,
  su: req.su,
  sb: req.sb,
  sv: 1,
});

export const scalarSequence = (values: readonly number[]): Sequence => ({
  values: Float64Array.from(values),
  T: values.length,
  d: 1,
});

/** |χ − 1| below this reads as critical: σ_w on the sliders' 0.01 grid next to √2 (1.41, 1.42: χ = 0.994, 1.008). */
const CRITICAL_BAND = 0.01;
/** The largest σ_w searched for erf's critical value. */
const LARGEST_CRITICAL = 8;

/** χ for these parameters along the sequence x (see MemoryFactor). */
export function memoryFactor(x: Sequence, p: RntkParams): number {
  if (p.act === 'relu') return (p.sw * p.sw) / 2;
  const s = variances(x, p);
  const steps = Math.max(1, x.T - 1);
  let logSum = 0;
  for (let t = 0; t < steps; t++) logSum += Math.log(kernelMaps('erf', s[t], s[t], s[t])[1]);
  return p.sw * p.sw * Math.exp(logSum / steps);
}

/** The σ_w at which χ = 1 along x (bisection: χ grows with σ_w), or null when χ < 1 up to LARGEST_CRITICAL. */
export function criticalSw(x: Sequence, p: RntkParams): number | null {
  if (p.act === 'relu') return Math.SQRT2;
  const chi = (sw: number) => memoryFactor(x, { ...p, sw });
  if (chi(LARGEST_CRITICAL) < 1) return null;
  let [lo, hi] = [0, LARGEST_CRITICAL];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (chi(mid) < 1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The time-weights chart shows at most this many decades below the largest weight (what a log axis shows legibly). */
export const WEIGHT_DECADES = 30;

/**
 * The log axis of the time weights |∂K(x, x)/∂x_t| (screen and figure): from the smallest positive weight, or
 * WEIGHT_DECADES below the largest where the weights reach further, to the largest, with a margin of 2 either
 * side; null when no weight is positive.
 */
export function weightsDomain(magnitudes: readonly number[]): [number, number] | null {
  const positive = magnitudes.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return null;
  const top = Math.max(...positive);
  const bottom = Math.max(Math.min(...positive), top * 10 ** -WEIGHT_DECADES);
  return [bottom / 2, top * 2];
}

function timeWeights(x: Sequence, p: RntkParams, sequence: number): TimeWeights {
  const dK = timeSensitivity(x, p);
  return {
    sequence,
    steps: Array.from({ length: x.T }, (_, j) => j),
    sensitivity: Array.from({ length: x.T }, (_, j) => dK[x.T - 1 - j]),
  };
}

/**
 * The request's sequences (an empty `seqs`, which a link never gives, reads as the default preset) and the chosen
 * one: the link's `seq` clamped to the list, 1-based, and its index c.
 */
function viewSequences(req: Omit<SequencesRequest, 'weights'>) {
  const text = readSequences(req.seqs, req.seed);
  const values = text.length > 0 ? text : readSequences(DEFAULT_SEQUENCES, req.seed);
  const chosen = Math.min(Math.max(1, Math.round(req.seq)), values.length);
  return { values, sequences: values.map(scalarSequence), chosen, c: chosen - 1, p: rntkParamsOf(req) };
}

export function sequencesView(req: SequencesRequest): SequencesResult {
  const { values, sequences, chosen, c, p } = viewSequences(req);
  const n = sequences.length;
  const gram = rntkGram(sequences, p);
  const normalized = sequences.map((_, j) => {
    // √a·√b, not √(ab): at σ_w = 2 over 512 steps a and b reach ~10¹⁵⁸ and ab would overflow
    const scale = Math.sqrt(gram[c * n + c]) * Math.sqrt(gram[j * n + j]);
    if (!(scale > 0)) return null;
    return j === c ? 1 : gram[c * n + j] / scale;
  });
  const weighed = req.weights === 'all' ? sequences.map((_, i) => i) : [c];
  const chi = memoryFactor(sequences[c], p);
  return {
    sequences: values,
    chosen,
    gram,
    normalized,
    weights: weighed.map((i) => timeWeights(sequences[i], p, i + 1)),
    memory: {
      chi,
      critical: criticalSw(sequences[c], p),
      regime: Math.abs(chi - 1) < CRITICAL_BAND ? 'critical' : chi < 1 ? 'forgets' : 'remembers',
    },
  };
}

export interface SequencesFiniteRequest extends Omit<SequencesRequest, 'weights'> {
  /** the link's width m and number of networks `seeds` (network i drawn from seed + i) */
  m: number;
  seeds: number;
}

export interface MeanSd {
  mean: number;
  sd: number;
  /** networks that gave a value (a normalized kernel needs positive diagonal entries) */
  count: number;
}

export interface SequencesFinite {
  /** the width used, and asked for (at most RNN_MAX_WIDTH here, and no wider than one network's work fits RNN_WORK_CAP) */
  m: number;
  requestedM: number;
  /** the networks used, and asked for (fewer when the work cap stops earlier) */
  networks: number;
  requestedNetworks: number;
  chosen: number;
  /** the chosen sequence against each, over the networks: Θ_m raw and normalized (null: no network gave one) */
  raw: (MeanSd | null)[];
  normalized: (MeanSd | null)[];
}

/** The finite RNNs' width is capped here: W alone is m² numbers, and each step of each sequence costs ~2m². */
export const RNN_MAX_WIDTH = 2048;
/** The smallest width the work cap may lower the width to. */
const RNN_MIN_WIDTH = 4;
/** Multiply-adds all networks together may take (about 3 s on the reference machine); always ≥ 1 network. */
export const RNN_WORK_CAP = 3e9;

/**
 * Multiply-adds of one network: 2m² per step (forward and back), and 2m per pair of steps of the kernels it
 * forms (every sequence against itself, the chosen one against every sequence).
 */
export function rnnWork(lengths: readonly number[], chosenLength: number, m: number): number {
  const steps = lengths.reduce((s, T) => s + T, 0);
  const pairs = lengths.reduce((s, T) => s + T * T, 0) + chosenLength * steps;
  return 2 * m * m * steps + 2 * m * pairs;
}

/** The largest width ≤ m whose one network fits RNN_WORK_CAP (at least RNN_MIN_WIDTH, or m when smaller). */
export function affordableWidth(m: number, lengths: readonly number[], chosenLength: number): number {
  if (rnnWork(lengths, chosenLength, m) <= RNN_WORK_CAP || m <= RNN_MIN_WIDTH) return m;
  let [lo, hi] = [RNN_MIN_WIDTH, m];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (rnnWork(lengths, chosenLength, mid) <= RNN_WORK_CAP) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Mean and sample standard deviation, computed on values divided by the largest |value| so that neither the sum
 * nor the squares overflow (a narrow RNN at σ_w ≥ √2 gives kernels near the largest doubles); null without
 * values, or when the result still does not fit in a double.
 */
function meanSd(values: readonly number[]): MeanSd | null {
  const count = values.length;
  const scale = values.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  if (count === 0) return null;
  if (scale === 0) return { mean: 0, sd: 0, count };
  const scaled = values.map((v) => v / scale);
  const mean = scaled.reduce((s, v) => s + v, 0) / count;
  const sd = count > 1 ? Math.sqrt(scaled.reduce((s, v) => s + (v - mean) ** 2, 0) / (count - 1)) : 0;
  const result = { mean: mean * scale, sd: sd * scale, count };
  return Number.isFinite(result.mean) && Number.isFinite(result.sd) ? result : null;
}

/**
 * The finite-RNN part as a job: yields the fraction of its work done (rnnWork) after each sequence's passes and
 * each kernel formed, so that a caller may stop it there, and returns the statistics. Network i is
 * initRnn(m, 1, params, seed + i).
 */
export function* sequencesFiniteJob(req: SequencesFiniteRequest): Generator<number, SequencesFinite> {
  const { sequences, chosen, c, p } = viewSequences(req);
  const n = sequences.length;
  const requestedM = Math.max(1, Math.round(req.m));
  const lengths = sequences.map((x) => x.T);
  const m = affordableWidth(Math.min(requestedM, RNN_MAX_WIDTH), lengths, sequences[c].T);
  const requestedNetworks = Math.max(1, Math.round(req.seeds));
  const perNetwork = rnnWork(lengths, sequences[c].T, m);
  const networks = Math.max(1, Math.min(requestedNetworks, Math.floor(RNN_WORK_CAP / perNetwork)));
  const total = networks * perNetwork;
  let done = 0;
  const raw: number[][] = sequences.map(() => []);
  const normalized: number[][] = sequences.map(() => []);
  for (let i = 0; i < networks; i++) {
    const net = initRnn(m, 1, p, req.seed + i);
    const passes: RnnPasses[] = [];
    for (const x of sequences) {
      const job = rnnPassesJob(net, x);
      for (let step = job.next(); ; step = job.next()) {
        if (step.done) {
          passes.push(step.value);
          break;
        }
        done += step.value;
        yield Math.min(1, done / total);
      }
    }
    const diagonal: number[] = [];
    for (const [j, x] of sequences.entries()) {
      diagonal.push(empiricalRntkOf(net, x, x, passes[j], passes[j]));
      done += 2 * m * x.T * x.T;
      yield done / total;
    }
    for (let j = 0; j < n; j++) {
      const theta = j === c ? diagonal[c] : empiricalRntkOf(net, sequences[c], sequences[j], passes[c], passes[j]);
      // a narrow network at σ_w ≥ √2 can overflow: its kernels are left out rather than averaged as ∞ or NaN
      if (Number.isFinite(theta)) raw[j].push(theta);
      const scale = Math.sqrt(diagonal[c]) * Math.sqrt(diagonal[j]);
      if (scale > 0 && Number.isFinite(scale) && Number.isFinite(theta))
        normalized[j].push(j === c ? 1 : theta / scale);
      done += 2 * m * sequences[c].T * sequences[j].T;
      yield Math.min(1, done / total);
    }
  }
  return {
    m,
    requestedM,
    networks,
    requestedNetworks,
    chosen,
    raw: raw.map(meanSd),
    normalized: normalized.map(meanSd),
  };
}

/** The finite part at once (figures, tests). */
export function sequencesFinite(req: SequencesFiniteRequest): SequencesFinite {
  const job = sequencesFiniteJob(req);
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
  }
}
