/**
 * A finite network trained by full-batch gradient descent against its kernel (docs/finite.md §4, §5.3):
 * on the regression view's circle data, for every width and initialization, the antisymmetric pair
 * f = (f_a − f_b)/√2 (Zhang et al. 2020: two copies equal at the start, so f₀ ≡ 0 and the NTK at
 * initialization is that of one copy) is trained on ½Σ(f(x_i) − y_i)² with the step η = eta·2/λ_max of
 * the raw analytic NTK, and compared with the linearized network's exact prediction after as many steps
 * (linearized.ts). Lazy training (Jacot et al. 2018; Lee et al. 2019; Chizat, Oyallon & Bach 2019): the
 * distance to the prediction and the relative change of the empirical kernel shrink like m^{−1/2}.
 *
 * Every network starts from initNetwork(spec, seed) with the link's seed (the same seed for every width
 * and initialization). A run whose loss leaves every bound (non-finite, or DIVERGED times the initial
 * loss) is stopped and reported as diverged at that step; a run estimated to cost more than RUN_WORK_LIMIT
 * multiply-adds (a deep, wide network) is skipped and says so. `trainingJob` yields its progress (the
 * fraction done) after every step, so that a worker can report it and stop when a newer request arrives.
 */
import { crossKernel, gramOnCircle } from '../kernels/circleKernel';
import type { KernelInstance } from '../kernels/registry';
import { logLogFit } from '../numerics/logLogSlope';
import { REGRESSION_GRID } from '../views/regressionView';
import { applyCoefficients, linearizedFlow } from './linearized';
import {
  type Init,
  type Network,
  type NetworkSpec,
  empiricalNtk,
  initNetwork,
  networkOutput,
  networkPass,
  passGradient,
} from './network';

export const INITS: readonly Init[] = ['gaussian', 'orthogonal'];

/** A run is diverged once its loss exceeds this multiple of the initial loss ½‖y‖² (or is not finite). */
export const DIVERGED = 1e6;
/** Largest estimated work of one run, in multiply-adds (~20–40 s in a worker); larger runs are skipped. */
export const RUN_WORK_LIMIT = 2e10;
/** The loss charts show losses below this fraction of the initial loss at it (converged: rounding is all that is left). */
export const LOSS_FLOOR = 1e-12;
/** The animation's network functions are kept on every FRAME_STRIDE-th point of the θ grid (4° steps). */
export const FRAME_STRIDE = 8;

export interface TrainingRequest {
  /** the NTK instance the networks realize (its L, β, bias); the first NTK of the kernel list */
  kernel: KernelInstance;
  /** data angles on the circle (radians) and values */
  theta: readonly number[];
  y: readonly number[];
  widths: readonly number[];
  inits: readonly Init[];
  /** step as a fraction of 2/λ_max */
  eta: number;
  steps: number;
  seed: number;
  /** animation frames after step 0 (0: none; the figure needs none) */
  frames: number;
}

export type RunStatus = 'trained' | 'diverged' | 'skipped';

export interface TrainingRun {
  init: Init;
  m: number;
  status: RunStatus;
  /** the step whose loss left the bounds (status `diverged`), else null */
  divergedAt: number | null;
  /** the trained f on `theta` (null unless trained) */
  network: Float64Array | null;
  /** RMS over θ of network − kernelFlow (null unless trained) */
  distance: number | null;
  /** ‖Θ_t − Θ₀‖_F/‖Θ₀‖_F of the empirical NTK on the data (null unless trained) */
  kernelChange: number | null;
  /** ½‖f_k(X) − y‖² after step k = 1, 2, …; up to the divergence for a diverged run, empty when skipped */
  loss: Float64Array;
  /** f on `frameTheta` at each of `frameSteps` reached */
  frames: Float64Array[];
}

