/**
 * The function-space figures (docs/function-space.md, "Figures"): `samples`, `regression` and `learning`
 * through the figure command in-process (tests/unit/cli.test.ts runs the real process), in JSON, CSV and
 * SVG.
 */
import { describe, expect, it } from 'vitest';
import { fitLaplace } from '../../src/core/kernels/fitLaplace';
import { defaultInstance } from '../../src/core/kernels/registry';
import { gpSamples } from '../../src/core/functionSpace/samples';
import { runFigureCommand } from '../../src/figure/command';
import { figureText } from '../../src/figure/unicode';
import { expectWellFormedSvg } from './svg-markup';

function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = runFigureCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function figure(link: string, panel: string, format = 'json') {
  const r = run(link, '--panel', panel, '--format', format);
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  return r.out;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every number in a JSON value is finite; null appears only inside arrays named `timeToLearn`. Returns the faults. */
function badNumbers(value: Json, key = '', faults: string[] = []): string[] {
  if (value === null) {
    if (key !== 'timeToLearn') faults.push(`null in ${key}`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) faults.push(`${value} in ${key}`);
  } else if (Array.isArray(value)) for (const v of value) badNumbers(v, key, faults);
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) badNumbers(v, k, faults);
  return faults;
}

function json(link: string, panel: string) {
  const out = figure(link, panel);
  expect(out).not.toMatch(/NaN|Infinity/);
  const fig = JSON.parse(out);
  expect(badNumbers(fig)).toEqual([]);
  return fig;
}

/** CSV lines; every data cell a finite number, or empty where `empty` allows. */
function csv(link: string, panel: string, empty = false) {
  const lines = figure(link, panel, 'csv').trimEnd().split('\n');
  const bad = lines
    .slice(2)
    .flatMap((line) =>
      line.split(',').filter((cell) => !(empty && cell === '') && !(cell !== '' && Number.isFinite(Number(cell)))),
    );
  expect(bad).toEqual([]);
  return lines;
}

const DEFAULT_NAMES = ['ntk(L=2)', 'laplace', 'gexp(gamma=0.5)', 'gauss'];

