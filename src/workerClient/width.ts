/**
 * The width view from two workers at once: network i belongs to part i mod 2 (src/core/views/finiteWidth.ts),
 * the parts run on two lanes in parallel (`width`, `width2` for the profiles; `widthConvergence`,
 * `widthConvergence2` for the convergence, so that neither stops the other) and are merged. Each worker
 * reports its part's progress; the view shows their mean. A newer request stops the running one: the
 * lanes of both kinds are restarted at once, since one network of width 4096 can take many seconds (an
 * orthogonal one, minutes).
 */
import {
  mergeWidthConvergence,
  mergeWidthSeries,
  type WidthConvergence,
  type WidthConvergenceRequest,
  type WidthSeriesRequest,
  type WidthSeriesView,
} from '../core/views/finiteWidth';
import type { Timed } from './api';
import { callWorker, cancelLane, onLaneStart, proxy, type Lane } from './client';

type Kind = 'series' | 'convergence';
const LANES: Record<Kind, readonly Lane[]> = {
  series: ['width', 'width2'],
  convergence: ['widthConvergence', 'widthConvergence2'],
};
const PARTS = 2;

const fractions: Record<Kind, number[]> = { series: [0, 0], convergence: [0, 0] };
const listeners: Record<Kind, (fraction: number) => void> = { series: () => {}, convergence: () => {} };

for (const kind of ['series', 'convergence'] as const) {
  LANES[kind].forEach((lane, part) => {
    onLaneStart(lane, (worker) =>
      worker.onWidthProgress(
        proxy((_: Kind, fraction: number) => {
          fractions[kind][part] = fraction;
          listeners[kind]((fractions[kind][0] + fractions[kind][1]) / PARTS);
        }),
      ),
    );
  });
}

/** Where the progress (0–1, both parts together) of a kind of request goes; returns the unsubscribe. */
export function onWidthProgress(kind: Kind, listener: (fraction: number) => void): () => void {
  listeners[kind] = listener;
  return () => {
    listeners[kind] = () => {};
  };
}

/** Profile requests sent and not yet answered. */
let seriesInFlight = 0;

/** `computeMs`: wall time from the request to the last part, as the view waits for it. */
export async function computeWidthSeries(req: WidthSeriesRequest): Promise<(WidthSeriesView & Timed) | null> {
  if (seriesInFlight > 0) for (const lane of LANES.series) cancelLane(lane);
  const start = performance.now();
  fractions.series = [0, 0];
  seriesInFlight++;
  try {
    const parts = await Promise.all(
      LANES.series.map((lane, i) => callWorker(lane, (w) => w.widthSeries(req, i, PARTS))),
    );
    if (parts.some((p) => p === null)) return null;
    return {
      ...mergeWidthSeries(
        req,
        parts.filter((p) => p !== null),
      ),
      computeMs: performance.now() - start,
    };
  } finally {
    seriesInFlight--;
  }
}

type ConvergenceView = { convergence: WidthConvergence[] } & Timed;
/** The last convergence computed: the view asks again after every change of m (which it does not depend on). */
let lastConvergence: { key: string; view: ConvergenceView } | null = null;

/** Convergence requests sent and not yet answered. */
let convergenceInFlight = 0;

export async function computeWidthConvergence(req: WidthConvergenceRequest): Promise<ConvergenceView | null> {
  const key = JSON.stringify(req);
  if (lastConvergence?.key === key) return lastConvergence.view;
  // a stale job checks between networks only, and one orthogonal network of width 4096 takes minutes: restart
  if (convergenceInFlight > 0) for (const lane of LANES.convergence) cancelLane(lane);
  const start = performance.now();
  fractions.convergence = [0, 0];
  convergenceInFlight++;
  try {
    const parts = await Promise.all(
      LANES.convergence.map((lane, i) => callWorker(lane, (w) => w.widthConvergence(req, i, PARTS))),
    );
    if (parts.some((p) => p === null)) return null;
    const view = {
      convergence: mergeWidthConvergence(
        req,
        parts.filter((p) => p !== null),
      ),
      computeMs: performance.now() - start,
    };
    lastConvergence = { key, view };
    return view;
  } finally {
    convergenceInFlight--;
  }
}
