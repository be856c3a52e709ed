/**
 * Figures look like the screen (issue 14, item 8): the exported spectrum draws lines per kernel (even k
 * solid, odd k dotted), the reference rates and the floor strip, and names each kernel by kernelLabel as
 * the panels do; the other figures carry what their panels draw (the ray's sphere mark, both map axes, the
 * cut y axis of a zoomed profile, no comparison of a kernel with itself). `--base` puts the view's absolute
 * link into the CSV's first line and the SVG, never into the JSON.
 */
import { describe, expect, it } from 'vitest';
import { defaultInstance, kernelLabel } from '../../src/core/kernels/registry';
import { runFigureCommand } from '../../src/figure/command';
import { FIGURE_PANELS } from '../../src/figure';
import { colourOf } from '../../src/figure/palette';
import { DOTTED, escapeXml, REFERENCE_COLOUR } from '../../src/figure/svg';
import { parseLink } from '../../src/link';

function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = runFigureCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function figure(link: string, panel: string, format = 'svg', ...more: string[]) {
  const r = run(link, '--panel', panel, '--format', format, ...more);
  expect([r.code, r.err]).toEqual([0, '']);
  return r.out;
}

/** The text between two markers (the second searched after the first). */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(to, start);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

/** The <path> elements of one stroke colour: their dash patterns ('' for solid). */
const pathDashes = (markup: string, colour: string) =>
  [...markup.matchAll(new RegExp(`<path d="[^"]+" stroke="${colour}"([^>]*)/>`, 'g'))].map(
    (m) => /stroke-dasharray="([^"]+)"/.exec(m[1])?.[1] ?? '',
  );

const legendLabels = (svg: string) =>
  [...svg.matchAll(/<tspan data-legend="label">([^<]*)<\/tspan>/g)].map((m) => m[1]);
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the spectrum figure draws what the panel draws', { timeout: 30_000 }, () => {
  const link = '?kernels=ntk(L=2),laplace,gexp(gamma=0.5),gauss&d=3&kmax=200';
  const kernels = parseLink(link).state.kernels;

  it('a line per kernel, even degrees solid and odd dotted; no dots', () => {
    const svg = figure(link, 'spectrum');
    const plot = between(svg, 'clip-path="url(#plot)"', 'data-strip="floor"');
    kernels.forEach((_, i) => {
      const dashes = pathDashes(plot, colourOf(i));
      expect(dashes, `kernel ${i + 1}`).toEqual(['', DOTTED]);
    });
    expect(plot).not.toContain('<circle');
    expect(svg).toContain('Even degrees k solid, odd degrees dotted.');
  });

  it('the reference rates as dashed grey lines named in the legend, with their sources', () => {
    const svg = figure(link, 'spectrum');
    const plot = between(svg, 'clip-path="url(#plot)"', 'data-strip="floor"');
    // NTK and Laplace share k^−d = k^−3; γ-exponential k^−(d−1+γ) = k^−2.5; the Gaussian has no power rate
    const references = pathDashes(plot, REFERENCE_COLOUR);
    expect(references).toHaveLength(2);
    expect(new Set(references).size, 'each its own dash').toBe(2);
    const labels = legendLabels(svg).filter((l) => l.startsWith('∝'));
    expect(labels).toHaveLength(2);
    expect(labels[0]).toContain('k⁻ᵈ = k⁻³ (');
    expect(labels[1]).toContain('= k⁻²·⁵ (');
  });

  it('the strip of degrees at or below the floor, a row per kernel that reaches it', () => {
    const svg = figure(link, 'spectrum');
    const strip = between(svg, 'data-strip="floor"', '</g>');
    expect(strip).toContain('≤ floor');
    // only the Gaussian falls to the floor before k = 200 on S²
    expect(pathDashes(strip, colourOf(3))).toEqual(['']);
    for (const i of [0, 1, 2]) expect(pathDashes(strip, colourOf(i))).toEqual([]);
    expect(svg).toContain('at or below its accuracy floor');
  });

  it('the legend names each kernel by kernelLabel, as every panel does', () => {
    const svg = figure(link, 'spectrum');
    expect(legendLabels(svg).slice(0, 4)).toEqual(kernels.map((k, i) => escapeXml(kernelLabel(k, i))));
  });

  it('tick labels as powers of ten in Unicode (10⁻¹⁴), never 1e-14', () => {
    const svg = figure(link, 'spectrum');
    const labels = texts(svg);
    expect(labels).toContain('10⁻¹⁴');
    expect(labels.filter((t) => /\de[-+]?\d/.test(t))).toEqual([]);
  });

  it('parity=even draws the even degrees only', () => {
    const svg = figure(`${link}&parity=even`, 'spectrum');
    const plot = between(svg, 'clip-path="url(#plot)"', 'data-strip="floor"');
    kernels.forEach((_, i) => expect(pathDashes(plot, colourOf(i))).toEqual(['']));
  });

  it('a ratio of a kernel with itself is no curve but the reason', () => {
    const svg = figure(`${link}&y=ratio&ra=2&rb=2`, 'spectrum');
    const plot = between(svg, 'clip-path="url(#plot)"', 'data-strip="floor"');
    kernels.forEach((_, i) => expect(pathDashes(plot, colourOf(i))).toEqual([]));
    expect(svg).toContain('No ratio plot.');
  });
});

