/**
 * The store's actions (src/state/store.ts): kernel-list edits keep the parameters that point at an instance
 * by position (`fit`, `ra`, `rb`, `da`, `db`; INSTANCE_POSITIONS in src/link/params.ts) on the same
 * instances, by identity; how changes are recorded for history; opening a link.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultInstance, type KernelInstance } from '../../src/core/kernels/registry';
import {
  COMPARISON_PAIRS,
  DEFAULT_KERNELS,
  comparison,
  INSTANCE_POSITIONS,
  MAX_INSTANCES,
  defaultState,
  parseLink,
  serializeLink,
  type LinkState,
} from '../../src/link';
import { linkStateOf, useStore, type AppState } from '../../src/state/store';

type PositionKey = (typeof INSTANCE_POSITIONS)[number];
const POSITION_KEYS: readonly PositionKey[] = INSTANCE_POSITIONS;

/** The store as it starts: every link parameter at its default, no notices, the first load's change. */
function reset() {
  useStore.setState({ ...defaultState(), notices: [], change: { seq: 0, commit: true, fromAddress: true } });
}

const state = () => useStore.getState();

/** Distinct instances (different objects and texts), so identity and equality tell them apart. */
const instances = (n: number): KernelInstance[] =>
  Array.from({ length: n }, (_, i) => defaultInstance('laplace', { c: i + 1 }));

/**
 * The instance a position parameter designates, as the views read it: `fit` 0 is none; `ra`, `rb`,
 * `da`, `db` beyond the last kernel designate the last (README "Share links").
 */
function target(s: AppState, key: PositionKey): KernelInstance | null {
  const p = s[key];
  if (key === 'fit') return p === 0 ? null : (s.kernels[p - 1] ?? null);
  return s.kernels[Math.min(p, s.kernels.length) - 1];
}

/** The instances the position parameters point at within the list (null: none, or beyond the last kernel). */
const targets = (s: AppState) =>
  Object.fromEntries(POSITION_KEYS.map((k) => [k, s[k] > s.kernels.length ? null : target(s, k)]));

/** Every way of pointing the five position parameters into a list of n kernels (a sample of them). */
function pointerSetups(n: number): Pick<LinkState, PositionKey>[] {
  const setups: Pick<LinkState, PositionKey>[] = [];
  for (let a = 0; a <= n; a++) {
    for (let b = 1; b <= MAX_INSTANCES; b++) {
      // fit a, ra b, rb and da and db spread over the list (and beyond it)
      setups.push({ fit: a, ra: b, rb: ((b + a) % MAX_INSTANCES) + 1, da: ((b * 3) % MAX_INSTANCES) + 1, db: n });
    }
  }
  return setups;
}

function setup(kernels: KernelInstance[], pointers: Partial<LinkState> = {}) {
  useStore.setState({ kernels, ...pointers });
}

beforeEach(reset);

describe('reset', () => {
  it('the store starts at the default link', () => {
    expect(linkStateOf(state())).toEqual(defaultState());
    expect(serializeLink(linkStateOf(state()))).toBe('?v=1');
    expect(state().kernels).toEqual(DEFAULT_KERNELS);
    expect(state().change).toEqual({ seq: 0, commit: true, fromAddress: true });
  });
});

