/**
 * Every number a story text quotes is what its step's view shows (README "Stories"): each one is recomputed
 * here from the step's own link with the functions the workers call (src/core), computed as the panel asks
 * for them, and must round to the quoted digits. A number in a text that is neither measured here nor
 * listed as given (a parameter of the link, a theoretical exponent) fails the test, so a new number cannot
 * go unpinned. Story h (real data) is pinned by tests/unit/realdata-story.test.ts. Qualitative claims the
 * texts make about the screen are checked as facts.
 */
import { describe, expect, it } from 'vitest';
import { fitLaplace } from '../../src/core/kernels/fitLaplace';
import { familyOf } from '../../src/core/kernels/registry';
import { learningView } from '../../src/core/functionSpace/learning';
import { normalizationReadout } from '../../src/core/offsphere/gram';
import { planeMaps, rayProfile } from '../../src/core/offsphere/plane';
import { pointFromPolar } from '../../src/core/offsphere/polar';
import { fitSpectrumTails, fitWindow } from '../../src/core/spectrum/decayFit';
import { spectrum, type SpectrumResult } from '../../src/core/spectrum/spectrum';
import { profile } from '../../src/core/views/profile';
import { regressionView } from '../../src/core/views/regressionView';
import { trainingRequest, trainingView } from '../../src/core/finite/training';
import { spectrumPlot } from '../../src/core/views/spectrumPlot';
import { relativeRmsError, widthConvergence, widthSeries } from '../../src/core/views/finiteWidth';
import { type LinkState, parseLink, readIntegers, readPoints, resolvePosition } from '../../src/link';
import { linkText } from '../../src/linkText';
import { STORIES } from '../../src/stories';
import { sequencesFinite, sequencesView } from '../../src/core/views/sequencesView';

// ---- the views, computed as the panels request them (src/ui/panels/*, workers/compute.worker.ts) ----

const stepLink = (id: string) => STORIES.find((s) => s.id === id[0])!.steps[Number(id.slice(1)) - 1].link;
const stateOf = (id: string): LinkState => parseLink(stepLink(id)).state;
const memo = <T>(f: (id: string) => T) => {
  const cache = new Map<string, T>();
  return (id: string) => {
    if (!cache.has(id)) cache.set(id, f(id));
    return cache.get(id)!;
  };
};

/** The spectrum panel (useSpectrum + the worker's `spectrum`): eigenvalues, tail fits, the plotted ratio. */
const spectrumOf = memo((id: string) => {
  const s = stateOf(id);
  const result = spectrum({ kernels: s.kernels, d: s.d, kmax: s.kmax, unit: s.norm === 'unit' });
  const oddVanish = s.kernels.map((k) => familyOf(k).decay(s.d, k.params).oddVanish);
  const fits = fitSpectrumTails(result.series, oddVanish, fitWindow(s.kmax, s.klo, s.khi), s.parity, s.klo === 0);
  const n = s.kernels.length;
  const plot = spectrumPlot(result, s.kernels, s.y, [resolvePosition(s.ra, n), resolvePosition(s.rb, n)], fits);
  return { result, fits, plot };
});
/** The Sequences panel (its worker calls `sequences`, then `sequencesFinite` with the link's m and seeds). */
const sequencesRequestOf = (id: string) => {
  const { seqs, seed, seq, act, sw, su, sb, m, seeds } = stateOf(id);
  return { seqs, seed, seq, act, sw, su, sb, m, seeds };
};
const sequencesOf = memo((id: string) => sequencesView({ ...sequencesRequestOf(id), weights: 'chosen' }));
const sequencesFiniteOf = memo((id: string) => sequencesFinite(sequencesRequestOf(id)));
const slopes = (id: string) => spectrumOf(id).fits.map((f) => f?.slope ?? Number.NaN);
const slope = (id: string, i: number) => slopes(id)[i];
/** λ_k(ra)/λ_k(rb) as the ratio view plots it. */
const ratio = (id: string, k: number) => 10 ** spectrumOf(id).plot.series[0].log10[k];
/** The first degree from which every eigenvalue of series i is at or below its accuracy floor. */
function floorFrom({ series }: SpectrumResult, i: number): number {
  const { lambda, floor } = series[i];
  let k = lambda.length;
  while (k > 1 && Math.abs(lambda[k - 1]) <= floor) k--;
  return k;
}