export interface TrainingView {
  /** the regression view's uniform θ grid on [0, 2π] */
  theta: Float64Array;
  /** the linearized network after `steps` steps, on `theta` */
  kernelFlow: Float64Array;
  /** the linearized network's loss after step k = 1, 2, … (the function-space prediction) */
  kernelLoss: Float64Array;
  /** initial loss ½‖y‖² (f₀ ≡ 0) */
  initialLoss: number;
  lambdaMax: number;
  /** absolute step η */
  step: number;
  /** steps of the animation's frames (0 first, `steps` last) and their θ (every FRAME_STRIDE-th of `theta`) */
  frameSteps: number[];
  frameTheta: Float64Array;
  /** the linearized network at each frame step, on frameTheta */
  kernelFlowFrames: Float64Array[];
  runs: TrainingRun[];
  /** per initialization: least-squares slopes in log–log of distance and kernel change against width (null: < 2 trained widths) */
  slopes: TrainingSlopes[];
}

export interface TrainingSlopes {
  init: Init;
  distance: number | null;
  kernelChange: number | null;
}

/** What a link asks for (its kernels, data points in degrees, widths, eta, steps, seed). */
export interface TrainingSettings {
  kernels: readonly KernelInstance[];
  points: readonly { angle: number; value: number }[];
  widths: readonly number[];
  eta: number;
  steps: number;
  seed: number;
}

/**
 * The view's request for a link (panel and figure alike): both initializations, the first NTK instance;
 * null when the kernel list has no NTK (nothing to train).
 */
export function trainingRequest(s: TrainingSettings, frames: number): TrainingRequest | null {
  const kernel = s.kernels.find((k) => k.family === 'ntk');
  if (!kernel) return null;
  return {
    kernel,
    theta: s.points.map((p) => (p.angle * Math.PI) / 180),
    y: s.points.map((p) => p.value),
    widths: s.widths,
    inits: INITS,
    eta: s.eta,
    steps: s.steps,
    seed: s.seed,
    frames,
  };
}

/** The uniform grid θ_g = 2πg/(REGRESSION_GRID − 1), last node exactly 2π (as the regression view's). */
export function trainingGrid(): Float64Array {
  const g = Float64Array.from({ length: REGRESSION_GRID }, (_, i) => (2 * Math.PI * i) / (REGRESSION_GRID - 1));
  g[REGRESSION_GRID - 1] = 2 * Math.PI;
  return g;
}

/** Points (cos θ, sin θ) of the circle, n×2 row-major: the networks' inputs (d = 2). */
export function circlePoints(theta: ArrayLike<number>): Float64Array {
  const X = new Float64Array(2 * theta.length);
  for (let i = 0; i < theta.length; i++) {
    X[2 * i] = Math.cos(theta[i]);
    X[2 * i + 1] = Math.sin(theta[i]);
  }
  return X;
}

/** The networks' spec for an NTK instance (docs/finite.md §1: the network whose limit it is), on the circle. */
export function networkSpec(kernel: KernelInstance, m: number, init: Init): NetworkSpec {
  const p = kernel.params;
  return { d: 2, L: Number(p.L), m, beta: Number(p.beta), bias: p.bias === 'random' ? 'random' : 'zero', init };
}

/** Parameters of one network (multiply-adds of one forward pass per input). */
function parameterCount({ d, L, m }: NetworkSpec): number {
  return d * m + (L - 1) * m * m + m;
}

/** Frame steps: 0, then `frames` steps spread evenly up to `steps` (duplicates dropped). */
export function frameSteps(steps: number, frames: number): number[] {
  if (frames <= 0) return [];
  const all = Array.from({ length: frames + 1 }, (_, j) => Math.round((j * steps) / frames));
  return [...new Set(all)];
}

/** Estimated multiply-adds of one run: per step a forward pass and a gradient (forward + backward) of both copies. */
function runWork(spec: NetworkSpec, req: TrainingRequest, gridPoints: number): number {
  const n = req.theta.length;
  return 2 * parameterCount(spec) * (3 * n * req.steps + gridPoints);
}