describe('kernel-list edits keep position parameters on their instances', () => {
  /**
   * After `act`, every position parameter that pointed at an instance (within the list) whose instance
   * still exists designates the same object. (A position beyond the last kernel means "the last one",
   * whichever it is: tested on its own below.)
   */
  function expectFollowed(before: Record<string, KernelInstance | null>, survivors: Set<KernelInstance>, what: string) {
    const after = targets(state());
    for (const key of POSITION_KEYS) {
      const was = before[key];
      if (was !== null && survivors.has(was)) expect(after[key], `${what}: ${key}`).toBe(was);
    }
  }

  it('addKernel appends a default instance of the family and keeps every other instance', () => {
    const kernels = instances(4);
    setup(kernels, { fit: 2, ra: 3, rb: 1, da: 4, db: 2 });
    state().addKernel('ntk', { L: 5 });
    const s = state();
    expect(s.kernels).toHaveLength(5);
    kernels.forEach((k, i) => expect(s.kernels[i]).toBe(k));
    expect(s.kernels[4]).toEqual(defaultInstance('ntk', { L: 5 }));
    expect({ fit: s.fit, ra: s.ra, rb: s.rb, da: s.da, db: s.db }).toEqual({ fit: 2, ra: 3, rb: 1, da: 4, db: 2 });
  });

  for (let n = 1; n < MAX_INSTANCES; n++) {
    it(`addKernel to ${n} kernels: every pointer keeps its instance`, () => {
      for (const pointers of pointerSetups(n)) {
        setup(instances(n), pointers);
        const before = targets(state());
        const kernels = state().kernels;
        state().addKernel('gauss');
        expectFollowed(before, new Set(kernels), `add to ${JSON.stringify(pointers)}`);
      }
    });
  }

  for (let n = 1; n < MAX_INSTANCES; n++) {
    it(`duplicateKernel in ${n} kernels: the copy follows its original; pointers keep their instances`, () => {
      for (let i = 0; i < n; i++) {
        for (const pointers of pointerSetups(n)) {
          const kernels = instances(n);
          setup(kernels, pointers);
          const before = targets(state());
          state().duplicateKernel(i);
          const s = state();
          expect(s.kernels).toHaveLength(n + 1);
          expect(s.kernels[i]).toBe(kernels[i]);
          expect(s.kernels[i + 1]).toEqual(kernels[i]);
          expect(s.kernels[i + 1]).not.toBe(kernels[i]);
          expect(s.kernels[i + 1].params).not.toBe(kernels[i].params);
          expect(s.kernels.filter((k) => k !== s.kernels[i + 1])).toEqual(kernels);
          expectFollowed(before, new Set(kernels), `duplicate ${i} of ${JSON.stringify(pointers)}`);
        }
      }
    });
  }

  for (let n = 2; n <= MAX_INSTANCES; n++) {
    it(`moveKernel in ${n} kernels: the two instances swap; pointers keep their instances`, () => {
      for (let i = 0; i < n; i++) {
        for (const by of [-1, 1] as const) {
          const to = i + by;
          if (to < 0 || to >= n) continue;
          for (const pointers of pointerSetups(n)) {
            const kernels = instances(n);
            setup(kernels, pointers);
            const before = targets(state());
            state().moveKernel(i, by);
            const s = state();
            expect(s.kernels[to]).toBe(kernels[i]);
            expect(s.kernels[i]).toBe(kernels[to]);
            expectFollowed(before, new Set(kernels), `move ${i} by ${by} in ${JSON.stringify(pointers)}`);
          }
        }
      }
    });
  }

  for (let n = 2; n <= MAX_INSTANCES; n++) {
    it(`removeKernel in ${n} kernels: pointers at other instances keep them; at the removed one, reset`, () => {
      for (let i = 0; i < n; i++) {
        for (const pointers of pointerSetups(n)) {
          const kernels = instances(n);
          setup(kernels, pointers);
          const before = targets(state());
          state().removeKernel(i);
          const s = state();
          expect(s.kernels).toEqual(kernels.filter((_, j) => j !== i));
          s.kernels.forEach((k) => expect(kernels).toContain(k));
          const what = `remove ${i} of ${JSON.stringify(pointers)}`;
          expectFollowed(before, new Set(s.kernels), what);
          // the removed instance's `fit` becomes 0; a comparison side takes the first position the other
          // side does not hold (possibly beyond the list: "the last", until a kernel is added)
          if (before.fit === kernels[i]) expect(s.fit, `${what}: fit`).toBe(0);
          for (const [a, b] of COMPARISON_PAIRS) {
            if (before[a] === kernels[i]) expect(s[a], `${what}: ${a}`).toBe(s[b] === 1 ? 2 : 1);
            if (before[b] === kernels[i]) expect(s[b], `${what}: ${b}`).toBe(s[a] === 1 ? 2 : 1);
          }
          // every stored position is a valid link value after the edit
          expect(s.fit >= 0 && s.fit <= n - 1, what).toBe(true);
          for (const key of ['ra', 'rb', 'da', 'db'] as const) {
            expect(s[key] >= 1 && s[key] <= MAX_INSTANCES, what).toBe(true);
          }
        }
      }
    });
  }

  it('README: fit on the removed kernel is reset to 0 (no fit); a removed comparison side takes 1 or 2', () => {
    setup(instances(3), { fit: 2, ra: 2, rb: 2, da: 2, db: 2 });
    state().removeKernel(1);
    expect(state()).toMatchObject({ fit: 0, ra: 1, rb: 2, da: 1, db: 2 });
    setup(instances(2), { fit: 2, ra: 2, rb: 2, da: 2, db: 2 });
    state().removeKernel(1);
    expect(state()).toMatchObject({ fit: 0, ra: 1, rb: 2, da: 1, db: 2 });
    setup(instances(2), { ra: 1, rb: 2, da: 2, db: 1 });
    state().removeKernel(0);
    expect(state()).toMatchObject({ ra: 2, rb: 1, da: 1, db: 2 });
  });

  it('removing kernels down to one and adding one back compares two different instances again (issue 14)', () => {
    // every order of removing three of the four default kernels, then Laplace (or NTK) added back
    const orders = (list: number[]): number[][] =>
      list.length === 1 ? [[]] : list.flatMap((i) => orders(list.filter((j) => j !== i)).map((o) => [i, ...o]));
    for (const order of orders([0, 1, 2, 3])) {
      setup([...DEFAULT_KERNELS], { ra: 1, rb: 2, da: 1, db: 2 });
      for (const removed of order) state().removeKernel(state().kernels.indexOf(DEFAULT_KERNELS[removed]));
      const one = state();
      expect(one.kernels).toHaveLength(1);
      expect(comparison(one.kernels, one.ra, one.rb).same).toBe('one kernel');
      state().addKernel(one.kernels[0].family === 'laplace' ? 'ntk' : 'laplace');
      const s = state();
      const what = `removed ${order.join(',')}`;
      expect(comparison(s.kernels, s.ra, s.rb), what).toMatchObject({ same: null });
      expect(comparison(s.kernels, s.da, s.db), what).toMatchObject({ same: null });
    }
  });

  it('a position beyond the last kernel means the last one, whichever it is; added kernels make it an instance again', () => {
    // a one-kernel link keeps rb = db = 2 (never repaired): adding a kernel compares the two again
    const one = instances(1);
    setup(one, { ra: 1, rb: 2, da: 1, db: 2 });
    state().addKernel('laplace');
    expect(state()).toMatchObject({ ra: 1, rb: 2, da: 1, db: 2 });
    expect(target(state(), 'rb')).toBe(state().kernels[1]);
    expect(target(state(), 'rb')).not.toBe(target(state(), 'ra'));
    expect(target(state(), 'db')).not.toBe(target(state(), 'da'));
    // ra = 8 with 4 kernels: the last; after an addition, the new last
    const kernels = instances(4);
    setup(kernels, { ra: 8, rb: 6, da: 5, db: 8 });
    state().addKernel('gauss');
    expect(target(state(), 'ra')).toBe(state().kernels[4]);
    expect(target(state(), 'da')).toBe(state().kernels[4]);
    // after a move it is still the last position; after a removal it stays within the list
    setup(kernels, { ra: 8, rb: 6, da: 5, db: 8 });
    state().moveKernel(3, -1);
    expect(target(state(), 'ra')).toBe(kernels[2]);
    setup(kernels, { ra: 8, rb: 6, da: 5, db: 8 });
    state().removeKernel(0);
    expect(state().kernels).toHaveLength(3);
    expect(target(state(), 'ra')).toBe(kernels[3]);
  });

  it('the last instance cannot be removed; moves past either end do nothing', () => {
    const one = instances(1);
    setup(one);
    const before = state();
    state().removeKernel(0);
    expect(state()).toBe(before);
    setup(instances(3));
    const three = state();
    state().moveKernel(0, -1);
    state().moveKernel(2, 1);
    expect(state()).toBe(three);
  });

  it(`addKernel and duplicateKernel stop at MAX_INSTANCES = ${MAX_INSTANCES}`, () => {
    for (let i = state().kernels.length; i < MAX_INSTANCES; i++) state().addKernel('laplace');
    expect(state().kernels).toHaveLength(MAX_INSTANCES);
    const full = state();
    state().addKernel('gauss');
    expect(state()).toBe(full);
    state().duplicateKernel(0);
    expect(state()).toBe(full);
    expect(state().kernels).toHaveLength(MAX_INSTANCES);
    state().removeKernel(0);
    state().duplicateKernel(0);
    expect(state().kernels).toHaveLength(MAX_INSTANCES);
  });

  it('every kernel-list edit is one committed change, not from the address', () => {
    const edits: [string, () => void][] = [
      ['add', () => state().addKernel('laplace')],
      ['duplicate', () => state().duplicateKernel(0)],
      ['move', () => state().moveKernel(0, 1)],
      ['remove', () => state().removeKernel(1)],
    ];
    edits.forEach(([what, edit], i) => {
      edit();
      expect(state().change, what).toEqual({ seq: i + 1, commit: true, fromAddress: false });
    });
  });
});