/** The profile panel (useProfile): 721 samples over the zoomed range, the Laplace fit to kernel `fit`. */
const profileOf = memo((id: string) => {
  const s = stateOf(id);
  const fit = s.fit > 0 ? fitLaplace(s.kernels[s.fit - 1]) : null;
  const kernels = fit ? [...s.kernels, fit.instance] : s.kernels;
  const thetaMax = (Math.min(180, s.zoom) * Math.PI) / 180;
  return { fit, ...profile({ kernels, unit: s.norm === 'unit', samples: 721, thetaMax }) };
});

/** The off-sphere panel (useOffsphere): the fine maps (256²), the ray (401 samples), D on the points. */
const offsphereOf = memo((id: string) => {
  const s = stateOf(id);
  const unit = s.norm === 'unit';
  const z = pointFromPolar(s.zn, s.za);
  const maps = planeMaps({ kernels: s.kernels, unit, z, R: s.R, size: 256, diff: [s.da, s.db] });
  const ray = rayProfile(s.kernels, unit, z, (s.ray * Math.PI) / 180, s.R, 401);
  const D = normalizationReadout(s.kernels[s.da - 1], s.kernels[s.db - 1], s.n, s.d, s.spread, s.seed);
  return { maps, ray, D };
});
const rayAt = (id: string, kernel: number, r: number) => {
  const { ray } = offsphereOf(id);
  return ray.values[kernel][ray.r.findIndex((x) => Math.abs(x - r) < 1e-9)];
};

/** The random functions on S² (gpSamples): eigenvalues at d = 3 up to the truncation degree. */
const samplesOf = memo((id: string) => {
  const s = stateOf(id);
  return spectrum({ kernels: s.kernels, d: 3, kmax: s.deg, unit: s.norm === 'unit' });
});
/** Expected share of a sample's variance (degrees ≥ 1, N(3, k) = 2k + 1 harmonics each) in degrees ≥ from, in %. */
function varianceShare(id: string, kernel: number, from: number): number {
  const { lambda, floor } = samplesOf(id).series[kernel];
  let all = 0;
  let tail = 0;
  lambda.forEach((v, k) => {
    const w = k >= 1 && v > floor ? (2 * k + 1) * v : 0;
    all += w;
    if (k >= from) tail += w;
  });
  return (100 * tail) / all;
}

/** The regression panel (regressionView on the link's points). */
const regressionOf = memo((id: string) => {
  const s = stateOf(id);
  const points = readPoints(s.pts);
  const view = regressionView({
    kernels: s.kernels,
    unit: s.norm === 'unit',
    theta: points.map((p) => (p.angle * Math.PI) / 180),
    y: points.map((p) => p.value),
    ridge: s.ridge,
  });
  return { view, points };
});
const toDegrees = (t: number) => (t * 180) / Math.PI;
/** How far predictor i leaves [min, max] of the two data values around each gap, per gap (sorted by angle). */
function overshoots(id: string, i: number): { from: number; to: number; by: number }[] {
  const { view, points } = regressionOf(id);
  const sorted = [...points].sort((a, b) => a.angle - b.angle);
  return sorted.map((a, q) => {
    const b = sorted[(q + 1) % sorted.length];
    const [lo, hi] = [Math.min(a.value, b.value), Math.max(a.value, b.value)];
    const to = b.angle > a.angle ? b.angle : b.angle + 360;
    let by = 0;
    view.theta.forEach((t, j) => {
      const deg = toDegrees(t) < a.angle ? toDegrees(t) + 360 : toDegrees(t);
      if (deg > a.angle && deg < to) by = Math.max(by, view.values[i][j] - hi, lo - view.values[i][j]);
    });
    return { from: a.angle, to: b.angle, by };
  });
}

