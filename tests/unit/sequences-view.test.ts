/**
 * The Sequences view (docs/rntk.md "In the app"): the `seqs` link rule and its presets, the view model (Gram matrix,
 * normalized kernels, time weights, the memory factor χ and the critical σ_w), the finite RNNs' statistics,
 * and the pure editing of sequences (typed, drawn, added, removed).
 */
import { describe, expect, it } from 'vitest';
import { SEQUENCE_LIMITS, SEQUENCE_PRESETS, readSequences } from '../../src/core/rntk/presets';
import { RNTK_DEFAULTS, rntk, rntkGram } from '../../src/core/rntk/recursion';
import { timeSensitivity } from '../../src/core/rntk/sensitivity';
import {
  RNN_MAX_WIDTH,
  RNN_WORK_CAP,
  affordableWidth,
  weightsDomain,
  rnnWork,
  criticalSw,
  memoryFactor,
  rntkParamsOf,
  scalarSequence,
  sequencesFinite,
  sequencesView,
  type SequencesRequest,
} from '../../src/core/views/sequencesView';
import { parseLink, serializeLink, defaultState } from '../../src/link';
import { SEQUENCES } from '../../src/link/lists';
import { addSequence, drawStroke, removeSequence, replaceSequence } from '../../src/ui/panels/sequences/editing';

const base: SequencesRequest = {
  seqs: 'sines',
  seed: 1,
  seq: 1,
  act: 'relu',
  sw: Math.SQRT2,
  su: 1,
  sb: 0,
  weights: 'chosen',
};

describe('the seqs link parameter', () => {
  it('keeps a preset name; the default is sines', () => {
    expect(defaultState().seqs).toBe('sines');
    for (const p of SEQUENCE_PRESETS) expect(SEQUENCES.read(` ${p.name} `)).toEqual({ value: p.name, repairs: [] });
  });

  it('reads numbers per sequence, separated by ;, and round-trips through a link', () => {
    const { state, repairs } = parseLink('?v=1&seqs=0,0.5,1;1,0.5');
    expect(repairs).toEqual([]);
    expect(readSequences(state.seqs, 1)).toEqual([
      [0, 0.5, 1],
      [1, 0.5],
    ]);
    expect(serializeLink(state)).toBe('?v=1&seqs=0,0.5,1;1,0.5');
    expect(parseLink(serializeLink(state)).state).toEqual(state);
  });

  it('drops what is not a number, clamps values to ±10, cuts at 512 steps and 16 sequences, says so', () => {
    const r = SEQUENCES.read('1,abc,20;;-1e400');
    expect(r.value).toBe('1,10;-10');
    expect(r.repairs).toEqual([
      'sequence 1: "abc" is not a number; dropped',
      'sequence 1: 20 clamped to 10',
      'sequence 2 has no number; dropped',
      'sequence 3: -1e400 clamped to -10',
    ]);
    const long = SEQUENCES.read(Array.from({ length: 600 }, () => '1').join(','));
    expect(long.value.split(',')).toHaveLength(SEQUENCE_LIMITS.steps);
    expect(long.repairs).toEqual(['sequence 1: 600 steps cut to the first 512']);
    const many = SEQUENCES.read(Array.from({ length: 20 }, (_, i) => String(i % 10)).join(';'));
    expect(many.value.split(';')).toHaveLength(SEQUENCE_LIMITS.sequences);
    expect(many.repairs).toEqual(['sequences beyond the 16th dropped']);
  });

  it('nothing left falls back to the default preset, with a repair', () => {
    const { state, repairs } = parseLink('?v=1&seqs=abc');
    expect(state.seqs).toBe('sines');
    expect(repairs.map((r) => r.message).join(' ')).toContain('no sequence left; default sines used');
  });

  it('sw, su, sb, act: clamped to their ranges, with √2, 1, 0, relu by default', () => {
    const d = defaultState();
    expect([d.sw, d.su, d.sb, d.act]).toEqual([Math.SQRT2, 1, 0, 'relu']);
    const { state } = parseLink('?v=1&sw=9&su=-1&sb=5&act=tanh');
    expect([state.sw, state.su, state.sb, state.act]).toEqual([2, 0, 4, 'relu']);
  });
});

describe('presets', () => {
  it('stay within the limits; sines16 is 16 sequences of 128 steps', () => {
    for (const p of SEQUENCE_PRESETS) {
      const seqs = p.sequences(1);
      expect(seqs.length).toBeLessThanOrEqual(SEQUENCE_LIMITS.sequences);
      for (const x of seqs) {
        expect(x.length).toBeGreaterThan(0);
        expect(x.length).toBeLessThanOrEqual(SEQUENCE_LIMITS.steps);
        for (const v of x) expect(Math.abs(v)).toBeLessThanOrEqual(SEQUENCE_LIMITS.value);
      }
      // a preset and its numbers written out are the same sequences
      expect(
        SEQUENCES.read(seqs.map((x) => x.join(',')).join(';'))
          .value.split(';')
          .map((s) => s.split(',').map(Number)),
      ).toEqual(seqs);
    }
    const bank = readSequences('sines16', 1);
    expect(bank.map((x) => x.length)).toEqual(Array(16).fill(128));
  });

  it('sines: x₁ (32 steps) is the last 32 steps of x₂ (96 steps); noise follows the seed', () => {
    const [x1, x2] = readSequences('sines', 1);
    expect(x1).toEqual(x2.slice(64));
    expect(readSequences('noise', 1)).toEqual(readSequences('noise', 1));
    expect(readSequences('noise', 2)).not.toEqual(readSequences('noise', 1));
  });
});