describe('setKernelParam', () => {
  it('replaces the edited instance and keeps the identity of every other one', () => {
    const kernels = instances(4);
    setup(kernels, { fit: 3 });
    state().setKernelParam(2, 'c', 0.25);
    const s = state();
    expect(s.kernels[2]).not.toBe(kernels[2]);
    expect(s.kernels[2]).toEqual(defaultInstance('laplace', { c: 0.25 }));
    expect(kernels[2].params.c).toBe(3); // the old instance is not mutated
    for (const i of [0, 1, 3]) expect(s.kernels[i]).toBe(kernels[i]);
    expect(s.fit).toBe(3);
    expect(s.change).toEqual({ seq: 1, commit: true, fromAddress: false });
  });

  it('a change during a drag is not committed', () => {
    state().setKernelParam(0, 'L', 4, false);
    expect(state().kernels[0].params.L).toBe(4);
    expect(state().change).toEqual({ seq: 1, commit: false, fromAddress: false });
  });
});

describe('setGlobal, setGlobals, commit', () => {
  it('setGlobal records one change; commit defaults to true', () => {
    state().setGlobal('d', 7);
    expect(state().d).toBe(7);
    expect(state().change).toEqual({ seq: 1, commit: true, fromAddress: false });
    state().setGlobal('norm', 'raw');
    expect(state().norm).toBe('raw');
    expect(state().change).toEqual({ seq: 2, commit: true, fromAddress: false });
  });

  it('a drag: uncommitted changes, then commit() closes it with a new seq; a second commit() is a no-op', () => {
    const kernels = state().kernels;
    state().setGlobal('zoom', 90, false);
    state().setGlobal('zoom', 45, false);
    expect(state().zoom).toBe(45);
    expect(state().change).toEqual({ seq: 2, commit: false, fromAddress: false });
    expect(state().kernels).toBe(kernels);
    state().commit();
    expect(state().change).toEqual({ seq: 3, commit: true, fromAddress: false });
    const committed = state();
    state().commit();
    expect(state()).toBe(committed);
  });

  it('commit() keeps fromAddress (a committed first load stays from the address)', () => {
    state().commit();
    expect(state().change).toEqual({ seq: 0, commit: true, fromAddress: true });
  });

  it('setGlobals changes several parameters in one change', () => {
    state().setGlobals({ zn: 2, za: -45 }, false);
    expect(state()).toMatchObject({ zn: 2, za: -45 });
    expect(state().change).toEqual({ seq: 1, commit: false, fromAddress: false });
    state().setGlobals({ R: 5 });
    expect(state().change).toEqual({ seq: 2, commit: true, fromAddress: false });
    expect(linkStateOf(state())).toEqual({ ...defaultState(), zn: 2, za: -45, R: 5 });
  });
});

