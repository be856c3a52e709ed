/**
 * The link schema (links.md §1): the state a share link carries, the declared table of its global
 * parameters, and the per-value repair rule shared by the link parser and the UI's typed fields.
 *
 * The schema is driven by two tables and nothing else: the kernel registry (`FAMILIES` in
 * src/core/kernels/registry.ts) for `kernels`, and `GLOBAL_PARAMS` below for every other parameter. A new global
 * parameter is one row in `GLOBAL_PARAMS` plus one field of `LinkState` (same name as the row's key);
 * the compiler rejects a field without a row and a row without a field.
 */
import {
  defaultInstance,
  toggleParam,
  type ChoiceParam,
  type ControlPlace,
  type KernelInstance,
  type NumberParam,
  type ParamSpec,
  type ParamValue,
} from '../core/kernels/registry';
import { CATALOG, SIZE_CLASSES } from '../core/realdata/catalog';
import { CONTESTANT_NAMES } from '../core/realdata/contestants';
import { DEFAULT_SEQUENCES, SEQUENCE_LIMITS, SEQUENCE_PRESETS } from '../core/rntk/presets';
import { DEGREES, FILE_NAME, POINTS, SEQUENCES, WIDTHS, datasetList, nameList, type ListRule } from './lists';
import { DECIMAL, formatLinkNumber } from './numbers';

/** links.md §1: at most 8 instances; also the largest position a parameter can point at (fit, ra, rb, da, db). */
export const MAX_INSTANCES = 8;

/** The 1-based position of a kernel instance; beyond the last kernel, the last is used (ra, rb, da, db). */
const positionParam = <K extends string>(
  key: K,
  label: string,
  help: string,
  place: ControlPlace,
  first: number,
): NumberParam & { key: K } => ({
  key,
  label,
  help,
  place,
  kind: 'number',
  integer: true,
  default: first,
  min: 1,
  max: MAX_INSTANCES,
  step: 1,
  scale: 'linear',
});

export { formatLinkNumber };