describe('samples figure', () => {
  it('sphere JSON: the grid of docs/function-space.md and one row-major map per instance, as gpSamples computes it', () => {
    const fig = json('?deg=20&sample=7&norm=raw', 'samples');
    expect(fig.panel).toBe('samples');
    expect(fig.link).toBe('?v=1&norm=raw&deg=20&sample=7');
    expect([fig.domain, fig.degree, fig.seed]).toEqual(['sphere', 20, 7]);
    expect(fig.latitude).toHaveLength(128);
    expect(fig.longitude).toHaveLength(256);
    expect(fig.latitude[0]).toBeCloseTo(-Math.PI / 2 + Math.PI / 256, 15);
    expect(fig.latitude[127]).toBe(-fig.latitude[0]);
    expect(fig.longitude[0]).toBe(0);
    expect(fig.longitude[64]).toBe(Math.PI / 2);
    expect(fig.series.map((s: { kernel: string }) => s.kernel)).toEqual(DEFAULT_NAMES);
    const want = gpSamples({
      kernels: [
        defaultInstance('ntk', { L: 2 }),
        defaultInstance('laplace'),
        defaultInstance('gexp', { gamma: 0.5 }),
        defaultInstance('gauss'),
      ],
      unit: false,
      domain: 'sphere',
      degree: 20,
      seed: 7,
    });
    fig.series.forEach((s: { value: number[] }, i: number) => {
      expect(s.value).toHaveLength(128 * 256);
      for (const n of [0, 1000, 128 * 256 - 1]) expect(s.value[n]).toBe(want.values[i][n]);
    });
  });

  it('circle JSON: θ_i = 2πi/1024 and one curve per instance', () => {
    const fig = json('?domain=circle&deg=40&kernels=ntk(L=3),laplace(c=2)', 'samples');
    expect([fig.domain, fig.degree, fig.seed]).toEqual(['circle', 40, 1]);
    expect(fig.theta).toHaveLength(1024);
    expect(fig.theta[512]).toBe(Math.PI);
    expect(fig.latitude).toBeUndefined();
    expect(fig.series.map((s: { kernel: string }) => s.kernel)).toEqual(['ntk(L=3)', 'laplace(c=2)']);
    for (const s of fig.series) expect(s.value).toHaveLength(1024);
  });

  it('is deterministic for a seed and differs for another seed (circle and sphere)', () => {
    for (const domain of ['circle', 'sphere']) {
      const link = `?domain=${domain}&deg=12&kernels=laplace,gauss`;
      const a = figure(`${link}&sample=5`, 'samples');
      expect(figure(`${link}&sample=5`, 'samples')).toBe(a);
      const va = JSON.parse(a).series[0].value;
      const vb = JSON.parse(figure(`${link}&sample=6`, 'samples')).series[0].value;
      expect(vb).toHaveLength(va.length);
      expect(vb.some((v: number, i: number) => v !== va[i])).toBe(true);
    }
  });

  it('CSV: latitude,longitude rows on the sphere; theta rows on the circle; #2 for a repeat', () => {
    const sphere = csv('?deg=8&kernels=laplace,ntk(L=2,beta=0.5),laplace', 'samples');
    expect(sphere[0]).toBe('# ?v=1&kernels=laplace,ntk(L=2,beta=0.5),laplace&deg=8');
    expect(sphere[1]).toBe('latitude,longitude,laplace,"ntk(L=2,beta=0.5)",laplace#2');
    expect(sphere).toHaveLength(2 + 128 * 256);
    const row = (n: number) => sphere[2 + n].split(',').map(Number);
    expect(row(0)[1]).toBe(0);
    expect(row(1)[0]).toBe(row(0)[0]); // longitude runs fastest (row-major lat × lon)
    expect(row(256)[0]).toBeGreaterThan(row(0)[0]);
    expect(row(5)[2]).toBe(row(5)[4]); // the repeated instance has the same sample
    const circle = csv('?domain=circle&deg=8', 'samples');
    expect(circle[1]).toBe(`theta,${DEFAULT_NAMES.join(',')}`);
    expect(circle).toHaveLength(2 + 1024);
  });

  it('SVG on the sphere: one map per kernel on a shared diverging scale, a colour bar, the link', () => {
    const svg = figure('?deg=10&sample=3&kernels=ntk,laplace,gauss', 'samples', 'svg');
    expectWellFormedSvg(svg);
    expect((svg.match(/<image /g) ?? []).length).toBe(3);
    expect(svg).toContain('Random functions on S² (one Gaussian-process sample per kernel, common random numbers)');
    expect(svg).toContain('truncation degree K = 10, seed 3');
    expect(svg).toContain('link: ?v=1&amp;kernels=ntk,laplace,gauss&amp;deg=10&amp;sample=3');
    const fig = json('?deg=10&sample=3&kernels=ntk,laplace,gauss', 'samples');
    const m = Math.max(...fig.series.flatMap((s: { value: number[] }) => s.value.map(Math.abs)));
    // colour-bar ends as figures write numbers: 4 digits, a true minus sign, 10⁻ⁿ powers
    expect(svg).toContain(`>${figureText(-m)}<`);
    expect(svg).toContain(`>${figureText(m)}<`);
  });

  it('SVG on the circle: one curve per kernel over θ in degrees', () => {
    const svg = figure('?domain=circle&deg=30&kernels=ntk,laplace', 'samples', 'svg');
    expectWellFormedSvg(svg);
    expect((svg.match(/<path /g) ?? []).length).toBe(2);
    expect(svg).toContain('Random functions on S¹');
    expect(svg).toContain('angle θ on the circle (degrees)');
  });
});

