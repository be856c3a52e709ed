/**
 * SVG snapshots of every figure panel (src/figure, `npm run -s figure -- '<link>' --panel P --format svg`)
 * on two links each: the default link and a non-trivial one. Each snapshot is a standalone SVG file under
 * tests/unit/__snapshots__/figures/ that opens in a browser, so a reviewer sees what changed.
 *
 * An intentional change to a figure updates its snapshot in the same commit:
 *   npx vitest run --project unit tests/unit/figure-snapshots.test.ts -u
 *
 * The figures are deterministic (checked below: the same link twice in one process gives the same
 * bytes), carry no timestamps, and their only ids are the fixed clip paths `plot` (and `plot-2` for a
 * second chart). Coordinates are
 * printed to 2 decimals, but legends show values such as λ_0 to 4 digits and the off-sphere and globe maps
 * are PNG images: a change of the math in the last bits can move a colour by one step and show up here.
 */
import { describe, expect, it } from 'vitest';
import { FIGURE_PANELS } from '../../src/figure';
import { runFigureCommand } from '../../src/figure/command';
import { escapeXml } from '../../src/figure/svg';
import { parseLink, serializeLink } from '../../src/link';

const LINKS: Record<string, readonly string[]> = {
  profile: ['', '?kernels=ntk(L=3,beta=0.5),gexp(gamma=0.5)&d=5&axis=u&zoom=30&fit=1'],
  spectrum: [
    '',
    '?kernels=ntk(L=1),laplace(c=3),gexp(gamma=0.3),matern(nu=2.5)&d=7&kmax=1000&norm=raw&y=ratio&parity=even',
  ],
  offsphere: [
    '',
    '?kernels=ntk(L=2,beta=0.5),laplace(hom=1),gauss(c=0.5),matern(nu=2.5,hom=1)&d=4&zn=1.5&za=-60&R=3&scale=shared&da=3&db=1&ray=120&norm=raw',
  ],
  samples: ['', '?kernels=laplace,gexp(gamma=0.3),gauss(c=4)&domain=circle&deg=64&sample=7'],
  regression: ['', '?kernels=ntk(L=2),laplace(c=2),gauss&pts=30:0.5;120:-1;200:0.2;310:1&ridge=0'],
  learning: ['', '?kernels=ntk,laplace(c=2),gauss&harm=1,3,5,20&t=10000&d=4'],
  features: ['', '?kernels=ntk(L=1),ntk(L=3,beta=0.5,bias=random),laplace&rf=256&d=5&n=64&seed=7'],
  width: [
    '?kernels=ntk&m=32&seeds=2&widths=16,32',
    '?kernels=ntk(L=2,beta=0.5,bias=random),laplace&d=4&norm=raw&m=16&seeds=3&init=orthogonal&widths=8,16',
  ],
  training: [
    '?kernels=laplace,ntk&widths=8,16&steps=20',
    '?kernels=ntk(L=2,beta=0.5,bias=random)&pts=0:1;90:-0.5;180:0.8;270:-1&init=orthogonal&widths=4,8&eta=1&steps=10',
  ],
  // the default sequences, but small finite RNNs (the default 8 of width 512 take ~3 s per figure)
  sequences: [
    '?m=32&seeds=2',
    '?seqs=0,0.5,1;1,0.5;0,0,0;-1,1,-1,1,-1,1&seq=2&act=erf&sw=1&su=0.5&sb=0.1&m=16&seeds=3',
  ],
};

/** The SVG the CLI prints for a link; the links above need no repair. */
function svg(link: string, panel: string): string {
  let out = '';
  let err = '';
  const code = runFigureCommand([link, '--panel', panel, '--format', 'svg'], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  expect(code).toBe(0);
  expect(err).toBe('');
  return out;
}

/** Embedded PNG images are base64 text that may spell anything: left out of text checks. */
const withoutImages = (text: string) => text.replace(/data:image\/png;base64,[A-Za-z0-9+/=]*/g, 'data:');

describe('figure SVG snapshots', { timeout: 60_000 }, () => {
  it('every figure panel has snapshots', () => {
    expect(Object.keys(LINKS).sort()).toEqual(Object.keys(FIGURE_PANELS).sort());
  });

  for (const [panel, links] of Object.entries(LINKS)) {
    links.forEach((link, n) => {
      it(`${panel} ${n + 1}: ${link || 'default link'}`, async () => {
        const first = svg(link, panel);
        expect(svg(link, panel), 'the same link twice gives the same SVG').toBe(first);
        const text = withoutImages(first);
        const ids = text.match(/\bid="[^"]*"/g) ?? [];
        // one id per chart: plot, plot-2, plot-3, … (the training figure has four charts)
        expect(ids, 'ids').toEqual(ids.map((_, i) => (i === 0 ? 'id="plot"' : `id="plot-${i + 1}"`)));
        expect(text, 'no dates or times').not.toMatch(/\b(19|20)\d\d-\d\d-\d\d|\d\d:\d\d:\d\d/);
        expect(text).toContain(`data-link="${escapeXml(serializeLink(parseLink(link).state))}"`);
        await expect(first).toMatchFileSnapshot(`./__snapshots__/figures/${panel}-${n + 1}.svg`);
      });
    });
  }
});