/** The whole visible state of the app, as a share link carries it (links.md §1). */
export interface LinkState {
  /** kernel instances in display order (colour follows position); 1 to MAX_INSTANCES */
  kernels: KernelInstance[];
  /** ambient dimension: points on S^{d−1} ⊂ R^d */
  d: number;
  /** highest harmonic degree in the spectrum */
  kmax: number;
  /** `unit`: every kernel divided by κ(1); `raw`: as defined in math.md */
  norm: 'unit' | 'raw';
  // team parameters (profile view), after the links.md ones
  /** profile abscissa: angle θ in degrees, or cosine u = cos θ */
  axis: 'theta' | 'u';
  /** upper end, in degrees, of the θ range the profile shows (a zoom on the cusp at θ = 0) */
  zoom: number;
  /** 1-based position of the instance a Laplace kernel is fitted to; 0 = no fit */
  fit: number;
  // team parameters (spectrum view)
  /** what the spectrum plots: λ_k, λ_k/λ_0, N(d,k)·λ_k, or λ_k(A)/λ_k(B) */
  y: 'lambda' | 'relative' | 'weighted' | 'ratio';
  /** 1-based positions of the instances A and B of the ratio view */
  ra: number;
  rb: number;
  /** degrees shown (and fitted): all, even or odd */
  parity: 'all' | 'even' | 'odd';
  /** tail-fit window [klo, khi]; 0 = automatic (the upper half [⌈kmax/2⌉, kmax], or of the degrees above the floor where that has < 3 of them: math.md §4); clamped to kmax when used */
  klo: number;
  khi: number;
  // team parameters (off-sphere view)
  /** the reference point z in the plane of the first two axes: its norm and its angle in degrees */
  zn: number;
  za: number;
  /** the plane map shows x ∈ [−R, R]² */
  R: number;
  /** colour scale of the maps: one per kernel, or shared by all */
  scale: 'each' | 'shared';
  /** 1-based positions of the two instances compared by the difference map and the normalization readout */
  da: number;
  db: number;
  /** direction of the ray view, degrees */
  ray: number;
  /** normalization readout: number of random points, spread of their norms, seed */
  n: number;
  spread: number;
  seed: number;
  // team parameters (function space, docs/function-space.md)
  /** where the random functions live: the sphere S² (a globe) or the circle S¹ (curves) */
  domain: 'sphere' | 'circle';
  /** truncation degree K of the random functions' Mercer expansion */
  deg: number;
  /** seed of the random coefficients shared by every kernel (common random numbers) */
  sample: number;
  /** the globe's view: longitude and latitude (degrees) of the point at its centre */
  lon: number;
  lat: number;
  /** regression data on the circle, canonical `angle:value;…` text (degrees) */
  pts: string;
  /** ridge parameter of the kernel regression; 0 interpolates (minimum-norm where the Gram matrix is singular) */
  ridge: number;
  /** degrees of the harmonics in the learning target, canonical `k,k,…` text */
  harm: string;
  /** time of the kernel gradient flow, in units of 1/η */
  t: number;
  // team parameters (real data, docs/realdata.md §6)
  /** the data sets: a size class (`n200`, `n1000`, `all`), `custom` (the user's CSV file), or names, canonical text */
  data: string;
  /** the contestants, in table order, canonical `name,name,…` text */
  contest: string;
  /** `zscore`: rows as distributed; `sphere`: every row divided by its norm */
  prep: 'zscore' | 'sphere';
  /** the scatter's two contestants, canonical text; '' = the first two of `contest` */
  pair: string;
  /** `data=custom`: the name of the CSV file the link expects ('' = not named) */
  file: string;
  /** `data=custom`: the label column, 1-based; 0 = the last column */
  label: number;
  // team parameters (finite networks, docs/finite.md)
  /** width m of the finite networks of the width view */
  m: number;
  /** number of random networks (seeds) per width and initialization */
  seeds: number;
  /** initialization of the finite networks' weights (docs/finite.md §1) */
  init: 'gaussian' | 'orthogonal';
  /** largest random-feature dimension D of the features view */
  rf: number;
  /** widths of the convergence and training views, canonical `m,m,…` text */
  widths: string;
  /** gradient-descent step as a fraction of the largest stable step 2/λ_max */
  eta: number;
  /** number of gradient-descent steps of the training view */
  steps: number;
  // team parameters (sequences, the recurrent NTK: docs/rntk.md)
  /** the scalar sequences: a preset name, or numbers `x,x,…` per sequence separated by `;` (canonical text) */
  seqs: string;
  /** 1-based position of the chosen sequence (its kernel bars, its time weights); beyond the last, the last */
  seq: number;
  /** the RNN's nonlinearity */
  act: 'relu' | 'erf';
  /** σ_w (recurrent weights), σ_u (input weights), σ_b (bias) of the RNN (σ_v = 1) */
  sw: number;
  su: number;
  sb: number;
  // team parameters (classroom: stories, presentation, embedding; README "Stories", "Presentation and embed")
  /** the open guided story of src/stories.ts; `none`: no story */
  story: 'none' | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k';
  /** 1-based step of the open story; clamped to the story's length when used, ignored without a story */
  step: number;
  /** 1: presentation mode (one panel at a time, large type, lecturer's controls only) */
  present: number;
  /** the panel presentation mode shows */
  panel:
    | 'profile'
    | 'spectrum'
    | 'offsphere'
    | 'samples'
    | 'regression'
    | 'learning'
    | 'realdata'
    | 'width'
    | 'features'
    | 'training'
    | 'sequences';
  /** 1: embed mode (the panels without header, kernel list and notices, for an iframe) */
  embed: number;
}

/** A global parameter: a link name that is also a `LinkState` field. */
export type GlobalKey = Exclude<keyof LinkState, 'kernels'>;

/** The outcome of reading one value: the value to use and, when it differs from the input, why. */
export interface Coerced {
  value: ParamValue;
  /** plain-English reason without the parameter name, e.g. `5000 is above the maximum 1000; clamped to 1000` */
  repair?: string;
}

/**
 * A row of the global table: a registry `ParamSpec` whose key names a `LinkState` field, plus an optional
 * rule that involves other parameters. `check` runs after every value (and `kernels`) has been read and
 * repaired; it returns the replacement value and the reason, or undefined when the value is acceptable.
 */
export type GlobalParam = (ParamSpec | ListParam) & {
  key: GlobalKey;
  check?: (state: Readonly<LinkState>) => Required<Coerced> | undefined;
};

