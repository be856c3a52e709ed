/**
 * Shared types and helpers for the benchmark (bench/run.ts and bench/metrics/*.ts).
 */
import type { Browser, Page } from 'playwright-core';

export interface BenchContext {
  /** A fresh page (own browser context, 1280×800, about:blank) for this metric; closed afterwards. */
  page: Page;
  /** The shared headless Chromium: open more contexts for fresh (cold-cache) loads. */
  browser: Browser;
  /** URL of the `vite preview` server serving the production build, ending in '/'. */
  baseURL: string;
  /** Absolute path of the production build (index.html, assets/, .vite/manifest.json). */
  distDir: string;
  /** Print a human-readable line (indented under the metric's heading). */
  log: (line: string) => void;
}

/**
 * A metric function: returns named numbers whose names end in their unit (see UNIT_SUFFIXES),
 * e.g. `{ first_paint_ms: 48.2 }`.
 */
export type MetricFn = (ctx: BenchContext) => Promise<Record<string, number>>;

/** Allowed unit suffixes of metric names. kb = 1000 bytes. */
export const UNIT_SUFFIXES = ['_ms', '_kb', '_fps'] as const;

export function checkMetricName(name: string): void {
  if (!/^[a-z][a-z0-9_]*$/.test(name) || !UNIT_SUFFIXES.some((u) => name.endsWith(u))) {
    throw new Error(`metric name "${name}" must be snake_case and end in one of ${UNIT_SUFFIXES.join(', ')}`);
  }
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no samples');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) throw new Error('percentile of no samples');
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Chromium flags for these machines: root needs --no-sandbox; no GPU; no QUIC. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic'];
export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * A page script (plain JavaScript: tsx would wrap named functions in a helper the page lacks) that drags
 * over `target` for `ms`, one pointer move per frame along the path `at` (a JS expression of the target's
 * box and a parameter t, giving [clientX, clientY]), and counts the redraws of `canvas` (its data-draws).
 * Resolves to { draws, elapsed, moves }.
 */
export function dragScript({
  target,
  canvas,
  ms,
  at,
}: {
  target: string;
  canvas: string;
  ms: number;
  at: string;
}): string {
  return `(async () => {
  const overlay = document.querySelector(${JSON.stringify(target)});
  const canvas = document.querySelector(${JSON.stringify(canvas)});
  const box = overlay.getBoundingClientRect();
  const at = (t) => ${at};
  const fire = (type, p) => overlay.dispatchEvent(new PointerEvent(type, { clientX: p[0], clientY: p[1], bubbles: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 1 }));
  const drawsBefore = Number(canvas.dataset.draws);
  fire('pointerdown', at(0));
  const start = performance.now();
  let moves = 0;
  await new Promise((done) => {
    const tick = () => {
      fire('pointermove', at((++moves / 120) * 2 * Math.PI));
      if (performance.now() - start < ${ms}) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  const elapsed = performance.now() - start;
  const draws = Number(canvas.dataset.draws) - drawsBefore;
  fire('pointerup', at((moves / 120) * 2 * Math.PI));
  return { draws, elapsed, moves };
})()`;
}

export interface DragResult {
  draws: number;
  elapsed: number;
  moves: number;
}