/** The learning panel (learningView). */
const learningOf = memo((id: string) => {
  const s = stateOf(id);
  return learningView({ kernels: s.kernels, d: s.d, unit: s.norm === 'unit', degrees: readIntegers(s.harm), t: s.t });
});
const timeToLearn = (id: string, kernel: number, k: number) =>
  learningOf(id).kernels[kernel].degrees.find((c) => c.k === k)!.timeToLearn;

/** The width panel (widthSeries, widthConvergence as the workers compute them): the first NTK instance. */
const widthOf = memo((id: string) => {
  const s = stateOf(id);
  const base = { kernels: s.kernels, d: s.d, seeds: s.seeds, seed: s.seed };
  const series = widthSeries({ ...base, m: s.m, init: s.init, unit: s.norm === 'unit' }).series[0];
  const convergence = widthConvergence({ ...base, widths: readIntegers(s.widths) });
  return { series, convergence };
});
/** Index 45 of the 91 angles is θ = 90°. */
const atRightAngle = (id: string) => {
  const { series } = widthOf(id);
  return { analytic: series.analytic[45], mean: series.mean[45], sd: series.sd[45] };
};
/** Mean over the networks of the relative RMS error, in %. */
const widthError = (id: string) => {
  const { series } = widthOf(id);
  return (
    (100 * series.networks.reduce((sum, n) => sum + relativeRmsError(n, series.analytic), 0)) / series.networks.length
  );
};
const convergenceOf = (id: string, init: string) => widthOf(id).convergence.find((c) => c.init === init)!;

/** The training panel (trainingView as the worker computes it, without the animation frames). */
const trainingOf = memo((id: string) => {
  const s = stateOf(id);
  return trainingView(trainingRequest({ ...s, points: readPoints(s.pts), widths: readIntegers(s.widths) }, 0)!);
});
const trainingRun = (id: string, init: string, m: number) =>
  trainingOf(id).runs.find((r) => r.init === init && r.m === m)!;
const trainingSlope = (id: string, init: string) => trainingOf(id).slopes.find((q) => q.init === init)!;
/** The largest loss of a run and its step (1-based). */
const lossPeak = (id: string, init: string, m: number) => {
  const { loss } = trainingRun(id, init, m);
  const at = loss.reduce((best, l, k) => (l > loss[best] ? k : best), 0);
  return { value: loss[at], step: at + 1 };
};

// ---- what each step quotes ----

/** A value, or several that must all round to the same quoted number. */
type Measured = number | readonly number[];

interface StepNumbers {
  /** a substring of the text → the values of its numbers, in order (units as quoted: %, millions, degrees) */
  measured: Record<string, () => readonly Measured[]>;
  /** a substring whose numbers are upper bounds: every value is below its number */
  below?: Record<string, () => readonly Measured[]>;
  /** substrings whose numbers are given, not measured: parameters of the link, theoretical rates */
  given: readonly string[];
  /** qualitative claims about the screen */
  facts?: Record<string, () => boolean>;
}