/** A global parameter whose value is a list, held as its canonical text (src/link/lists.ts). */
export interface ListParam {
  kind: 'list';
  key: string;
  label: string;
  help: string;
  place: ParamSpec['place'];
  /** canonical text */
  default: string;
  rule: ListRule;
}

const TABLE = [
  // links.md §1
  {
    key: 'd',
    label: 'd (dimension)',
    help: 'Ambient dimension d: points lie on the unit sphere Sᵈ⁻¹ in Rᵈ.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 3,
    min: 2,
    max: 1000,
    step: 0.01,
    scale: 'log',
  },
  {
    key: 'kmax',
    label: 'k max (degree)',
    help: 'Highest harmonic degree k shown in the spectrum.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 200,
    min: 1,
    max: 5000,
    step: 0.01,
    scale: 'log',
  },
  {
    key: 'norm',
    label: 'normalization',
    help: 'unit: every kernel divided by its value κ(1) at x = z; raw: the kernels exactly as defined.',
    place: 'sphere',
    kind: 'choice',
    default: 'unit',
    options: [
      { value: 'unit', label: 'κ(1) = 1' },
      { value: 'raw', label: 'raw' },
    ],
  },
  // team parameters: profile view
  {
    key: 'axis',
    label: 'profile abscissa',
    help: 'Plot the profile against the angle θ in degrees or against the cosine u = cos θ.',
    place: 'sphere',
    kind: 'choice',
    default: 'theta',
    options: [
      { value: 'theta', label: 'angle θ (degrees)' },
      { value: 'u', label: 'cosine u = cos θ' },
    ],
  },
  {
    key: 'zoom',
    label: 'θ range (degrees)',
    help: 'The profile shows θ from 0 to this angle; small values zoom on the cusp at θ = 0.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 180,
    min: 0.5,
    max: 180,
    step: 0.01,
    scale: 'log',
  },
  {
    key: 'fit',
    label: 'fit a Laplace kernel to',
    help: 'Position of the kernel a Laplace kernel is fitted to; 0 shows no fit.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 0,
    min: 0,
    max: MAX_INSTANCES,
    step: 1,
    scale: 'linear',
    check: (s) =>
      s.fit > s.kernels.length
        ? { value: 0, repair: `${s.fit} is beyond the ${s.kernels.length} kernel instances; reset to 0 (no fit)` }
        : undefined,
  },
  // team parameters: spectrum view
  {
    key: 'y',
    label: 'spectrum quantity',
    help: 'Plot λ_k, λ_k/λ_0, the weight N(d,k)·λ_k of degree k, or the ratio λ_k(A)/λ_k(B) of two kernels.',
    place: 'sphere',
    kind: 'choice',
    default: 'lambda',
    options: [
      { value: 'lambda', label: 'λₖ' },
      { value: 'relative', label: 'λₖ / λ₀' },
      { value: 'weighted', label: 'N(d,k)·λₖ' },
      { value: 'ratio', label: 'ratio λₖ(A) / λₖ(B)' },
    ],
  },
  positionParam(
    'ra',
    'ratio: kernel A',
    'Position of kernel A in the ratio λ_k(A)/λ_k(B); beyond the last kernel, the last is used.',
    'sphere',
    1,
  ),
  positionParam(
    'rb',
    'ratio: kernel B',
    'Position of kernel B in the ratio λ_k(A)/λ_k(B); beyond the last kernel, the last is used.',
    'sphere',
    2,
  ),
  {
    key: 'parity',
    label: 'degrees shown',
    help: 'Show (and fit) all degrees k, only even k, or only odd k.',
    place: 'sphere',
    kind: 'choice',
    default: 'all',
    options: [
      { value: 'all', label: 'all k' },
      { value: 'even', label: 'even k' },
      { value: 'odd', label: 'odd k' },
    ],
  },
  {
    key: 'klo',
    label: 'fit from k (0 = auto)',
    help: 'First degree of the tail fit; 0 chooses the upper half of the range automatically.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 0,
    min: 0,
    max: 5000,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'khi',
    label: 'fit to k (0 = kmax)',
    help: 'Last degree of the tail fit; 0 means k max.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 0,
    min: 0,
    max: 5000,
    step: 1,
    scale: 'linear',
  },
  // team parameters: off-sphere view
  {
    key: 'zn',
    label: '‖z‖ (norm of z)',
    help: 'Norm of the reference point z; 1 puts z on the unit circle, the sphere’s trace in the plane.',
    place: 'offsphere',
    kind: 'number',
    integer: false,
    default: 1,
    min: 0,
    max: 100,
    step: 0.01,
    scale: 'linear',
  },
  {
    key: 'za',
    label: 'angle of z (degrees)',
    help: 'Direction of z in the plane of the first two axes, measured from the first axis.',
    place: 'offsphere',
    kind: 'number',
    integer: false,
    default: 30,
    min: -180,
    max: 180,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'R',
    label: 'R (half-width of the plane)',
    help: 'The maps show x in [−R, R]² in the plane through the origin that contains z.',
    place: 'offsphere',
    kind: 'number',
    integer: false,
    default: 2,
    min: 0.1,
    max: 100,
    step: 0.01,
    scale: 'log',
  },
  {
    key: 'scale',
    label: 'colour scale',
    help: 'One colour scale per kernel, or one shared by every map.',
    place: 'offsphere',
    kind: 'choice',
    default: 'each',
    options: [
      { value: 'each', label: 'per kernel' },
      { value: 'shared', label: 'shared' },
    ],
  },
  positionParam(
    'da',
    'compare: kernel A',
    'Kernel A of the difference map and of the normalization readout; beyond the last kernel, the last is used.',
    'offsphere',
    1,
  ),
  positionParam(
    'db',
    'compare: kernel B',
    'Kernel B of the difference map and of the normalization readout; beyond the last kernel, the last is used.',
    'offsphere',
    2,
  ),
  {
    key: 'ray',
    label: 'ray direction (degrees)',
    help: 'The ray view shows k(r·x̂, z) for x̂ at this angle and r from 0 to R.',
    place: 'offsphere',
    kind: 'number',
    integer: false,
    default: 30,
    min: -180,
    max: 180,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'n',
    label: 'n (random points)',
    help: 'Number of random points of R^d in the normalization readout.',
    place: 'offsphere',
    kind: 'number',
    integer: true,
    default: 500,
    min: 10,
    max: 2000,
    step: 1,
    scale: 'log',
  },
  {
    key: 'spread',
    label: 'spread s of the norms',
    help: 'Point norms are log-uniform in [1/s, s]; s = 1 puts every point on the sphere.',
    place: 'offsphere',
    kind: 'number',
    integer: false,
    default: 4,
    min: 1,
    max: 10,
    step: 0.1,
    scale: 'linear',
  },
  {
    key: 'seed',
    label: 'seed',
    help: 'Seed of every random draw: the random points, the finite networks and random features, and the split of your own CSV file. The same seed gives the same draws, forever.',
    place: 'offsphere',
    kind: 'number',
    integer: true,
    default: 1,
    min: 0,
    max: 2147483647,
    step: 1,
    scale: 'linear',
  },
  // team parameters: function space (docs/function-space.md). `place` does not apply: their controls
  // live in their panels.
  {
    key: 'domain',
    label: 'random functions on',
    help: 'Draw the random functions on the sphere S² (a globe, d = 3) or on the circle S¹ (curves, d = 2).',
    place: 'sphere',
    kind: 'choice',
    default: 'sphere',
    options: [
      { value: 'sphere', label: 'sphere S² (d = 3)' },
      { value: 'circle', label: 'circle S¹ (d = 2)' },
    ],
  },
  {
    key: 'deg',
    label: 'truncation degree K',
    help: 'The random functions sum the spherical harmonics of degree 0 to K.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 128,
    min: 1,
    max: 256,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'sample',
    label: 'sample seed',
    help: 'Seed of the random coefficients, shared by every kernel: the same seed gives the same functions, forever.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 1,
    min: 0,
    max: 2147483647,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'lon',
    label: 'globe centre longitude (degrees)',
    help: 'Longitude of the point at the centre of the globe; drag the globe or use the arrow keys to turn it.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 0,
    min: -180,
    max: 180,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'lat',
    label: 'globe centre latitude (degrees)',
    help: 'Latitude of the point at the centre of the globe.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 20,
    min: -90,
    max: 90,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'pts',
    label: 'data points',
    help: 'Regression data on the circle: angle in degrees : value, items separated by semicolons (at most 200).',
    place: 'sphere',
    kind: 'list',
    default: '10:0.8;40:0.31;75:0.68;110:1.33;150:0.63;185:-0.68;220:-0.31;260:-0.9;295:-1.25;330:-0.63',
    rule: POINTS,
  },
  {
    key: 'ridge',
    label: 'ridge λ',
    help: 'Ridge parameter of the kernel regression, (K + λI)α = y; 0 interpolates the data where the Gram matrix allows it.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 0.001,
    min: 0,
    max: 100,
    step: 0.01,
    scale: 'log',
    logFloor: 1e-9,
  },
  {
    key: 'harm',
    label: 'target degrees',
    help: 'Degrees k of the harmonics in the learning target, comma-separated (at most 12, each 0–1000).',
    place: 'sphere',
    kind: 'list',
    default: '1,2,3,4,6,8',
    rule: DEGREES,
    check: (s) =>
      s.harm === '' ? { value: '1,2,3,4,6,8', repair: 'no degree left; default 1,2,3,4,6,8 used' } : undefined,
  },
  {
    key: 't',
    label: 'time t (units of 1/η)',
    help: 'Time of the kernel gradient flow: the degree-k part of the residual is exp(−λ_k t).',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 100,
    min: 0,
    max: 1e15,
    step: 0.01,
    scale: 'log',
    logFloor: 0.01,
  },
  // team parameters: real data (docs/realdata.md §6). Their controls live in the real-data panel.
  {
    key: 'data',
    label: 'data sets',
    help: 'n200 (the 28 data sets with n ≤ 200), n1000 (66), all (90), custom (your CSV file), or data set names separated by commas.',
    place: 'sphere',
    kind: 'list',
    default: 'n200',
    rule: datasetList(
      [...Object.keys(SIZE_CLASSES), 'custom'],
      CATALOG.map((e) => e.name),
    ),
    check: (s) => (s.data === '' ? { value: 'n200', repair: 'no data set left; default n200 used' } : undefined),
  },
  {
    key: 'contest',
    label: 'contestants',
    help: 'Kernels compared on the data: arora, ntk, ntk-rf, rntk, laplace, gexp, gauss, separated by commas.',
    place: 'sphere',
    kind: 'list',
    default: 'ntk,laplace,gexp,gauss',
    rule: nameList(CONTESTANT_NAMES, CONTESTANT_NAMES.length, 'contestant'),
    check: (s) =>
      s.contest === ''
        ? { value: 'ntk,laplace,gexp,gauss', repair: 'no contestant left; default ntk,laplace,gexp,gauss used' }
        : undefined,
  },
  {
    key: 'prep',
    label: 'preprocessing',
    help: 'zscore: the features as distributed (each column z-scored); sphere: every row divided by its norm.',
    place: 'sphere',
    kind: 'choice',
    default: 'zscore',
    options: [
      { value: 'zscore', label: 'z-scored columns' },
      { value: 'sphere', label: 'rows on the sphere' },
    ],
  },
  {
    key: 'pair',
    label: 'scatter: two contestants',
    help: 'The two contestants the scatter compares, e.g. ntk,laplace; empty: the first two contestants.',
    place: 'sphere',
    kind: 'list',
    default: '',
    rule: nameList(CONTESTANT_NAMES, 2, 'contestant'),
    check: (s) => {
      const contest = s.contest.split(',');
      const pair = s.pair === '' ? [] : s.pair.split(',');
      if (pair.length === 0) return undefined;
      if (pair.length === 2 && pair.every((c) => contest.includes(c))) return undefined;
      return { value: '', repair: `${s.pair} is not two of the contestants ${s.contest}; the first two used` };
    },
  },
  {
    key: 'file',
    label: 'your CSV file',
    help: 'With data=custom: the name of the CSV file the link was made with (the file itself stays on your computer).',
    place: 'sphere',
    kind: 'list',
    default: '',
    rule: FILE_NAME,
  },
  {
    key: 'label',
    label: 'label column',
    help: 'With data=custom: the column holding the class labels, counted from 1; 0 = the last column.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 0,
    min: 0,
    max: 1001,
    step: 1,
    scale: 'linear',
  },
  // team parameters: finite networks (docs/finite.md). Their controls live in their panels.
  {
    key: 'm',
    label: 'width m',
    help: 'Width of the finite networks: units in each hidden layer (docs/finite.md §1).',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 512,
    min: 4,
    max: 8192,
    step: 1,
    scale: 'log',
  },
  {
    key: 'seeds',
    label: 'networks',
    help: 'Number of random networks (from seed, seed + 1, …) per width and initialization.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 8,
    min: 1,
    max: 256,
    step: 1,
    scale: 'log',
  },
  {
    key: 'init',
    label: 'initialization',
    help: 'Weights i.i.d. N(0, 1), or scaled Haar-orthogonal matrices (docs/finite.md §1).',
    place: 'sphere',
    kind: 'choice',
    default: 'gaussian',
    options: [
      { value: 'gaussian', label: 'Gaussian' },
      { value: 'orthogonal', label: 'orthogonal' },
    ],
  },
  {
    key: 'rf',
    label: 'largest feature dimension D',
    help: 'Random features: the Gram error is shown for D = 16, 32, … up to this dimension (docs/finite.md §3).',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 1024,
    min: 16,
    max: 65536,
    step: 1,
    scale: 'log',
  },
  {
    key: 'widths',
    label: 'widths',
    help: 'Widths of the convergence and training views, comma-separated (at most 8, each 4–8192).',
    place: 'sphere',
    kind: 'list',
    default: '16,64,256,1024',
    rule: WIDTHS,
    check: (s) =>
      s.widths === '' ? { value: '16,64,256,1024', repair: 'no width left; default 16,64,256,1024 used' } : undefined,
  },
  {
    key: 'eta',
    label: 'step η (fraction of 2/λ_max)',
    help: 'Gradient-descent step as a fraction of the largest stable step 2/λ_max of the NTK on the data (docs/finite.md §4).',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 0.5,
    min: 0.01,
    max: 1,
    step: 0.01,
    scale: 'linear',
  },
  {
    key: 'steps',
    label: 'gradient steps',
    help: 'Number of full-batch gradient-descent steps of the training view.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 300,
    min: 1,
    max: 5000,
    step: 1,
    scale: 'log',
  },
  // team parameters: sequences, the recurrent NTK (docs/rntk.md). Their controls live in the Sequences panel.
  {
    key: 'seqs',
    label: 'sequences',
    help: `Scalar sequences: a preset (${SEQUENCE_PRESETS.map((p) => p.name).join(', ')}) or numbers separated by commas, sequences by semicolons (at most ${SEQUENCE_LIMITS.sequences} sequences of 1–${SEQUENCE_LIMITS.steps} steps, values within ±${SEQUENCE_LIMITS.value}).`,
    place: 'sphere',
    kind: 'list',
    default: DEFAULT_SEQUENCES,
    rule: SEQUENCES,
    check: (s) =>
      s.seqs === ''
        ? { value: DEFAULT_SEQUENCES, repair: `no sequence left; default ${DEFAULT_SEQUENCES} used` }
        : undefined,
  },
  {
    key: 'seq',
    label: 'chosen sequence',
    help: 'The sequence whose normalized kernel against the others and whose time weights are shown; beyond the last, the last.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 1,
    min: 1,
    max: SEQUENCE_LIMITS.sequences,
    step: 1,
    scale: 'linear',
  },
  {
    key: 'act',
    label: 'nonlinearity φ',
    help: 'The RNN’s nonlinearity: ReLU max(0, g) or erf (docs/rntk.md).',
    place: 'sphere',
    kind: 'choice',
    default: 'relu',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'erf', label: 'erf' },
    ],
  },
  {
    key: 'sw',
    label: 'σ_w (recurrent weights)',
    help: 'Scale of the recurrent weights W. Above 2, ReLU variances grow like (σ_w²/2)^T and overflow at T = 512.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: Math.SQRT2,
    min: 0,
    max: 2,
    step: 0.01,
    scale: 'linear',
  },
  {
    key: 'su',
    label: 'σ_u (input weights)',
    help: 'Scale of the input weights U.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 1,
    min: 0,
    max: 4,
    step: 0.01,
    scale: 'linear',
  },
  {
    key: 'sb',
    label: 'σ_b (bias)',
    help: 'Scale of the bias b.',
    place: 'sphere',
    kind: 'number',
    integer: false,
    default: 0,
    min: 0,
    max: 4,
    step: 0.01,
    scale: 'linear',
  },
  // team parameters: classroom (stories, presentation, embedding). Their controls live in the header, so
  // `place` (which only sorts kernel-list and off-sphere controls) is not used for them.
  {
    key: 'story',
    label: 'story',
    help: 'A guided story (a–k) shown with a stepper; none shows no story.',
    place: 'sphere',
    kind: 'choice',
    default: 'none',
    options: [
      { value: 'none', label: 'no story' },
      { value: 'a', label: 'story a' },
      { value: 'b', label: 'story b' },
      { value: 'c', label: 'story c' },
      { value: 'd', label: 'story d' },
      { value: 'e', label: 'story e' },
      { value: 'f', label: 'story f' },
      { value: 'g', label: 'story g' },
      { value: 'h', label: 'story h' },
      { value: 'i', label: 'story i' },
      { value: 'j', label: 'story j' },
      { value: 'k', label: 'story k' },
    ],
  },
  {
    key: 'step',
    label: 'story step',
    help: 'Step of the open story; beyond its last step, the last is used.',
    place: 'sphere',
    kind: 'number',
    integer: true,
    default: 1,
    min: 1,
    max: 20,
    step: 1,
    scale: 'linear',
  },
  toggleParam(
    'present',
    'presentation mode',
    'One panel at a time in large type, with only the controls a lecturer needs.',
  ),
  {
    key: 'panel',
    label: 'panel shown',
    help: 'The panel presentation mode shows.',
    place: 'sphere',
    kind: 'choice',
    default: 'profile',
    options: [
      { value: 'profile', label: 'profile' },
      { value: 'spectrum', label: 'spectrum' },
      { value: 'offsphere', label: 'off the sphere' },
      { value: 'samples', label: 'random functions' },
      { value: 'regression', label: 'regression' },
      { value: 'learning', label: 'spectral bias' },
      { value: 'realdata', label: 'real data' },
      { value: 'width', label: 'finite width' },
      { value: 'features', label: 'random features' },
      { value: 'training', label: 'training' },
      { value: 'sequences', label: 'sequences' },
    ],
  },
  toggleParam('embed', 'embed mode', 'The panels alone, without header, kernel list and notices, for an iframe.'),
] as const satisfies readonly GlobalParam[];

