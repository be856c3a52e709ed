/**
 * The Sequences figure (`npm run -s figure -- '<link>' --panel sequences`, docs/rntk.md "The figure"): its JSON keys
 * and their order, the raw Gram matrix as the recursion gives it (src/core/rntk/recursion.ts), the time
 * weights counted back from the last step, the CSV's two kinds of rows, the SVG's parts; and the command as
 * a process. Small finite RNNs throughout (the default 8 networks of width 512 take seconds).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rntk, rntkGram } from '../../src/core/rntk/recursion';
import { timeSensitivity } from '../../src/core/rntk/sensitivity';
import { memoryText } from '../../src/core/views/sequencesText';
import { rntkParamsOf, scalarSequence, sequencesFinite } from '../../src/core/views/sequencesView';
import { runFigureCommand } from '../../src/figure/command';
import { colourOf } from '../../src/figure/palette';
import { escapeXml } from '../../src/figure/svg';
import { parseLink } from '../../src/link';
import { readSequences } from '../../src/link/lists';
import { expectWellFormedSvg } from './svg-markup';

function figure(link: string, format: 'json' | 'csv' | 'svg') {
  let out = '';
  let err = '';
  const code = runFigureCommand([link, '--panel', 'sequences', '--format', format], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  expect([code, err]).toEqual([0, '']);
  return out;
}

interface MeanSdJson {
  mean: number;
  sd: number;
  count: number;
}
interface SequencesJson {
  panel: string;
  link: string;
  act: 'relu' | 'erf';
  sw: number;
  su: number;
  sb: number;
  sequences: number[][];
  gram: number[][];
  weights: { sequence: number; steps: number[]; sensitivity: number[] }[];
  chosen: number;
  normalized: (number | null)[];
  memory: { chi: number; critical: number | null; regime: string };
  finite: {
    m: number;
    requestedM: number;
    networks: number;
    requestedNetworks: number;
    raw: (MeanSdJson | null)[];
    normalized: (MeanSdJson | null)[];
  };
}

const json = (link: string): SequencesJson => JSON.parse(figure(link, 'json'));

/** The link's sequences and parameters, as the core reads them. */
function core(link: string) {
  const { state } = parseLink(link);
  return { state, sequences: readSequences(state.seqs, state.seed).map(scalarSequence), p: rntkParamsOf(state) };
}

const ERF = '?seqs=sines&act=erf&sw=1.2&su=0.7&sb=0.3&seq=3&m=8&seeds=2';
const SHORT = '?seqs=0,0.5,1;1,0.5&m=8&seeds=2';