const STEP_NUMBERS: Record<string, StepNumbers> = {
  a1: {
    measured: {
      'c ≈ 0.95': () => [profileOf('a1').fit!.c],
      'about 0.08 (rms)': () => [profileOf('a1').fit!.rms],
    },
    given: ['(d = 2)'],
  },
  a2: {
    measured: {
      'the NTK to 0.969 and the fitted Laplace kernel to 0.921 at 5°': () => {
        const { values } = profileOf('a2');
        return [values[0].at(-1)!, values[1].at(-1)!, 5];
      },
    },
    given: ['from 0° to 5°'],
    facts: {
      'both fall off linearly: at 2.5° each has dropped half as much as at 5° (within 10 %)': () =>
        profileOf('a2').values.every((v) => {
          const half = 1 - v[(v.length - 1) / 2];
          const full = 1 - v[v.length - 1];
          return Math.abs(half / (full / 2) - 1) < 0.1;
        }),
    },
  },
  a3: {
    measured: {
      'fitted slopes −2.00 over k ∈ [100, 200]': () => {
        const f = spectrumOf('a3').fits;
        return [slopes('a3'), f.map((x) => x!.kFrom), f.map((x) => x!.kTo)];
      },
    },
    given: ['k^−2 = k^−d'],
  },
  b1: {
    measured: { 'fitted slopes are −2.00 for both kernels': () => [slopes('b1')] },
    given: ['reference k^−2', 'S^(d−1)'],
  },
  b2: {
    measured: { 'fitted slopes −2.99': () => [slopes('b2')] },
    given: ['(d = 3)', 'k^−3'],
  },
  b3: {
    measured: { 'the fitted slopes, −4.95,': () => [slopes('b3')] },
    given: ['At d = 5', 'k^−5', 'above −5'],
  },
  c1: {
    measured: { 'from k = 3 on is exactly zero': () => [firstOddAtFloor('c1')] },
    given: ['at d = 3', 'degree 3 or more', 'k^−3'],
    facts: {
      'every odd eigenvalue from k = 3 on is at the floor': () => oddAtFloorFrom3('c1', 0),
    },
  },
  c2: {
    measured: { 'fitted slope −2.99': () => [slope('c2', 1)] },
    given: ['(β = 1)', 'k^−3'],
  },
  c3: {
    measured: {},
    given: [],
    facts: {
      'with two hidden layers the odd eigenvalues are above the floor and decay at the same rate (within 0.1 of −3)':
        () => Math.abs(slope('c3', 2) + 3) < 0.1,
    },
  },
  d1: {
    measured: {},
    given: ['1, 2, 4 and 8 hidden layers', 'θ = 0'],
    facts: {
      'deeper kernels drop faster near θ = 0 and stay higher at π': () => {
        const { theta, values } = profileOf('d1');
        const at = (deg: number) => theta.findIndex((t) => toDegrees(t) >= deg - 1e-9);
        const [near, far] = [at(10), theta.length - 1];
        return values.every((v, i) => i === 0 || (v[near] < values[i - 1][near] && v[far] > values[i - 1][far]));
      },
    },
  },
  d2: {
    measured: { 'every fitted slope is −2.99': () => [slopes('d2')] },
    given: ['k^−3 at d = 3'],
  },
  d3: {
    measured: {
      'about 3.43 at even k and 4.79 at odd k': () => [ratio('d3', 200), ratio('d3', 199)],
    },
    given: ['λ_k(8 layers)/λ_k(2 layers)'],
    facts: {
      'two plateaus: the even and the odd ratios each change by less than 0.5 % over k ∈ [100, 200]': () =>
        [100, 101].every((k0) => Math.abs(ratio('d3', k0) / ratio('d3', k0 + 98) - 1) < 0.005),
    },
  },
  e1: {
    measured: {},
    given: ['γ = 0.5, 1 (Laplace), 1.5 and 2', 'from 0° to 30°', 'θ = 0', 'γ < 1'],
    facts: {
      'the smaller γ, the sharper the peak: lower at 1° in the order γ = 0.5, 1, 1.5, 2': () => {
        const { theta, values } = profileOf('e1');
        const i = theta.findIndex((t) => toDegrees(t) >= 1 - 1e-9);
        return values.every((v, j) => j === 0 || v[i] > values[j - 1][i]);
      },
    },
  },
  e2: {
    measured: {
      'fitted slopes −2.45, −2.99 and −3.49': () => slopes('e2').slice(0, 3),
      'from k = 17 on': () => [floorFrom(spectrumOf('e2').result, 3)],
    },
    given: ['k^−(d−1+γ)', 'against −2.5, −3 and −3.5 at d = 3'],
  },
  e3: {
    measured: {
      'from 1.26 at k = 10 to 6.92 at k = 200': () => [ratio('e3', 10), 10, ratio('e3', 200), 200],
      'the fitted slopes differ by 0.54': () => [slope('e3', 0) - slope('e3', 1)],
    },
    given: ['λ_k(γ = 0.5)', 'k^0.5', 'RKHS of γ = 0.5', 'that of γ = 1.5'],
  },
  e4: {
    measured: {
      'fitted slopes −2.99, −2.99, −4.98 and −6.98': () => slopes('e4').slice(0, 4),
      'from k = 17 on': () => [floorFrom(spectrumOf('e4').result, 4)],
    },
    given: ['at d = 3', 'ν = 3/2 and 5/2', 'k^−(d−1+2ν)', 'against −3, −3, −5 and −7', 'H^(ν+(d−1)/2)'],
  },
  f1: {
    measured: {
      'distance D ≈ 1.2': () => [offsphereOf('f1').D.raw],
      'close (D ≈ 0.16)': () => [offsphereOf('f1').D.projected],
    },
    given: ['a > 0', '[1/4, 4]'],
  },
  f2: {
    measured: {
      'now ends at 5.02 instead of 2.51': () => [
        offsphereOf('f2').maps.ranges[0][1],
        offsphereOf('f1').maps.ranges[0][1],
      ],
      'the previous one times 2': () => [offsphereOf('f2').maps.ranges[0][1] / offsphereOf('f1').maps.ranges[0][1]],
      'reaching 4 at r = 2': () => [rayAt('f2', 0, 2), 2],
      'down to 0.368 from 1': () => [rayAt('f2', 1, 1), rayAt('f1', 1, 1)],
    },
    given: ['‖z‖ = 2'],
    facts: {
      'the NTK map is exactly twice the previous one, cell by cell': () => {
        const [now, before] = [offsphereOf('f2').maps.values[0], offsphereOf('f1').maps.values[0]];
        return now.every((v, i) => Math.abs(v - 2 * before[i]) <= 1e-6 * Math.abs(v));
      },
      'the NTK ray is twice as steep': () => Math.abs(rayAt('f2', 0, 2) / rayAt('f1', 0, 2) - 2) < 1e-9,
    },
  },
  f3: {
    measured: { '(D ≈ 0.16)': () => [offsphereOf('f3').D.raw] },
    given: ['(hom = 1)'],
  },
  f4: {
    measured: { '(D ≈ 0.16)': () => [offsphereOf('f4').D.raw] },
    given: ['spread s = 1'],
  },
  g1: {
    measured: {
      'from k = 10 on the NTK’s eigenvalues are only 0.27 to 0.40 times': () => {
        const [ntk, laplace] = samplesOf('g1').series.map((s) => s.lambda);
        const ratios = Array.from({ length: ntk.length - 10 }, (_, i) => ntk[i + 10] / laplace[i + 10]);
        return [10, Math.min(...ratios), Math.max(...ratios)];
      },
      'degrees 8 and above carry on average 6 % of its variance against 17 %': () => [
        8,
        varianceShare('g1', 0, 8),
        varianceShare('g1', 1, 8),
      ],
      'a rougher function (39 %)': () => [varianceShare('g1', 2, 8)],
    },
    below: { '(below 0.1 %)': () => [varianceShare('g1', 3, 8)] },
    given: ['k^−3 on S²', 'γ = 0.5 kernel (k^−2.5)'],
  },
  g2: {
    measured: {
      'differ by at most 0.14 (11 % of the largest value, near θ = 129°': () => {
        const { view } = regressionOf('g2');
        const c = view.comparison!;
        const at = view.theta.findIndex((_, j) => Math.abs(view.values[c.ntk][j] - c.values[j]) === c.gap);
        return [c.gap, 100 * c.relativeGap, toDegrees(view.theta[at])];
      },
      'it dips 0.074 below both neighbours': () => [overshoots('g2', 2).find((o) => o.from === 40)!.by],
      'it peaks at 1.35': () => [Math.max(...regressionOf('g2').view.values[2])],
    },
    given: [
      '(c = 0.9475)',
      'ridge 0',
      'between the points at 110° and 150°',
      'between 40° and 75°',
      'largest value 1.33',
    ],
    facts: {
      'every kernel interpolates the data': () => regressionOf('g2').view.fits.every((f) => f.maxResidual < 1e-9),
      'the largest gap lies between the points at 110° and 150°': () => {
        const { view } = regressionOf('g2');
        const c = view.comparison!;
        const at = view.theta.findIndex((_, j) => Math.abs(view.values[c.ntk][j] - c.values[j]) === c.gap);
        return toDegrees(view.theta[at]) > 110 && toDegrees(view.theta[at]) < 150;
      },
      'the NTK and the fitted Laplace kernel never leave the range of two neighbouring values': () =>
        [0, 1].every((i) => overshoots('g2', i).every((o) => o.by < 1e-9)),
      'the 40°–75° dip is the Gaussian’s largest overshoot': () =>
        Math.max(...overshoots('g2', 2).map((o) => o.by)) === overshoots('g2', 2).find((o) => o.from === 40)!.by,
    },
  },
  g3: {
    measured: {
      'about 7000 for the NTK, 3000 for the Laplace kernel and 2 million for the Gaussian': () => [
        timeToLearn('g3', 0, 8)!,
        timeToLearn('g3', 1, 8)!,
        timeToLearn('g3', 2, 8)! / 1e6,
      ],
    },
    given: ['degrees 1, 2, 3, 4, 6 and 8', 'the time to learn degree 8', 'like k^3'],
    facts: {
      'all three kernels learn the degrees in the same order': () =>
        learningOf('g3').kernels.every((k) => k.order.join() === learningOf('g3').kernels[0].order.join()),
    },
  },
  g4: {
    measured: {},
    given: ['beyond k = 1', 'degrees 9 and 11', 'degree 9 is learned after degree 10, and 11 after 12'],
    facts: {
      'the bias-free one-hidden-layer NTK never learns 9 and 11': () =>
        timeToLearn('g4', 0, 9) === null && timeToLearn('g4', 0, 11) === null,
      'with two hidden layers 9 comes after 10, and 11 after 12': () =>
        timeToLearn('g4', 1, 9)! > timeToLearn('g4', 1, 10)! && timeToLearn('g4', 1, 11)! > timeToLearn('g4', 1, 12)!,
    },
  },
  i1: {
    measured: {
      'the formula gives 0.159': () => [atRightAngle('i1').analytic],
      'the networks 0.106 ± 0.086': () => [atRightAngle('i1').mean, atRightAngle('i1').sd],
      'by 43 %': () => [widthError('i1')],
    },
    given: ['width 16', 'θ = 90°', 'Θ(x, z)'],
  },
  i2: {
    measured: {
      'they give 0.162 ± 0.006 against 0.159': () => [
        atRightAngle('i2').mean,
        atRightAngle('i2').sd,
        atRightAngle('i2').analytic,
      ],
      '(error 2.2 %)': () => [widthError('i2')],
    },
    given: ['256 times wider', 'θ = 90°'],
    facts: {
      'the band has closed: the sd is a tenth of width 16’s': () => atRightAngle('i2').sd < atRightAngle('i1').sd / 10,
    },
  },
  i3: {
    measured: {
      'slopes −0.49 for Gaussian and −0.59 for orthogonal': () => [
        convergenceOf('i3', 'gaussian').slope!,
        convergenceOf('i3', 'orthogonal').slope!,
      ],
      'about 49000 units with Gaussian weights and 8300 with orthogonal': () => [
        convergenceOf('i3', 'gaussian').widthFor1Percent!,
        convergenceOf('i3', 'orthogonal').widthFor1Percent!,
      ],
    },
    given: ['m^−1/2', 'A 1 % error'],
    facts: {
      'the 1 % widths are extrapolated beyond the widths computed': () =>
        convergenceOf('i3', 'gaussian').extrapolated && convergenceOf('i3', 'orthogonal').extrapolated,
    },
  },
  j1: {
    measured: {
      'The widest network ends 0.029 (RMS) from it, the narrowest 0.16 away': () => [
        trainingRun('j1', 'gaussian', 1024).distance!,
        trainingRun('j1', 'gaussian', 16).distance!,
      ],
      'fitted slopes −0.39 for Gaussian and −0.49 for orthogonal weights': () => [
        trainingSlope('j1', 'gaussian').distance!,
        trainingSlope('j1', 'orthogonal').distance!,
      ],
    },
    given: ['widths 16 to 1024', '300 gradient steps', 'f = 0', 'm^−1/2'],
  },
  j2: {
    measured: {
      'jumps to 5.4 at step 7': () => [lossPeak('j2', 'orthogonal', 8).value, lossPeak('j2', 'orthogonal', 8).step],
      'its kernel moves by 66 %': () => [100 * trainingRun('j2', 'orthogonal', 8).kernelChange!],
      'ends at about 0.004': () => [trainingRun('j2', 'gaussian', 8).loss.at(-1)!],
      'move by 0.56 % (Gaussian) and 0.29 % (orthogonal)': () => [
        100 * trainingRun('j2', 'gaussian', 1024).kernelChange!,
        100 * trainingRun('j2', 'orthogonal', 1024).kernelChange!,
      ],
    },
    given: ['eta = 0.95', 'for 30 steps', 'widths 8 and 1024', 'At width 1024'],
    facts: {
      'the narrow orthogonal loss rises above where it started, then ends below the kernel’s': () =>
        lossPeak('j2', 'orthogonal', 8).value > trainingOf('j2').initialLoss &&
        trainingRun('j2', 'orthogonal', 8).loss.at(-1)! < trainingOf('j2').kernelLoss.at(-1)!,
    },
  },
  k1: {
    measured: {
      'χ = 0.5 times': () => [sequencesOf('k1').memory.chi],
      'the normalized kernel of x₁ and x₂ is 1.000': () => [sequencesOf('k1').normalized[1]!],
    },
    given: ['x₁ has 32 steps, x₂ has 96', 'their last 32 values', 'σ_w = 1 '],
    facts: {
      'x₁ and x₂ share their last 32 values': () =>
        sequencesOf('k1').sequences[0].every((v, t) => v === sequencesOf('k1').sequences[1][t + 64]),
      'the weights fade: the last step’s envelope is far above the first’s': () =>
        sequencesOf('k1').memory.regime === 'forgets',
    },
  },
  k2: {
    measured: {
      'χ = 1:': () => [sequencesOf('k2').memory.chi],
      'drops to 0.23': () => [sequencesOf('k2').normalized[1]!],
    },
    given: ['σ_w = √2', 'the 64 earlier steps'],
    facts: { 'σ_w is at the critical value': () => sequencesOf('k2').memory.regime === 'critical' },
  },
  k3: {
    measured: {
      'χ = 1.125': () => [sequencesOf('k3').memory.chi],
      'their normalized kernel is 0.14': () => [sequencesOf('k3').normalized[1]!],
    },
    given: ['σ_w = 1.5', 'the 64 steps', 'width 512', '(σ_w²/2)^T', 'stops σ_w at 2'],
    facts: {
      'σ_w is above the critical value': () => sequencesOf('k3').memory.regime === 'remembers',
      'the finite RNNs’ normalized kernels are near twice the recursion’s (1.5–3×), with a spread as large as the values':
        () => {
          const f = sequencesFiniteOf('k3');
          const analytic = sequencesOf('k3').normalized;
          return (
            f.m === 512 &&
            f.normalized.every((s, j) => {
              if (j === 0) return s!.mean === 1;
              const ratio = s!.mean / analytic[j]!;
              return ratio > 1.5 && ratio < 3 && s!.sd > 0.6 * s!.mean;
            })
          );
        },
    },
  },
};

