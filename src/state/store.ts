/**
 * The one store of UI state (zustand): the link state (links.md) plus notices. Actions live next to the
 * state; src/state/urlSync.ts keeps the address bar in step with it.
 */
import { create } from 'zustand';
import { defaultInstance, type KernelInstance, type ParamValue } from '../core/kernels/registry';
import {
  COMPARISON_PAIRS,
  GLOBAL_PARAMS,
  type INSTANCE_POSITIONS,
  MAX_INSTANCES,
  defaultState,
  parseLink,
  type GlobalKey,
  type LinkState,
} from '../link';
import { withStoryStep } from './storyView';

type PositionKey = (typeof INSTANCE_POSITIONS)[number];

export type NoticeKind = 'repair' | 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  title: string;
  lines: readonly string[];
  /** shown with the notice, e.g. "Retry" */
  action?: { label: string; run: () => void };
}

/** How the last state change should reach browser history (links.md §1 "Browser history"). */
export interface Change {
  seq: number;
  /** the change is finished (slider released, field committed, button pressed) */
  commit: boolean;
  /** the change came from the address itself (Back/Forward, first load): do not write history */
  fromAddress: boolean;
}

export interface AppState extends LinkState {
  notices: readonly Notice[];
  change: Change;
  setGlobal<K extends GlobalKey>(key: K, value: LinkState[K], commit?: boolean): void;
  /** Several global parameters in one change (one history entry), e.g. z's norm and angle. */
  setGlobals(patch: Partial<Omit<LinkState, 'kernels'>>, commit?: boolean): void;
  /** A whole link state in one committed change (one history entry): Reset view (src/ui/app/resetView.ts). */
  setLinkState(state: LinkState): void;
  setKernelParam(index: number, key: string, value: ParamValue, commit?: boolean): void;
  addKernel(familyId: string, params?: Record<string, ParamValue>): void;
  removeKernel(index: number): void;
  duplicateKernel(index: number): void;
  moveKernel(index: number, by: -1 | 1): void;
  /** Open a link (first load or Back/Forward): repaired state, one notice naming every repair. */
  openLink(search: string): void;
  /** Mark the ongoing change (a drag) finished, so the next change makes a new history entry. */
  commit(): void;
  notify(kind: NoticeKind, title: string, lines?: readonly string[], action?: Notice['action']): void;
  dismiss(id: number): void;
}

let noticeSeq = 0;

/**
 * The kernel list with instance `index`'s parameter `key` set to `value`; the other instances keep their
 * identity (views that depend on one instance recompute nothing when another changes).
 */
export function withKernelParam(
  kernels: readonly KernelInstance[],
  index: number,
  key: string,
  value: ParamValue,
): KernelInstance[] {
  return kernels.map((k, i) => (i === index ? { ...k, params: { ...k.params, [key]: value } } : k));
}

export const useStore = create<AppState>()((set, get) => {
  /** Apply a change to the link state and record how it should enter history. */
  const change = (patch: Partial<LinkState>, commit: boolean) =>
    set((s) => ({ ...patch, change: { seq: s.change.seq + 1, commit, fromAddress: false } }));

  /**
   * A new kernel list: parameters that point at an instance by position (fit, ra, rb, da, db) follow it
   * (`moved(p)` is its new position, or null when it was removed). A position beyond the last kernel (a link
   * may carry rb = 2 with one kernel: "beyond the last kernel the last is used") is not an instance and is
   * kept: it means "the last", so adding a kernel makes it point at the new one. When the instance of one
   * side of a comparison (ra/rb, da/db) is removed, that side takes the first position the other side does
   * not hold — possibly beyond the list — so that removing kernels never turns a comparison into a kernel
   * compared with itself once kernels are added back (src/link/comparison.ts).
   */
  const changeKernels = (kernels: KernelInstance[], moved: (position: number) => number | null) => {
    const s = get();
    const next = (key: PositionKey): number | null => {
      const p = s[key];
      return p === 0 ? 0 : p > s.kernels.length ? p : moved(p);
    };
    const patch: Partial<LinkState> = { kernels, fit: Math.min(next('fit') ?? 0, kernels.length) };
    for (const [aKey, bKey] of COMPARISON_PAIRS) {
      const [a, b] = [next(aKey), next(bKey)];
      const free = (other: number | null) => (other === 1 ? 2 : 1);
      patch[aKey] = a ?? free(b);
      patch[bKey] = b ?? free(patch[aKey]);
    }
    change(patch, true);
  };

  return {
    ...defaultState(),
    notices: [],
    change: { seq: 0, commit: true, fromAddress: true },

    setGlobal(key, value, commit = true) {
      change({ [key]: value } as Partial<LinkState>, commit);
    },

    setGlobals(patch, commit = true) {
      change(patch, commit);
    },

    setLinkState(state) {
      change(state, true);
    },

    setKernelParam(index, key, value, commit = true) {
      change({ kernels: withKernelParam(get().kernels, index, key, value) }, commit);
    },

    addKernel(familyId, params = {}) {
      const { kernels } = get();
      if (kernels.length >= MAX_INSTANCES) return;
      changeKernels([...kernels, defaultInstance(familyId, params)], (p) => p);
    },

    removeKernel(index) {
      const { kernels } = get();
      if (kernels.length <= 1) return;
      changeKernels(
        kernels.filter((_, i) => i !== index),
        (p) => (p === index + 1 ? null : p > index + 1 ? p - 1 : p),
      );
    },

    duplicateKernel(index) {
      const { kernels } = get();
      if (kernels.length >= MAX_INSTANCES) return;
      const copy = { ...kernels[index], params: { ...kernels[index].params } };
      changeKernels([...kernels.slice(0, index + 1), copy, ...kernels.slice(index + 1)], (p) =>
        p > index + 1 ? p + 1 : p,
      );
    },

    moveKernel(index, by) {
      const { kernels } = get();
      const to = index + by;
      if (to < 0 || to >= kernels.length) return;
      const next = kernels.slice();
      [next[index], next[to]] = [next[to], next[index]];
      changeKernels(next, (p) => (p === index + 1 ? to + 1 : p === to + 1 ? index + 1 : p));
    },

    openLink(search) {
      const parsed = parseLink(search);
      const { repairs } = parsed;
      const state = withStoryStep(parsed);
      set((s) => ({
        ...state,
        change: { seq: s.change.seq + 1, commit: true, fromAddress: true },
        notices: [
          ...s.notices.filter((n) => n.kind !== 'repair'),
          ...(repairs.length
            ? [
                {
                  id: ++noticeSeq,
                  kind: 'repair' as const,
                  title: `This link needed ${repairs.length === 1 ? 'a repair' : `${repairs.length} repairs`}; the repaired view is shown and the address was rewritten.`,
                  lines: repairs.map((r) => `${r.param}: ${r.message}`),
                },
              ]
            : []),
        ],
      }));
    },

    commit() {
      set((s) => (s.change.commit ? s : { change: { ...s.change, seq: s.change.seq + 1, commit: true } }));
    },

    notify(kind, title, lines = [], action) {
      set((s) => ({
        notices: [...s.notices.filter((n) => n.title !== title), { id: ++noticeSeq, kind, title, lines, action }],
      }));
    },

    dismiss(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  };
});

/** The link part of the store's state, read through the link's own parameter table. */
export function linkStateOf(s: AppState): LinkState {
  const globals = Object.fromEntries(GLOBAL_PARAMS.map((p) => [p.key, s[p.key]]));
  return { kernels: s.kernels, ...(globals as Omit<LinkState, 'kernels'>) };
}