describe('the sequences figure: JSON', { timeout: 30_000 }, () => {
  it('the keys of the issue first, in its order, then the chosen sequence, the normalized kernel, χ, the finite RNNs', () => {
    const fig = json(ERF);
    expect(Object.keys(fig)).toEqual([
      'panel',
      'link',
      'act',
      'sw',
      'su',
      'sb',
      'sequences',
      'gram',
      'weights',
      'chosen',
      'normalized',
      'memory',
      'finite',
    ]);
    expect(Object.keys(fig.weights[0])).toEqual(['sequence', 'steps', 'sensitivity']);
    expect(Object.keys(fig.memory)).toEqual(['chi', 'critical', 'regime']);
    expect(Object.keys(fig.finite)).toEqual(['m', 'requestedM', 'networks', 'requestedNetworks', 'raw', 'normalized']);
    expect(fig.panel).toBe('sequences');
    // `sines` is the default: the canonical link leaves it out
    expect(fig.link).toBe('?v=1&m=8&seeds=2&seq=3&act=erf&sw=1.2&su=0.7&sb=0.3');
    expect([fig.act, fig.sw, fig.su, fig.sb, fig.chosen]).toEqual(['erf', 1.2, 0.7, 0.3, 3]);
  });

  it('gram is the raw RNTK Gram matrix of the link’s sequences (σ_v = 1, d = 1), symmetric', () => {
    for (const link of [ERF, '?seqs=noise&seed=5&sw=1&su=2&sb=0.5&m=8&seeds=1']) {
      const fig = json(link);
      const { sequences, p } = core(link);
      expect(fig.sequences).toEqual(sequences.map((x) => Array.from(x.values)));
      const n = sequences.length;
      const K = rntkGram(sequences, p);
      expect(fig.gram).toEqual(Array.from({ length: n }, (_, i) => Array.from(K.subarray(i * n, (i + 1) * n))));
      fig.gram.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(fig.gram[j][i])));
    }
  });

  it('T = 3 against T′ = 2: gram[0][1] is the recursion’s K(x, z), and by hand 1.25(0.6 + 0.8(π − θ))/(2π) + 1.5(π − θ)/(2π), cos θ = 0.8', () => {
    const fig = json(SHORT);
    const { sequences, p } = core(SHORT);
    expect(fig.gram[0][1]).toBe(rntk(sequences[0], sequences[1], p));
    // ReLU, σ_w² = 2, σ_u = 1, σ_b = 0: s(x) = 0, 0.25, 1.25 and s(z) = 1, 1.25; the pair (x_2, z_1) gives Σ = Θ = 0.5;
    // the pair (x_3, z_2): F(0.25, 1, 0.5) = 0.25 and G = ½ (c = √(ab)), so Σ = 2·0.25 + 0.5 = 1 and Θ = 1 + 2·½·0.5 = 1.5;
    // the output reads F and G at (1.25, 1.25, 1)
    const theta = Math.acos(0.8);
    const byHand = (1.25 * (0.6 + 0.8 * (Math.PI - theta))) / (2 * Math.PI) + (1.5 * (Math.PI - theta)) / (2 * Math.PI);
    expect(fig.gram[0][1]).toBeCloseTo(byHand, 12);
    expect(fig.gram[1][0]).toBe(fig.gram[0][1]);
  });

  it('weights for every sequence: steps back from the last (0 = last), sensitivity = ∂K(x, x)/∂x_t', () => {
    const fig = json(ERF);
    const { sequences, p } = core(ERF);
    expect(fig.weights.map((w) => w.sequence)).toEqual(sequences.map((_, i) => i + 1));
    fig.weights.forEach((w, i) => {
      const x = sequences[i];
      const dK = timeSensitivity(x, p);
      expect(w.steps).toEqual(Array.from({ length: x.T }, (_, j) => j));
      // (+ 0: a figure writes −0 as 0)
      expect(w.sensitivity[0]).toBe(dK[x.T - 1] + 0);
      expect(w.sensitivity).toEqual(Array.from(dK, (v) => v + 0).reverse());
    });
    // and the last step's entry is ∂K(x, x)/∂x_T: a central difference of the recursion agrees
    const x = sequences[0];
    const h = 1e-5;
    const moved = (by: number) => {
      const values = Float64Array.from(x.values);
      values[x.T - 1] += by;
      const y = { ...x, values };
      return rntk(y, y, p);
    };
    expect(fig.weights[0].sensitivity[0]).toBeCloseTo((moved(h) - moved(-h)) / (2 * h), 6);
  });

  it('the normalized kernel of the chosen sequence, χ and the finite RNNs as the view computes them', () => {
    const fig = json(ERF);
    const c = fig.chosen - 1;
    fig.normalized.forEach((v, j) =>
      expect(v).toBeCloseTo(fig.gram[c][j] / Math.sqrt(fig.gram[c][c] * fig.gram[j][j]), 14),
    );
    expect(fig.normalized[c]).toBeCloseTo(1, 15);
    expect(fig.memory.regime).toBe(fig.memory.chi < 1 ? 'forgets' : 'remembers');
    const { state } = parseLink(ERF);
    const finite = sequencesFinite({ ...state, m: 8, seeds: 2 });
    expect(fig.finite).toEqual({
      m: 8,
      requestedM: 8,
      networks: 2,
      requestedNetworks: 2,
      raw: finite.raw,
      normalized: finite.normalized,
    });
  });

  it('an all-zero sequence: its normalized kernel is null, not NaN; ReLU at the default σ_w is critical', () => {
    const fig = json('?seqs=0,0,0;1,0.5&seq=2&m=8&seeds=2');
    expect(fig.normalized[0]).toBeNull();
    expect(fig.normalized[1]).toBeCloseTo(1, 15);
    expect(fig.finite.normalized[0]).toBeNull();
    expect(fig.memory).toEqual({ chi: 1.0000000000000002, critical: Math.SQRT2, regime: 'critical' });
  });
});