describe('openLink', () => {
  it('a clean link: its state, a committed change from the address, no notice', () => {
    const link = '?v=1&kernels=ntk(L=3,beta=0.5),gexp(gamma=0.5)&d=5&axis=u&zoom=30&fit=1';
    state().setGlobal('kmax', 50, false);
    state().openLink(link);
    expect(linkStateOf(state())).toEqual(parseLink(link).state);
    expect(serializeLink(linkStateOf(state()))).toBe(link);
    expect(state().change).toEqual({ seq: 2, commit: true, fromAddress: true });
    expect(state().notices).toEqual([]);
  });

  it('a link that needs repair: the repaired state and one notice naming every repair', () => {
    state().openLink('?d=5000&fit=5&norm=up');
    const s = state();
    expect(s).toMatchObject({ d: 1000, fit: 0, norm: 'unit' });
    expect(s.notices).toHaveLength(1);
    const [notice] = s.notices;
    expect(notice.kind).toBe('repair');
    expect(notice.title).toMatch(/3 repairs/);
    expect(notice.lines).toEqual(parseLink('?d=5000&fit=5&norm=up').repairs.map((r) => `${r.param}: ${r.message}`));
    expect(notice.lines.map((l) => l.split(':')[0]).sort()).toEqual(['d', 'fit', 'norm']);
    state().openLink('?d=abc');
    expect(state().notices).toHaveLength(1);
    expect(state().notices[0].title).toMatch(/a repair;/);
    expect(state().notices[0].lines).toEqual(['d: "abc" is not a number; default 3 used']);
  });

  it('a new link replaces the old repair notice and keeps other notices', () => {
    state().openLink('?d=0');
    state().notify('error', 'A worker failed', ['retrying']);
    state().openLink('?d=4');
    expect(state().notices.map((n) => n.kind)).toEqual(['error']);
    expect(state().d).toBe(4);
  });

  it('kernels are replaced by the link’s instances', () => {
    state().openLink('?kernels=gauss(c=2)');
    expect(state().kernels).toEqual([defaultInstance('gauss', { c: 2 })]);
    state().openLink('');
    expect(linkStateOf(state())).toEqual(defaultState());
  });
});

describe('notices', () => {
  it('notify replaces a notice with the same title; dismiss removes by id', () => {
    state().notify('info', 'Copied', ['link']);
    state().notify('info', 'Other');
    state().notify('error', 'Copied', ['again']);
    const ns = state().notices;
    expect(ns.map((n) => [n.title, n.kind, n.lines])).toEqual([
      ['Other', 'info', []],
      ['Copied', 'error', ['again']],
    ]);
    expect(new Set(ns.map((n) => n.id)).size).toBe(2);
    state().dismiss(ns[0].id);
    expect(state().notices.map((n) => n.title)).toEqual(['Copied']);
    state().dismiss(-1);
    expect(state().notices).toHaveLength(1);
  });
});