/** Names the LinkState fields that have no row; `never` when the table is complete. */
type MissingRows = Exclude<GlobalKey, (typeof TABLE)[number]['key']>;

/** Global parameters in link order (links.md §1 order, then the team's). */
export const GLOBAL_PARAMS: readonly GlobalParam[] = TABLE satisfies MissingRows extends never
  ? unknown
  : 'every LinkState field except kernels needs a row in GLOBAL_PARAMS';

/** The row of a global parameter that has a slider/field/select control (not a list); throws for a list. */
export function controlSpec(key: GlobalKey): ParamSpec {
  const spec = GLOBAL_PARAMS.find((p) => p.key === key);
  if (spec === undefined || spec.kind === 'list') throw new Error(`${key} has no single-value control`);
  return spec;
}

/** The options of a choice parameter, with the labels every control, axis and figure shows for them. */
export function choiceOptions(key: GlobalKey): ChoiceParam['options'] {
  const spec = controlSpec(key);
  if (spec.kind !== 'choice') throw new Error(`${key} is not a choice`);
  return spec.options;
}

/**
 * Global parameters that point at a kernel instance by its 1-based position: when instances are removed
 * or reordered they follow their instance (src/state/store.ts). `fit` = 0 points at none.
 */
export const INSTANCE_POSITIONS = ['fit', 'ra', 'rb', 'da', 'db'] as const satisfies readonly GlobalKey[];