describe('the sequences figure: CSV', { timeout: 30_000 }, () => {
  it('rows by steps back from the end; per-sequence columns (the Gram matrix) in the first n rows', () => {
    const fig = json(SHORT);
    const lines = figure(SHORT, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe(`# ${fig.link}`);
    expect(lines[1]).toBe(
      'steps_before_end,x1,dK/dx x1,x2,dK/dx x2,sequence,"K(x_i, x1)","K(x_i, x2)","normalized K(x1, x_i)",' +
        '"finite mean K(x1, x_i)","finite sd K(x1, x_i)","finite mean normalized K(x1, x_i)","finite sd normalized K(x1, x_i)"',
    );
    const rows = lines.slice(2).map((l) => l.split(',').map((c) => (c === '' ? null : Number(c))));
    // max(longest sequence, n) = 3 rows, every cell a finite number or empty
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toHaveLength(13);
      for (const cell of row) if (cell !== null) expect(Number.isFinite(cell)).toBe(true);
    }
    // x1 = 0, 0.5, 1 read from its end; x2 = 1, 0.5 is one step shorter: empty cells
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      [0, 1, fig.weights[0].sensitivity[0], 0.5, fig.weights[1].sensitivity[0]],
      [1, 0.5, fig.weights[0].sensitivity[1], 1, fig.weights[1].sensitivity[1]],
      [2, 0, fig.weights[0].sensitivity[2], null, null],
    ]);
    // the Gram rows and the chosen sequence's statistics, indexed by `sequence`
    expect(rows.map((r) => r.slice(5, 9))).toEqual([
      [1, ...fig.gram[0], fig.normalized[0]],
      [2, ...fig.gram[1], fig.normalized[1]],
      [null, null, null, null],
    ]);
    expect(rows[0].slice(9)).toEqual([
      fig.finite.raw[0]?.mean,
      fig.finite.raw[0]?.sd,
      fig.finite.normalized[0]?.mean,
      fig.finite.normalized[0]?.sd,
    ]);
  });

  it('more sequences than steps: the per-sequence rows continue past the longest sequence', () => {
    const lines = figure('?seqs=1;2;3&m=8&seeds=1', 'csv').trimEnd().split('\n');
    expect(lines.slice(2).map((l) => l.split(',').slice(0, 3))).toEqual([
      ['0', '1', lines[2].split(',')[2]],
      ['1', '', ''],
      ['2', '', ''],
    ]);
    expect(lines.slice(2).map((l) => l.split(',')[7])).toEqual(['1', '2', '3']);
  });
});