function firstOddAtFloor(id: string): number {
  const { lambda, floor } = spectrumOf(id).result.series[0];
  for (let k = 1; k < lambda.length; k += 2) if (Math.abs(lambda[k]) <= floor) return k;
  return Number.NaN;
}
function oddAtFloorFrom3(id: string, i: number): boolean {
  const { lambda, floor } = spectrumOf(id).result.series[i];
  return lambda.every((v, k) => k < 3 || k % 2 === 0 || Math.abs(v) <= floor);
}

// ---- checking ----

const NUMBER = /[−-]?\d+(?:\.\d+)?/g;
const numbersIn = (quote: string) => [...quote.matchAll(NUMBER)].map((m) => m[0].replace('−', '-'));

/** Half a unit of the quoted number's last digit (for an integer with trailing zeros, of its last significant digit). */
function halfUnit(quoted: string): number {
  const [whole, decimals = ''] = quoted.replace('-', '').split('.');
  if (decimals) return 0.5 * 10 ** -decimals.length;
  const trailingZeros = whole.length - whole.replace(/0+$/, '').length;
  return 0.5 * 10 ** Math.min(trailingZeros, whole.length - 1);
}

const plainOf = (id: string) => STORIES.find((s) => s.id === id[0])!.steps[Number(id.slice(1)) - 1].text;
const pinnedSteps = STORIES.filter((s) => s.id !== 'h').flatMap((s) => s.steps.map((_, i) => `${s.id}${i + 1}`));

