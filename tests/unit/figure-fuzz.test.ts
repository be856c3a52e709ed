/**
 * The figure command on hostile input (in-process; tests/unit/cli.test.ts runs the real process): any
 * string, near-valid links and extreme values give exit 0, a figure on standard output, one line per
 * repair on standard error, and never an exception or a NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFigureCommand } from '../../src/figure/command';
import { FIGURE_PANELS } from '../../src/figure/index';

function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = runFigureCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const pieces = [
  'v=1',
  'v=2',
  'kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)',
  'kernels=ntk(L=1e9)',
  'kernels=gauss(c=-1)',
  'kernels=((((',
  'kernels=ntk(L=2',
  'd=1e400',
  'd=-0',
  'kmax=NaN',
  'kmax=12',
  'norm=RAW',
  'zoom=.5',
  'fit=9',
  'y=ratio',
  'ra=0',
  'zn=1e-300',
  'R=abc',
  'seed=-1',
  'n=20',
  '%E0%A4%A',
  '%28%29',
  '+',
  '&&',
  '=',
  'ü=ß',
  'kernels=',
  // function space (docs/function-space.md)
  'domain=circle',
  'domain=torus',
  'deg=3',
  'deg=256',
  'deg=0',
  'deg=2.5',
  'sample=-1',
  'sample=9e99',
  'sample=42',
  'pts=0:1;0:1;360:-1',
  'pts=10:1e400;x:1;20:',
  'pts=;;:',
  'pts=',
  'ridge=0',
  'ridge=-1',
  'ridge=1e-300',
  'harm=3,1,1,1001,-2',
  'harm=',
  'harm=0',
  't=1e400',
  't=0',
  't=-5',
];

/** Links built from valid and broken pieces, then mutated (characters dropped, doubled or replaced). */
const nearValid = fc
  .array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 6 })
  .chain((parts) =>
    fc.tuple(
      fc.constant(`?${parts.join('&')}`),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '(', ')', ',', '=', '&', '%', 'x', '99')), { maxLength: 4 }),
    ),
  )
  .map(([link, edits]): string =>
    edits.reduce<string>((s, [at, text]) => {
      const i = s.length ? at % s.length : 0;
      return s.slice(0, i) + text + s.slice(i + 1);
    }, link),
  );

/**
 * null appears in a figure only as "never" in a JSON `timeToLearn` array (the learning panel), as a
 * `slope` that no line determines (the random-features panel with a single dimension), and in the sequences
 * panel as a `normalized` kernel of an all-zero sequence, a `critical` σ_w that does not exist (erf) and
 * finite RNNs' statistics (`raw`, `normalized`) that no network gave.
 */
const NULL_KEYS = new Set(['timeToLearn', 'slope', 'normalized', 'critical', 'raw']);
function nullOnlyInTimeToLearn(out: string): boolean {
  if (!out.startsWith('{')) return !out.includes('null');
  const ok = (value: unknown, key: string): boolean =>
    value === null
      ? NULL_KEYS.has(key)
      : Array.isArray(value)
        ? value.every((v) => ok(v, key))
        : typeof value === 'object'
          ? Object.entries(value as object).every(([k, v]) => ok(v, k))
          : true;
  return ok(JSON.parse(out), '');
}

/** Embedded PNG images are base64 text that may spell anything: left out of the text checks. */
const withoutImages = (out: string) => out.replace(/data:image\/png;base64,[A-Za-z0-9+/=]*/g, 'data:');

/** links of the batch per panel, where fewer than all (the heavy sphere samples) */
// width: a near-valid link may ask for 256 networks of width 8192 (hours); its figure is checked on cheap links by
// tests/unit/figure-snapshots.test.ts and tests/unit/finite-width.test.ts
// training: likewise (5000 steps of width-8192 networks take minutes); checked by tests/unit/finite-training.test.ts
const LINKS_PER_PANEL: Record<string, number> = { samples: 4, features: 3, width: 0, training: 0 };
const FUNCTION_SPACE_PANELS = ['samples', 'regression', 'learning'].filter((p) => p in FIGURE_PANELS);

const cleanFigure = ({ code, out, err }: ReturnType<typeof run>) =>
  code === 0 &&
  out.length > 0 &&
  !/NaN|Infinity/.test(withoutImages(out)) &&
  nullOnlyInTimeToLearn(withoutImages(out)) &&
  err.split('\n').every((line) => line === '' || line.startsWith('repair: '));