const clone = (net: Network): Network => ({
  spec: net.spec,
  weights: net.weights.map((w) => w.slice()),
  biases: net.biases.map((b) => b.slice()),
});

/** p ← p − η·g for every parameter. */
function descend(net: Network, grad: { weights: Float64Array[]; biases: Float64Array[] }, step: number): void {
  net.weights.forEach((w, l) => {
    const g = grad.weights[l];
    for (let k = 0; k < w.length; k++) w[k] -= step * g[k];
  });
  net.biases.forEach((b, l) => {
    const g = grad.biases[l];
    for (let k = 0; k < b.length; k++) b[k] -= step * g[k];
  });
}

/** (f_a − f_b)/√2 at the n inputs X. */
function pairOutput(a: Network, b: Network, X: Float64Array, n: number): Float64Array {
  const fa = networkOutput(a, X, n);
  const fb = networkOutput(b, X, n);
  for (let i = 0; i < n; i++) fa[i] = (fa[i] - fb[i]) / Math.SQRT2;
  return fa;
}

const rms = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / a.length);
};

const frobenius = (a: Float64Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

/** Trains one antisymmetric pair; yields after every step (the caller turns it into progress). */
function* trainRun(
  req: TrainingRequest,
  spec: NetworkSpec,
  step: number,
  grid: { theta: Float64Array; X: Float64Array; frameX: Float64Array; frameSteps: number[] },
  kernelFlow: Float64Array,
): Generator<void, TrainingRun> {
  const { steps } = req;
  const n = req.theta.length;
  const X = circlePoints(req.theta);
  const a = initNetwork(spec, req.seed);
  const b = clone(a);
  const loss = new Float64Array(steps);
  const frames: Float64Array[] = [];
  const frameCount = grid.frameX.length / 2;
  const initialLoss = req.y.reduce((s, v) => s + v * v, 0) / 2;
  const bound = DIVERGED * Math.max(initialLoss, Number.MIN_VALUE);
  const r = new Float64Array(n);
  for (let k = 0; k <= steps; k++) {
    if (grid.frameSteps.includes(k) && k < steps) {
      frames.push(k === 0 ? new Float64Array(frameCount) : pairOutput(a, b, grid.frameX, frameCount)); // f₀ ≡ 0
    }
    // one forward and one backward pass per copy and step: the outputs give r, the same passes the gradient
    const pa = networkPass(a, X, n);
    const pb = networkPass(b, X, n);
    const f = pa.out.map((v, i) => (v - pb.out[i]) / Math.SQRT2);
    let l = 0;
    for (let i = 0; i < n; i++) {
      r[i] = f[i] - req.y[i];
      l += r[i] * r[i];
    }
    l /= 2;
    if (k > 0) {
      if (!Number.isFinite(l) || l > bound) {
        const base = { init: spec.init, m: spec.m, network: null, distance: null, kernelChange: null };
        return { ...base, status: 'diverged', divergedAt: k, loss: loss.slice(0, k - 1), frames };
      }
      loss[k - 1] = l;
    }
    if (k === steps) break;
    // ∂/∂p_a of ½‖f − y‖² is Σ r_i ∂f_a(x_i)/∂p /√2; for copy b the sign flips
    const half = r.map((v) => v / Math.SQRT2);
    const ga = passGradient(a, pa, half);
    const gb = passGradient(
      b,
      pb,
      half.map((v) => -v),
    );
    descend(a, ga, step);
    descend(b, gb, step);
    yield;
  }
  const network = pairOutput(a, b, grid.X, grid.theta.length);
  if (grid.frameSteps.length > 1)
    frames.push(Float64Array.from({ length: frameCount }, (_, i) => network[i * FRAME_STRIDE]));
  // the pair's kernel is the mean of the copies' (each parameter enters f with a factor ±1/√2)
  const theta0 = empiricalNtk(initNetwork(spec, req.seed), X, n, X, n);
  const ta = empiricalNtk(a, X, n, X, n);
  const tb = empiricalNtk(b, X, n, X, n);
  const change = ta.map((v, i) => (v + tb[i]) / 2 - theta0[i]);
  const norm0 = frobenius(theta0);
  return {
    init: spec.init,
    m: spec.m,
    status: 'trained',
    divergedAt: null,
    network,
    distance: rms(network, kernelFlow),
    kernelChange: norm0 > 0 ? frobenius(change) / norm0 : 0,
    loss,
    frames,
  };
}

/** The whole view as a job: yields the fraction done (by estimated work), returns the view. */
export function* trainingJob(req: TrainingRequest): Generator<number, TrainingView> {
  const n = req.theta.length;
  const theta = trainingGrid();
  const gram = gramOnCircle(req.kernel, false, req.theta);
  const flow = linearizedFlow(gram, n, req.y, req.eta);
  const steps = frameSteps(req.steps, req.frames);
  const frameTheta = theta.filter((_, i) => i % FRAME_STRIDE === 0);
  const cross = crossKernel(req.kernel, false, theta, req.theta);
  const crossFrames = crossKernel(req.kernel, false, frameTheta, req.theta);
  const kernelFlow = applyCoefficients(cross, theta.length, flow.coefficients(req.steps));
  const kernelFlowFrames = steps.map((k) => applyCoefficients(crossFrames, frameTheta.length, flow.coefficients(k)));
  const kernelLoss = Float64Array.from({ length: req.steps }, (_, k) => flow.loss(k + 1));
  const grid = { theta, X: circlePoints(theta), frameX: circlePoints(frameTheta), frameSteps: steps };

  const jobs = req.inits.flatMap((init) => req.widths.map((m) => networkSpec(req.kernel, m, init)));
  const gridPoints = theta.length + Math.max(0, steps.length - 2) * frameTheta.length;
  const work = jobs.map((spec) => runWork(spec, req, gridPoints));
  const total = work.reduce((s, w) => s + (w <= RUN_WORK_LIMIT ? w : 0), 0) || 1;
  let done = 0;
  const runs: TrainingRun[] = [];
  for (const [j, spec] of jobs.entries()) {
    if (work[j] > RUN_WORK_LIMIT) {
      runs.push(skipped(spec));
      continue;
    }
    const run = trainRun(req, spec, flow.step, grid, kernelFlow);
    const perStep = work[j] / Math.max(1, req.steps);
    for (;;) {
      const next = run.next();
      if (next.done) {
        runs.push(next.value);
        break;
      }
      done += perStep;
      yield Math.min(1, done / total);
    }
  }
  return {
    theta,
    kernelFlow,
    kernelLoss,
    initialLoss: req.y.reduce((s, v) => s + v * v, 0) / 2,
    lambdaMax: flow.lambdaMax,
    step: flow.step,
    frameSteps: steps,
    frameTheta,
    kernelFlowFrames,
    runs,
    slopes: req.inits.map((init) => {
      const own = runs.filter((r) => r.init === init && r.status === 'trained');
      const slopeOf = (ys: (number | null)[]) =>
        logLogFit(
          own.map((r) => r.m),
          ys.map((v) => v ?? Number.NaN),
        )?.slope ?? null;
      return {
        init,
        distance: slopeOf(own.map((r) => r.distance)),
        kernelChange: slopeOf(own.map((r) => r.kernelChange)),
      };
    }),
  };
}

function skipped(spec: NetworkSpec): TrainingRun {
  return {
    init: spec.init,
    m: spec.m,
    status: 'skipped',
    divergedAt: null,
    network: null,
    distance: null,
    kernelChange: null,
    loss: new Float64Array(0),
    frames: [],
  };
}

/** The view in one go (CLI, tests). */
export function trainingView(req: TrainingRequest): TrainingView {
  const job = trainingJob(req);
  for (;;) {
    const next = job.next();
    if (next.done) return next.value;
  }
}