describe('the sequences figure: SVG', { timeout: 30_000 }, () => {
  it('well-formed; the sequences, the Gram matrix as n×n cells, the bars with the finite RNNs, the time weights', () => {
    const link = '?seqs=0,0.5,1;1,0.5;0,0,0;-1,1,-1,1&seq=2&act=erf&sw=1&m=8&seeds=2';
    const svg = figure(link, 'svg');
    expectWellFormedSvg(svg);
    const fig = json(link);
    expect(svg).toContain(`data-link="${escapeXml(fig.link)}"`);
    // (a) the chosen sequence is named and drawn thicker
    expect(svg).toContain('<tspan data-legend="label">x₂ (2 steps), chosen</tspan>');
    expect(svg).toMatch(new RegExp(`<path d="[^"]+" stroke="${colourOf(1)}" stroke-width="3.5"/>`));
    // (b) a rect per entry, each value in its tooltip
    const cells = svg.slice(svg.indexOf('<g data-gram="cells">'), svg.indexOf('</g>', svg.indexOf('data-gram')));
    expect(cells.match(/<rect /g)).toHaveLength(16);
    expect(cells).toContain('<title>K(x₁, x₄) = ');
    // (c) a bar per sequence in its colour, none for the all-zero x₃ (its normalized kernel is undefined), and
    // the finite RNNs' dots
    expect(svg).toContain('Normalized kernel of the chosen sequence x₂ against each');
    const bar = (j: number) => new RegExp(`<rect [^>]*fill="${colourOf(j)}" stroke="none"/>`);
    for (const j of [0, 1, 3]) expect(svg).toMatch(bar(j));
    expect(svg).not.toMatch(bar(2));
    expect(svg).toContain('undefined: an all-zero sequence has K(x, x) = 0');
    expect(svg).toContain('finite RNNs: mean of 2 networks of width 8');
    // (d) the time weights and the sentence on memory
    expect(svg).toContain('How the RNTK weights time: |∂K(x, x)/∂xₜ| of x₂');
    expect(svg).toContain(escapeXml(memoryText(fig.memory as never, 'erf', 1)).slice(0, 60));
  });

  it('the caps say what they left out', () => {
    // one network of width 2048 over 200 steps is 2·10⁹ multiply-adds (a few seconds): a second passes the work cap
    const ones = Array.from({ length: 200 }, () => 1).join(',');
    const svg = figure(`?seqs=${ones}&m=4096&seeds=2`, 'svg');
    expect(svg).toContain('width 2048: the link asks for 4096, capped');
    expect(svg).toContain('1 of the 2 networks asked for: the rest would pass the work cap');
  });
});

describe('memoryText', () => {
  const relu = (sw: number, regime: 'forgets' | 'critical' | 'remembers') =>
    memoryText({ chi: (sw * sw) / 2, critical: Math.SQRT2, regime }, 'relu', sw);

  it('says where σ_w stands against the critical value and what that does to early steps', () => {
    expect(relu(Math.SQRT2, 'critical')).toBe(
      'σ_w = 1.41 is at the critical value √2 (χ = σ_w²/2 = 1.00): early steps are not forgotten: a step’s weight even grows like j + 2 with its distance j from the end',
    );
    expect(relu(1, 'forgets')).toBe(
      'σ_w = 1.00 is below the critical value √2 (χ = σ_w²/2 = 0.50): the kernel forgets early steps (×0.50 per step back)',
    );
    expect(relu(1.5, 'remembers')).toBe(
      'σ_w = 1.50 is above the critical value √2 (χ = σ_w²/2 = 1.13): the kernel remembers early steps, weighing them more (×1.13 per step back)',
    );
    expect(relu(0, 'forgets')).toBe(
      'σ_w = 0 is below the critical value √2 (χ = σ_w²/2 = 0): only the last step counts',
    );
    expect(relu(0.1, 'forgets')).toContain('(×0.005 per step back)');
  });

  it('erf: the critical value of this sequence, or none', () => {
    expect(memoryText({ chi: 0.89, critical: 1.06, regime: 'forgets' }, 'erf', 1)).toBe(
      'σ_w = 1.00 is below the critical value 1.06 for this sequence (χ = σ_w²·E[φ′(g)²] = 0.89): the kernel forgets early steps (×0.89 per step back)',
    );
    expect(memoryText({ chi: 0.3, critical: null, regime: 'forgets' }, 'erf', 2)).toBe(
      'σ_w = 2.00, and no σ_w up to 8 reaches χ = 1 for this sequence (χ = σ_w²·E[φ′(g)²] = 0.30): the kernel forgets early steps (×0.30 per step back)',
    );
  });
});

describe('npm run -s figure -- --panel sequences', { timeout: 30_000 }, () => {
  it('as a process: JSON on standard output, nothing on standard error', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/figure.ts', SHORT, '--panel', 'sequences', '--format', 'json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect([r.status, r.stderr]).toEqual([0, '']);
    const fig = JSON.parse(r.stdout);
    expect(fig.panel).toBe('sequences');
    expect(fig.sequences).toEqual([
      [0, 0.5, 1],
      [1, 0.5],
    ]);
    expect(fig.gram[0][1]).toBe(json(SHORT).gram[0][1]);
  });
});