describe('regression figure', () => {
  const link = '?kernels=laplace,ntk(L=2)&pts=0:1;90:-1;200:0.5&ridge=0';

  it('JSON at ridge 0: every predictor passes through the data; the Laplace fit to the NTK compared', () => {
    const fig = json(link, 'regression');
    expect(fig.panel).toBe('regression');
    expect(fig.link).toBe('?v=1&kernels=laplace,ntk(L=2)&pts=0:1;90:-1;200:0.5&ridge=0');
    expect(fig.ridge).toBe(0);
    expect(fig.data.theta).toEqual([0, Math.PI / 2, (200 * Math.PI) / 180]);
    expect(fig.data.value).toEqual([1, -1, 0.5]);
    expect(fig.theta[0]).toBe(0);
    expect(fig.theta[fig.theta.length - 1]).toBe(2 * Math.PI);
    expect(fig.series.map((s: { kernel: string }) => s.kernel)).toEqual(['laplace', 'ntk(L=2)']);
    for (const s of fig.series) {
      expect(s.value).toHaveLength(fig.theta.length);
      expect([s.rank, s.minimumNorm]).toEqual([3, false]);
      expect(s.maxResidual).toBeLessThan(1e-8);
      fig.data.theta.forEach((t: number, i: number) => {
        const at = fig.theta.indexOf(t);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(Math.abs(s.value[at] - fig.data.value[i])).toBeLessThan(1e-8);
      });
    }
    const fit = fitLaplace(defaultInstance('ntk', { L: 2 }));
    const { comparison } = fig;
    expect(comparison.ntk).toBe(2);
    expect(comparison.kernel).toBe(`laplace(c=${fit.c})`);
    expect(comparison.c).toBe(fit.c);
    expect(comparison.value).toHaveLength(fig.theta.length);
    let gap = 0;
    comparison.value.forEach((v: number, i: number) => (gap = Math.max(gap, Math.abs(v - fig.series[1].value[i]))));
    expect(comparison.gap).toBe(gap);
    expect(comparison.relativeGap).toBe(gap / 1);
  });

  it('JSON without an NTK instance has no comparison; without data every predictor is 0', () => {
    const fig = json('?kernels=laplace,gauss&pts=', 'regression');
    expect(fig.comparison).toBeUndefined();
    expect(fig.data).toEqual({ theta: [], value: [] });
    for (const s of fig.series) {
      expect(s.rank).toBe(0);
      expect(s.value.every((v: number) => v === 0)).toBe(true);
    }
  });

  it('CSV: theta, one column per instance, then the fitted Laplace (with #2 when it repeats an instance)', () => {
    const lines = csv(link, 'regression');
    const fig = json(link, 'regression');
    expect(lines[0]).toBe(`# ${fig.link}`);
    expect(lines[1]).toBe(`theta,laplace,ntk(L=2),${fig.comparison.kernel}`);
    expect(lines).toHaveLength(2 + fig.theta.length);
    const name = `laplace(c=${fitLaplace(defaultInstance('ntk')).c})`;
    const repeat = csv(`?kernels=ntk,${name}`, 'regression');
    expect(repeat[1]).toBe(`theta,ntk,${name},${name}#2`);
    expect(csv('?kernels=gauss', 'regression')[1]).toBe('theta,gauss');
  });

  it('SVG: the predictors, the fitted Laplace dashed in the NTK colour, the data as rings', () => {
    const svg = figure(link, 'regression', 'svg');
    expectWellFormedSvg(svg);
    expect((svg.match(/<path /g) ?? []).length).toBe(3);
    const dashed = /<path d="[^"]*" stroke="([^"]+)" stroke-dasharray/.exec(svg);
    const solid = [...svg.matchAll(/<path d="[^"]*" stroke="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(dashed?.[1]).toBe(solid[1]); // the NTK is instance 2
    expect((svg.match(/r="3\.5"/g) ?? []).length).toBe(3 + 1); // three data points and the legend's ring
    expect(svg).toContain('ridge λ = 0');
    expect(svg).toContain('data (3 points)');
    // y domain exactly [−1.6m, 1.6m], m = max(1, max |y|) = 1, on the plot from y = 56 to 456: y = ±1 at 131 and 381
    const rings = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="3\.5"\/>/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(rings).toEqual([
      [78, 131],
      [242.5, 381],
      [78 + (658 * 200) / 360, 456 - (2.1 / 3.2) * 400].map((v) => Number(v.toFixed(2))),
    ]);
  });
});

describe('learning figure', () => {
  const link = '?kernels=ntk,laplace&harm=0,1,2,3,4,5,6,7,9,11&norm=raw&t=50';

  it('JSON: λ_k, t_k = ln 10 / λ_k, e^{−λ_k t}; the bias-free two-layer NTK never learns odd k ≥ 3', () => {
    const fig = json(link, 'learning');
    expect(fig.panel).toBe('learning');
    expect(fig.link).toBe('?v=1&kernels=ntk,laplace&norm=raw&harm=0,1,2,3,4,5,6,7,9,11&t=50');
    expect([fig.d, fig.t]).toEqual([3, 50]);
    expect(fig.degrees).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 11]);
    expect(fig.series.map((s: { kernel: string }) => s.kernel)).toEqual(['ntk', 'laplace']);
    for (const s of fig.series) {
      for (const key of ['lambda', 'timeToLearn', 'residual']) expect(s[key]).toHaveLength(fig.degrees.length);
      fig.degrees.forEach((k: number, q: number) => {
        const never = s.kernel === 'ntk' && k >= 3 && k % 2 === 1;
        if (never) {
          expect(s.timeToLearn[q], `k = ${k}`).toBeNull();
          expect(Math.abs(s.lambda[q])).toBeLessThanOrEqual(s.floor);
          expect(s.residual[q]).toBe(1);
        } else {
          expect(s.timeToLearn[q], `${s.kernel} k = ${k}`).toBeCloseTo(Math.LN10 / s.lambda[q], 10);
          expect(s.residual[q]).toBeCloseTo(Math.exp(-s.lambda[q] * 50), 14);
        }
      });
      expect(s.learned).toHaveLength(fig.theta.length);
    }
    // the d = 3 NTK eigenvalues of math.md §3: λ_0 = 1/2, λ_1 = 1/3, λ_2 = 5/64
    expect(fig.series[0].lambda.slice(0, 3).map((v: number) => Number(v.toPrecision(12)))).toEqual([
      0.5,
      Number((1 / 3).toPrecision(12)),
      5 / 64,
    ]);
    // profiles: θ from 0 to π, the target Σ P_k(cos θ) with P_k(1) = 1
    expect(fig.theta[0]).toBe(0);
    expect(fig.theta[fig.theta.length - 1]).toBe(Math.PI);
    expect(fig.target[0]).toBeCloseTo(fig.degrees.length, 12);
  });

  it('JSON at t = 0: nothing learned yet, every residual 1', () => {
    const fig = json('?kernels=gauss&harm=1,2&t=0', 'learning');
    expect(fig.series[0].residual).toEqual([1, 1]);
    expect(fig.series[0].learned.every((v: number) => v === 0)).toBe(true);
  });

  it('CSV: k, then the time to learn per instance, an empty cell for never', () => {
    const lines = csv(link, 'learning', true);
    expect(lines[0]).toBe('# ?v=1&kernels=ntk,laplace&norm=raw&harm=0,1,2,3,4,5,6,7,9,11&t=50');
    expect(lines[1]).toBe('k,ntk,laplace');
    expect(lines).toHaveLength(2 + 10);
    const fig = json(link, 'learning');
    lines.slice(2).forEach((line, q) => {
      const [k, ntk, laplace] = line.split(',');
      expect(Number(k)).toBe(fig.degrees[q]);
      expect(ntk).toBe(fig.series[0].timeToLearn[q] === null ? '' : String(fig.series[0].timeToLearn[q]));
      expect(Number(laplace)).toBe(fig.series[1].timeToLearn[q]);
    });
    expect(lines[2 + 3]).toMatch(/^3,,\d/);
  });

  it('SVG: the panel’s two charts, t_k against k (lines, a dot per learned degree, the now line) and f_t with the target', () => {
    const svg = figure(link, 'learning', 'svg');
    expectWellFormedSvg(svg);
    expect(svg).toContain('degree k of the harmonic');
    expect(svg).toContain('never learned: k = 3, 5, 7, 9, 11');
    expect(svg).toContain('>now: t = 50<');
    // degree 0 is on the (linear) axis, as on screen: ntk learns k = 0, 1, 2, 4, 6; laplace all ten
    expect((svg.match(/<circle [^>]*r="3"\/>/g) ?? []).length).toBe(5 + 10);
    expect(svg).toContain('The learned function fₜ at t = 50');
    expect(svg).toContain('>target g<');
    // one line per kernel in each chart, the now line and the target
    expect((svg.match(/<path /g) ?? []).length).toBe(2 + 1 + 2 + 1);
    expect(svg.match(/clip-path="url\(#plot(-2)?\)"/g)).toEqual(['clip-path="url(#plot)"', 'clip-path="url(#plot-2)"']);
  });
});

describe('every new panel on the default link', { timeout: 30_000 }, () => {
  it('JSON, CSV and SVG: series per default instance, clean numbers, CSV header', () => {
    for (const panel of ['samples', 'regression', 'learning']) {
      const fig = json('?', panel);
      expect(fig.panel).toBe(panel);
      expect(fig.link).toBe('?v=1');
      expect(fig.series.map((s: { kernel: string }) => s.kernel)).toEqual(DEFAULT_NAMES);
      const lines = csv('?', panel);
      expect(lines[0]).toBe('# ?v=1');
      const coordinates = { samples: 'latitude,longitude', regression: 'theta', learning: 'k' }[panel];
      const extra = panel === 'regression' ? `,${fig.comparison.kernel}` : '';
      expect(lines[1]).toBe(`${coordinates},${DEFAULT_NAMES.join(',')}${extra}`);
      expectWellFormedSvg(figure('?', panel, 'svg'));
    }
  });

  it('samples at the largest degree K = 256 on the sphere: a 514 × 257 grid', () => {
    const fig = json('?deg=256&kernels=laplace', 'samples');
    expect([fig.latitude.length, fig.longitude.length, fig.series[0].value.length]).toEqual([257, 514, 257 * 514]);
  });
});
