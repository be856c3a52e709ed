/**
 * The figure command on hostile input (in-process; tests/unit/cli.test.ts runs the real process): any
 * string, near-valid links and extreme values give exit 0, a figure on standard output, one line per
 * repair on standard error, and never an exception or a NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFigureCommand } from '../../src/figure/command';

function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = runFigureCommand(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const pieces = [
  'v=1', 'v=2', 'kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)', 'kernels=ntk(L=1e9)', 'kernels=gauss(c=-1)',
  'kernels=((((', 'kernels=ntk(L=2', 'd=1e400', 'd=-0', 'kmax=NaN', 'kmax=12', 'norm=RAW', 'zoom=.5', 'fit=9',
  'y=ratio', 'ra=0', 'zn=1e-300', 'R=abc', 'seed=-1', 'n=20', '%E0%A4%A', '%28%29', '+', '&&', '=', 'ü=ß', 'kernels=',
];

/** Links built from valid and broken pieces, then mutated (characters dropped, doubled or replaced). */
const nearValid = fc
  .array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 6 })
  .chain((parts) =>
    fc.tuple(fc.constant(`?${parts.join('&')}`), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '(', ')', ',', '=', '&', '%', 'x', '99')), { maxLength: 4 })),
  )
  .map(([link, edits]): string =>
    edits.reduce<string>((s, [at, text]) => {
      const i = s.length ? at % s.length : 0;
      return s.slice(0, i) + text + s.slice(i + 1);
    }, link),
  );

const cleanFigure = ({ code, out, err }: ReturnType<typeof run>) =>
  code === 0 &&
  out.length > 0 &&
  !/NaN|Infinity|null/.test(out) &&
  err.split('\n').every((line) => line === '' || line.startsWith('repair: '));

describe('figure command on hostile links', { timeout: 120_000 }, () => {
  it('near-valid links: exit 0, a clean profile figure, one line per repair', () => {
    fc.assert(fc.property(nearValid, (link) => cleanFigure(run(link))), { numRuns: 400 });
  });

  it('arbitrary strings: exit 0 and a clean profile figure', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 })), (link) => cleanFigure(run(link))), { numRuns: 400 });
  });

  it('every panel and format on a batch of near-valid links', () => {
    const links = fc.sample(nearValid, { numRuns: 12, seed: 42 });
    for (const link of links)
      for (const panel of ['profile', 'spectrum', 'offsphere'])
        for (const format of ['json', 'csv', 'svg']) {
          const r = run(link, '--panel', panel, '--format', format);
          expect(cleanFigure(r), `${panel} ${format} ${link}`).toBe(true);
        }
  });

  it('a 10 000-character value is repaired, not fatal', () => {
    const r = run(`?d=${'9'.repeat(10_000)}&kernels=ntk(L=${'1'.repeat(10_000)})`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).link).toBe('?v=1&kernels=ntk(L=100)&d=1000');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(2);
  });
});