/** The position pairs (A, B) that compare two instances (src/link/comparison.ts). */
export const COMPARISON_PAIRS = [
  ['ra', 'rb'],
  ['da', 'db'],
] as const satisfies readonly (readonly [GlobalKey, GlobalKey])[];

/** The link format version this app writes (links.md §1). */
export const LINK_VERSION = 1;

/** links.md §1: the kernels of a link without `kernels` (or whose list is empty after repair). */
export const DEFAULT_KERNELS: readonly KernelInstance[] = [
  defaultInstance('ntk', { L: 2 }),
  defaultInstance('laplace'),
  defaultInstance('gexp', { gamma: 0.5 }),
  defaultInstance('gauss'),
];

/** The state of a link that sets nothing: every parameter at its v1 default (links.md §1). */
export function defaultState(): LinkState {
  const globals = Object.fromEntries(GLOBAL_PARAMS.map((spec) => [spec.key, spec.default]));
  return { kernels: [...DEFAULT_KERNELS], ...(globals as Omit<LinkState, 'kernels'>) };
}

/** Link text cut to 40 characters (code points) for a message. */
function shorten(raw: string): string {
  const chars = Array.from(raw);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : raw;
}

/** Raw link text shown in a message: shortened, quoted and escaped, so a message is always one line. */
export function quote(raw: string): string {
  return JSON.stringify(shorten(raw));
}