describe('the view model', () => {
  it('the Gram matrix is the recursion’s, raw; the normalized row has 1 on the chosen sequence', () => {
    const view = sequencesView({ ...base, seq: 3 });
    const seqs = readSequences('sines', 1).map(scalarSequence);
    expect(Array.from(view.gram)).toEqual(Array.from(rntkGram(seqs, { ...RNTK_DEFAULTS })));
    const n = seqs.length;
    expect(view.chosen).toBe(3);
    expect(view.normalized[2]).toBeCloseTo(1, 14);
    for (let j = 0; j < n; j++)
      expect(view.normalized[j]).toBeCloseTo(
        view.gram[2 * n + j] / Math.sqrt(view.gram[2 * n + 2] * view.gram[j * n + j]),
        14,
      );
  });

  it('seq beyond the list is the last; weights for the chosen or every sequence, counted back from the end', () => {
    const view = sequencesView({ ...base, seq: 16, weights: 'all' });
    expect(view.chosen).toBe(6);
    expect(view.weights.map((w) => w.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    const x = scalarSequence(readSequences('sines', 1)[1]);
    const dK = timeSensitivity(x, RNTK_DEFAULTS);
    const w = view.weights[1];
    expect(w.steps[0]).toBe(0);
    expect(w.sensitivity[0]).toBe(dK[x.T - 1]);
    expect(w.sensitivity[x.T - 1]).toBe(dK[0]);
    expect(sequencesView(base).weights.map((v) => v.sequence)).toEqual([1]);
  });

  it('the time-weights axis: from the smallest positive weight, at most 30 decades below the largest', () => {
    expect(weightsDomain([0, 1e-3, 5, Number.NaN])).toEqual([1e-3 / 2, 10]);
    expect(weightsDomain([1e-40, 1])).toEqual([1e-30 / 2, 2]);
    expect(weightsDomain([0, -0])).toBeNull();
  });

  it('an all-zero sequence has no normalized kernel (null), never NaN', () => {
    const view = sequencesView({ ...base, seqs: '0,0,0;1,2' });
    expect(view.normalized).toEqual([null, null]);
    const other = sequencesView({ ...base, seqs: '0,0,0;1,2', seq: 2 });
    expect(other.normalized[0]).toBeNull();
    expect(other.normalized[1]).toBeCloseTo(1, 14);
  });

  it('ReLU: χ = σ_w²/2, critical at √2; on a constant sequence the weights go like (j + 2)·χʲ', () => {
    for (const sw of [0.5, 1, Math.SQRT2, 1.8]) {
      const view = sequencesView({ ...base, sw, seqs: Array(40).fill(1).join(',') });
      expect(view.memory.chi).toBeCloseTo((sw * sw) / 2, 14);
      expect(view.memory.critical).toBe(Math.SQRT2);
      expect(view.memory.regime).toBe(sw < 1.41 ? 'forgets' : sw > 1.42 ? 'remembers' : 'critical');
    }
    // the dependence on the step j before the end goes like (j + 2)·χʲ (src/core/rntk/sensitivity.ts)
    const s = sequencesView({ ...base, sw: 1, seqs: Array(40).fill(1).join(',') }).weights[0].sensitivity;
    expect(s[30] / s[29]).toBeCloseTo((0.5 * 32) / 31, 12);
    expect(s[20] / s[10]).toBeCloseTo((0.5 ** 10 * 22) / 12, 12);
  });

  it('erf: χ is the geometric mean of σ_w²·G along the variances; at the critical σ_w it is 1', () => {
    const x = scalarSequence(readSequences('sines', 1)[0]);
    const p = rntkParamsOf({ act: 'erf', sw: 1, su: 1, sb: 0.5 });
    const critical = criticalSw(x, p)!;
    expect(critical).toBeGreaterThan(0.5);
    expect(memoryFactor(x, { ...p, sw: critical })).toBeCloseTo(1, 10);
    expect(memoryFactor(x, { ...p, sw: critical * 0.9 })).toBeLessThan(1);
    expect(memoryFactor(x, { ...p, sw: critical * 1.1 })).toBeGreaterThan(1);
    // with zero input and no bias the variance stays 0, where G = 4/π: χ = 4σ_w²/π, critical at √π/2
    const zero = scalarSequence([0, 0, 0, 0]);
    expect(criticalSw(zero, { ...p, sb: 0 })).toBeCloseTo(Math.sqrt(Math.PI) / 2, 10);
  });

  it('story k: at σ_w = 1 the short and long sine are the same to the kernel; at √2 they are not', () => {
    expect(sequencesView({ ...base, sw: 1 }).normalized[1]).toBeGreaterThan(0.9999);
    expect(sequencesView(base).normalized[1]).toBeLessThan(0.3);
  });
});

describe('the finite RNNs of the view', () => {
  it('agree with the recursion within 4 standard errors (ReLU and erf, σ_w = 1, unequal lengths)', () => {
    for (const act of ['relu', 'erf'] as const) {
      const req = { ...base, act, sw: 1, seqs: '0.5,-1,1,0.3;1,-0.5,0.8', m: 256, seeds: 40 };
      const f = sequencesFinite(req);
      const x = readSequences(req.seqs, 1).map(scalarSequence);
      const p = rntkParamsOf(req);
      expect(f.networks).toBe(40);
      for (let j = 0; j < 2; j++) {
        const { mean, sd, count } = f.raw[j]!;
        expect(count).toBe(40);
        expect(Math.abs(mean - rntk(x[0], x[j], p))).toBeLessThan(4 * (sd / Math.sqrt(count)));
      }
      expect(f.normalized[0]!.mean).toBeCloseTo(1, 12);
    }
  });

  it('caps the width at 2048 and the networks at the work limit, and says how many it used', () => {
    const f = sequencesFinite({ ...base, seqs: '1,2', m: 8192, seeds: 3 });
    expect([f.m, f.requestedM, f.networks, f.requestedNetworks]).toEqual([RNN_MAX_WIDTH, 8192, 3, 3]);
    const capped = sequencesFinite({ ...base, seqs: Array(512).fill(1).join(','), m: 2048, seeds: 256 });
    expect(capped.networks).toBe(1);
    expect(capped.requestedNetworks).toBe(256);
  }, 60_000);

  it('overflowing narrow RNNs are left out, never averaged into ∞ or NaN (σ_w = 2, 512 steps of ±10)', () => {
    const seqs = `${Array(512).fill(10).join(',')};${Array(512).fill(-10).join(',')}`;
    const req = { ...base, seqs, sw: 2, su: 4, sb: 4 };
    const view = sequencesView(req);
    expect(view.normalized.every((v) => v !== null && Number.isFinite(v))).toBe(true);
    expect(Array.from(view.gram).every(Number.isFinite)).toBe(true);
    const f = sequencesFinite({ ...req, m: 4, seeds: 2 });
    for (const s of [...f.raw, ...f.normalized])
      expect(s === null || (Number.isFinite(s.mean) && Number.isFinite(s.sd))).toBe(true);
  });

  it('erf with σ_u = 0 or zero inputs: the steps weigh 0, not NaN, where the adjoint overflows', () => {
    const long = Array(512).fill(10).join(',');
    for (const seqs of [long, Array(512).fill(0).join(',')]) {
      for (const su of [0, 1]) {
        const w = sequencesView({ ...base, seqs, act: 'erf', sw: 2, su, sb: 0 }).weights[0].sensitivity;
        expect(w.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('one network never exceeds the work limit: the width comes down instead', () => {
    expect(affordableWidth(2048, Array(16).fill(128), 128)).toBeLessThan(2048);
    expect(rnnWork(Array(16).fill(128), 128, affordableWidth(2048, Array(16).fill(128), 128))).toBeLessThanOrEqual(
      RNN_WORK_CAP,
    );
    expect(affordableWidth(512, [32, 96], 32)).toBe(512);
  });
});

describe('editing sequences', () => {
  it('replaces, adds and removes, as canonical numbers', () => {
    const seqs = [
      [1, 2],
      [3, 4, 5],
    ];
    expect(replaceSequence(seqs, 1, [[0.5]])).toBe('1,2;0.5');
    expect(replaceSequence(seqs, 0, [[7], [8]])).toBe('7;8;3,4,5');
    expect(addSequence(seqs)).toBe(`1,2;3,4,5;${Array(32).fill(0.5).join(',')}`);
    expect(removeSequence(seqs, 0)).toBe('3,4,5');
    const full = Array.from({ length: 16 }, () => [1]);
    expect(addSequence(full).split(';')).toHaveLength(16);
  });

  it('a stroke sets the steps it crosses along a straight line, clamped and rounded', () => {
    const x = [0, 0, 0, 0, 0, 0];
    expect(drawStroke(x, null, { step: 2.2, value: 0.333 })).toEqual([0, 0, 0.33, 0, 0, 0]);
    expect(drawStroke(x, { step: 1, value: 1 }, { step: 4, value: -0.5 })).toEqual([0, 1, 0.5, 0, -0.5, 0]);
    expect(drawStroke(x, { step: 4, value: -0.5 }, { step: 1, value: 1 })).toEqual([0, 1, 0.5, 0, -0.5, 0]);
    expect(drawStroke(x, null, { step: 9, value: 1 })).toEqual(x);
    expect(drawStroke(x, null, { step: 0, value: 50 }, 1.2)).toEqual([1.2, 0, 0, 0, 0, 0]);
  });
});