describe('the other figures draw what their panels draw', { timeout: 30_000 }, () => {
  it('offsphere: both map axes, the sphere on the ray, no difference map of a kernel with itself', () => {
    const two = figure('?kernels=ntk,laplace', 'offsphere');
    expect((two.match(/<image /g) ?? []).length).toBe(3);
    expect(texts(two)).toEqual(expect.arrayContaining(['x₁', 'x₂', 'r = 1 (the sphere)']));
    const same = figure('?kernels=ntk,laplace&da=2&db=2', 'offsphere');
    expect((same.match(/<image /g) ?? []).length).toBe(2);
    expect(same).toContain('No difference map.');
  });

  it('profile: a zoom on the cusp fits the y axis to the visible values, with a break mark and a note', () => {
    const zoomed = figure('?zoom=5', 'profile');
    expect(zoomed).toContain('data-axis-break="y"');
    expect(zoomed).toContain('The y axis does not start at 0');
    const whole = figure('?v=1', 'profile');
    expect(whole).not.toContain('data-axis-break');
  });

  it('legends name the kernels by kernelLabel in every line chart', () => {
    const link = '?kernels=ntk(L=3),matern(nu=2.5)&domain=circle&deg=16&pts=0:1;90:-1&harm=1,2';
    const names = [defaultInstance('ntk', { L: 3 }), defaultInstance('matern', { nu: 2.5 })].map((k, i) =>
      escapeXml(kernelLabel(k, i)),
    );
    for (const panel of ['profile', 'samples', 'regression', 'learning'])
      expect(legendLabels(figure(link, panel)).slice(0, 2), panel).toEqual(names);
  });
});

describe('--base: the absolute link of the view in CSV and SVG, the query in JSON', { timeout: 60_000 }, () => {
  // small finite networks (m, seeds): the sequences figure's default 8 RNNs of width 512 take seconds per figure
  const link = '?kernels=ntk,laplace&deg=8&pts=0:1;90:-1&harm=1,2&m=16&seeds=2';
  const query = '?v=1&kernels=ntk,laplace&deg=8&pts=0:1;90:-1&harm=1,2&m=16&seeds=2';
  // the base's own query and fragment give way to the view's
  const base = 'https://example.org/ntk/?story=a#top';
  const absolute = `https://example.org/ntk/${query}`;

  for (const panel of Object.keys(FIGURE_PANELS)) {
    it(panel, () => {
      expect(figure(link, panel, 'csv', '--base', base).split('\n')[0]).toBe(`# ${absolute}`);
      const svg = figure(link, panel, 'svg', `--base=${base}`);
      expect(svg).toContain(`data-link="${escapeXml(absolute)}"`);
      expect(svg).toContain(`<a href="${escapeXml(absolute)}">`);
      expect(JSON.parse(figure(link, panel, 'json', '--base', base)).link).toBe(query);
      // without --base: the query alone, as before
      expect(figure(link, panel, 'csv').split('\n')[0]).toBe(`# ${query}`);
      expect(figure(link, panel, 'svg')).toContain(`data-link="${escapeXml(query)}"`);
    });
  }

  it('a base that is not an absolute http(s) URL exits 2 with one line and no figure', () => {
    for (const bad of ['example.org/ntk/', '/ntk/', 'ftp://example.org/ntk/', 'mailto:a@b.org', '']) {
      const r = run(link, '--panel', 'spectrum', '--format', 'csv', '--base', bad);
      expect(r.code, bad).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain('--base needs an');
    }
    expect(run(link, '--base').code).toBe(2);
  });
});