/** The default of a spec as messages show it. */
const shownDefault = (spec: ParamSpec | ListParam) =>
  spec.kind === 'number' ? formatLinkNumber(spec.default) : spec.default;

/**
 * Reads one value against its spec with the links.md §1 repair rules: whitespace around it ignored; a
 * choice must be one of the listed words (case-sensitive); a number must be decimal. A number out of
 * range is clamped to the bound (Infinity from e.g. `1e400` counts as out of range; the bounds of integer
 * parameters are integers, so no rounding follows); one in range is rounded when the spec wants an
 * integer, by Math.round: halves go up (2.5 → 3, −2.5 → −2). A number of a discrete parameter (`allowed`)
 * snaps to the nearest allowed value instead (halfway goes up). Anything else falls back to the default.
 * At most one reason per value. Never throws; −0 is read as 0.
 */
export function coerceParam(spec: ParamSpec | ListParam, raw: string): Coerced {
  const text = raw.trim();
  if (spec.kind === 'list') {
    const { value, repairs } = spec.rule.read(text);
    return repairs.length > 0 ? { value, repair: repairs.join('; ') } : { value };
  }
  if (spec.kind === 'choice') {
    if (spec.options.some((o) => o.value === text)) return { value: text };
    const words = spec.options.map((o) => o.value).join(', ');
    return { value: spec.default, repair: `${quote(text)} is not one of ${words}; default ${spec.default} used` };
  }
  if (!DECIMAL.test(text)) {
    return { value: spec.default, repair: `${quote(text)} is not a number; default ${shownDefault(spec)} used` };
  }
  const n = Number(text) + 0; // + 0 turns −0 into 0
  const shown = shorten(text); // a decimal literal: safe to show unquoted
  if (spec.allowed !== undefined) return snapToAllowed(spec.allowed, n, shown);
  if (n > spec.max) {
    const max = formatLinkNumber(spec.max);
    return { value: spec.max, repair: `${shown} is above the maximum ${max}; clamped to ${max}` };
  }
  if (n < spec.min) {
    const min = formatLinkNumber(spec.min);
    return { value: spec.min, repair: `${shown} is below the minimum ${min}; clamped to ${min}` };
  }
  if (spec.integer && !Number.isInteger(n)) {
    const r = Math.round(n) + 0;
    return { value: r, repair: `${shown} is not an integer; rounded to ${formatLinkNumber(r)}` };
  }
  return { value: n };
}