describe('figure command on hostile links', { timeout: 120_000 }, () => {
  it('near-valid links: exit 0, a clean profile figure, one line per repair', () => {
    fc.assert(
      fc.property(nearValid, (link) => cleanFigure(run(link))),
      { numRuns: 400 },
    );
  });

  it('arbitrary strings: exit 0 and a clean profile figure', () => {
    const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }));
    // after `--`, any string is the link, also one that reads like an option ("--x", "-- ")
    fc.assert(
      fc.property(anyString, (link) => cleanFigure(run('--', link))),
      { numRuns: 400 },
    );
    // without it, any string that does not start with "--"
    fc.assert(
      fc.property(
        anyString.filter((s) => !s.startsWith('--')),
        (link) => cleanFigure(run(link)),
      ),
      { numRuns: 400 },
    );
  });

  it('a string that starts with "--" is an option unless it comes after `--`', () => {
    expect(run('-- ').code).toBe(2);
    expect(run('--x').err).toMatch(/^figure: unknown option --x \(a link that starts with "--" goes after a "--"\)\./);
    const afterMarker = run('--format', 'csv', '--', '--panel');
    expect(afterMarker.code).toBe(0);
    expect(afterMarker.out.split('\n')[0]).toBe('# ?v=1');
    expect(afterMarker.err).toBe('repair: "--panel": unknown parameter dropped\n');
    expect(run('--').err).toMatch(/missing link/);
  });

  it('every panel and format on a batch of near-valid links', () => {
    const links = fc.sample(nearValid, { numRuns: 12, seed: 42 });
    for (const [l, link] of links.entries())
      for (const panel of Object.keys(FIGURE_PANELS)) {
        // the sphere samples cost up to a few hundred ms per format at the default degree: fewer links
        if (l >= (LINKS_PER_PANEL[panel] ?? links.length)) continue;
        // sequences: the link's default finite RNNs (8 of width 512) take ~3 s per figure; small ones here
        const target = panel === 'sequences' ? `${link}&m=16&seeds=2` : link;
        for (const format of ['json', 'csv', 'svg']) {
          const r = run(target, '--panel', panel, '--format', format);
          expect(cleanFigure(r), `${panel} ${format} ${target}`).toBe(true);
        }
      }
  });

  it('function-space panels on near-valid links (JSON; small degrees keep the samples fast)', () => {
    const links = fc
      .tuple(fc.constantFrom('deg=1', 'deg=6', 'domain=circle&deg=256', 'deg=9&domain=circle', 'deg=-1'), nearValid)
      .map(([deg, link]) => `${link}&${deg}`);
    for (const panel of FUNCTION_SPACE_PANELS) {
      fc.assert(
        fc.property(links, (link) => cleanFigure(run(link, '--panel', panel))),
        { numRuns: 40 },
      );
    }
  });

  it('function-space panels at the extremes of their parameters', () => {
    const eight = `kernels=${['ntk(L=100,beta=1)', 'ntk(L=1)', 'laplace(c=0.01)', 'laplace(c=100)', 'gauss(c=100)', 'gexp(gamma=0.01)', 'ntk', 'gauss'].join(',')}`;
    const pts = `pts=${Array.from({ length: 200 }, (_, i) => `${i / 7}:${i % 2 ? 10 : -10}`).join(';')}`;
    // [link, panel, formats]: each link aimed at its panel (the sphere samples at K = 256 cost about 1 s, once)
    const extremes: [string, string, string[]][] = [
      [`?${eight}&deg=256&sample=2147483647`, 'samples', ['svg']],
      [`?${eight}&domain=circle&deg=256&sample=0&norm=raw`, 'samples', ['json', 'csv', 'svg']],
      [`?${eight}&${pts}&ridge=0`, 'regression', ['json', 'svg']],
      [`?${eight}&${pts}&ridge=100&norm=raw`, 'regression', ['csv']],
      [`?${eight}&harm=0,1,2,3,5,8,13,99,100,500,999,1000&t=1e15&d=1000`, 'learning', ['json', 'csv', 'svg']],
      [`?${eight}&harm=0,1000&t=0&d=2&kmax=1`, 'learning', ['json', 'csv', 'svg']],
    ];
    for (const [link, panel, formats] of extremes) {
      if (!(panel in FIGURE_PANELS)) continue;
      for (const format of formats) {
        const r = run(link, '--panel', panel, '--format', format);
        expect(cleanFigure(r), `${panel} ${format} ${link}`).toBe(true);
      }
    }
  });

  it('the sequences panel on near-valid sequence links (small finite RNNs: their cost is the width squared)', () => {
    const sequencePieces = [
      'seqs=sines',
      'seqs=noise',
      'seqs=step',
      'seqs=sines16',
      'seqs=0,0.5,1;1,0.5',
      'seqs=0,0,0;0',
      'seqs=1e400,-1e400;x;;',
      'seqs=;',
      // the largest values at the longest length: at σ_w = 2 the kernels reach ~10¹⁵⁸, narrow RNNs overflow
      `seqs=${Array(512).fill(10).join(',')};${Array(300).fill(-10).join(',')}`,
      'seqs=Sines',
      'seq=0',
      'seq=99',
      'act=erf',
      'act=tanh',
      'sw=0',
      'sw=2',
      'sw=-1',
      'su=0',
      'su=4',
      'sb=4',
      'sb=NaN',
      'seed=-1',
    ];
    const links = fc
      .tuple(fc.array(fc.constantFrom(...sequencePieces), { maxLength: 5 }), nearValid)
      .map(([parts, link]) => `${link}&${parts.join('&')}&m=8&seeds=2`);
    fc.assert(
      fc.property(links, fc.constantFrom('json', 'csv', 'svg'), (link, format) =>
        cleanFigure(run(link, '--panel', 'sequences', '--format', format)),
      ),
      { numRuns: 60 },
    );
  });

  it('a 10 000-character value is repaired, not fatal', () => {
    const r = run(`?d=${'9'.repeat(10_000)}&kernels=ntk(L=${'1'.repeat(10_000)})`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).link).toBe('?v=1&kernels=ntk(L=100)&d=1000');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(2);
  });
});