describe('story numbers are the screen’s', () => {
  it('every step of stories a–g has its entry here', () => {
    expect(Object.keys(STEP_NUMBERS).sort()).toEqual([...pinnedSteps].sort());
  });

  it.each(pinnedSteps)(
    '%s: every quoted number rounds to the computed one',
    (id) => {
      const text = plainOf(id);
      const { measured, below = {} } = STEP_NUMBERS[id];
      for (const [quote, compute] of Object.entries({ ...measured, ...below })) {
        expect(text, `${id} quotes “${quote}”`).toContain(quote);
        const quoted = numbersIn(quote);
        const values = compute();
        expect(values.length, `${id} “${quote}”: one value per number`).toBe(quoted.length);
        quoted.forEach((q, j) => {
          for (const v of [values[j]].flat()) {
            if (quote in below) expect(v, `${id} “${quote}”`).toBeLessThan(Number(q));
            else
              expect(Math.abs(v - Number(q)), `${id} “${quote}”: computed ${v}`).toBeLessThanOrEqual(
                halfUnit(q) * (1 + 1e-9),
              );
          }
        });
      }
    },
    60_000,
  );

  it.each(pinnedSteps)(
    '%s: the claims about the screen hold',
    (id) => {
      for (const [claim, holds] of Object.entries(STEP_NUMBERS[id].facts ?? {}))
        expect(holds(), `${id}: ${claim}`).toBe(true);
    },
    60_000,
  );

  it.each(pinnedSteps)('%s: no number in the text is left unpinned', (id) => {
    const { measured, below = {}, given } = STEP_NUMBERS[id];
    // citations carry years, not measurements
    let rest = linkText(plainOf(id))
      .map((p) => (p.kind === 'cite' ? ' ' : p.text))
      .join('');
    for (const quote of [...Object.keys(measured), ...Object.keys(below), ...given]) {
      expect(rest, `${id}: “${quote}” is not in the text`).toContain(quote);
      rest = rest.split(quote).join(' ');
    }
    expect(rest.match(/\d[\d.]*/g) ?? [], `${id}: unpinned numbers in “${rest}”`).toEqual([]);
  });
});