/**
 * A number of a discrete parameter (`NumberParam.allowed`, ascending): an allowed value as it is, any other
 * number (±Infinity included) snapped to the nearest allowed value, a value exactly halfway between two
 * going up, as integers round half up (links.md §1).
 */
function snapToAllowed(allowed: readonly number[], n: number, shown: string): Coerced {
  if (allowed.includes(n)) return { value: n };
  let i = 0;
  while (i < allowed.length - 1 && n >= (allowed[i] + allowed[i + 1]) / 2) i++;
  const value = allowed[i];
  const halfway = i > 0 && n === (allowed[i - 1] + value) / 2;
  const list = allowed.map(formatLinkNumber).join(', ');
  return {
    value,
    repair: `${shown} is not one of ${list}; snapped to the nearest, ${formatLinkNumber(value)}${halfway ? ' (halfway goes up)' : ''}`,
  };
}

/**
 * A global parameter's value as a typed field reads it: `coerceParam`, then the row's own `check` against
 * the state with that value (e.g. an emptied `harm` falls back to its default), as a link would.
 */
export function coerceGlobal(spec: GlobalParam, raw: string, state: Readonly<LinkState>): Coerced {
  const read = coerceParam(spec, raw);
  const fix = spec.check?.({ ...state, [spec.key]: read.value });
  if (fix === undefined) return read;
  return { value: fix.value, repair: [read.repair, fix.repair].filter(Boolean).join('; ') };
}
