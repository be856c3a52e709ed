/**
 * Slider input → chart redrawn, in the app as a user drives it: the keyboard moves a slider (timed from the
 * real `keydown`: an integer slider steps itself by 1 and fires no `input` event, src/ui/controls/sliderModel.ts)
 * or the pointer does (timed from the `input` event), and the sample ends at the first animation frame after
 * the chart's curve changed.
 *
 * `keys`: the slider sweeps SWEEP steps up, then SWEEP down, and so on (as a lecturer steps through L), so
 * every move goes to a different value from the one drawn just before it.
 * `clicks`: the pointer clicks the slider's track at CLICK_POSITIONS.length places visited in a stride, so
 * that the value jumps and was neither drawn recently nor computed in advance: every move waits for the
 * worker (the path a first visit to a value takes).
 *
 * Timings on 2 shared cores are noisy (issue 2 asks for medians of repeated runs): after WARMUP unmeasured
 * moves (the first moves after a load also pay for compiling the code they run), RUNS runs of SAMPLES moves
 * each are measured, and the metric is the median of the runs' p95.
 */
import type { Page } from 'playwright-core';
import { median, percentile, round } from '../lib.ts';

const WARMUP = 6;
const SAMPLES = 40;
const RUNS = 3;
const SWEEP = 20;
/** Fractions of the track a drag sweeps through, 3 % apart (about 3 values of L per move), out and back. */
const DRAG_UP = Array.from({ length: 20 }, (_, i) => 0.2 + 0.03 * i);
const DRAG_POSITIONS = [...DRAG_UP, ...DRAG_UP.slice(1, -1).reverse()];
/** Fractions of the track, visited in stride 7 (20 distinct values, more than the profile keeps). */
const CLICK_POSITIONS = Array.from({ length: 20 }, (_, i) => 0.04 + (0.92 * ((i * 7 + 3) % 20)) / 19);

export interface RedrawRuns {
  /** median over the runs of each run's p95 */
  p95: number;
  /** median over all samples */
  median: number;
  runs: { p95: number; median: number; samples: number[] }[];
}

export async function inputToRedraw(
  page: Page,
  { slider, chart, via = 'keys' }: { slider: string; chart: string; via?: 'keys' | 'clicks' | 'drag' },
): Promise<RedrawRuns> {
  await page.locator(`${chart} path`).first().waitFor();
  await page.evaluate(
    ([chartSelector, startEvent]) => {
      const w = window as unknown as { __redraw: { start: number; samples: number[] } };
      w.__redraw = { start: 0, samples: [] };
      document.addEventListener(startEvent, () => (w.__redraw.start = performance.now()), true);
      new MutationObserver(() => {
        const { start } = w.__redraw;
        if (!start) return;
        w.__redraw.start = 0;
        requestAnimationFrame(() => w.__redraw.samples.push(performance.now() - start));
      }).observe(document.querySelector(chartSelector)!, { attributes: true, attributeFilter: ['d'], subtree: true });
    },
    [chart, via === 'keys' ? 'keydown' : 'input'] as const,
  );
  const input = page.getByLabel(slider);
  await input.focus();
  const box = (await input.boundingBox())!;
  let moves = 0;
  /** samples taken so far (a drag's press may add one before the moves) */
  let taken = 0;
  const waitForSample = async () => {
    await page.waitForFunction(
      (n) => (window as unknown as { __redraw: { samples: number[] } }).__redraw.samples.length > n,
      taken,
    );
    taken++;
  };
  const move = async () => {
    if (via === 'keys') await page.keyboard.press(Math.floor(moves / SWEEP) % 2 ? 'ArrowLeft' : 'ArrowRight');
    else if (via === 'drag')
      await page.mouse.move(box.x + box.width * DRAG_POSITIONS[moves % DRAG_POSITIONS.length]!, box.y + box.height / 2);
    else
      await page.mouse.click(
        box.x + box.width * CLICK_POSITIONS[moves % CLICK_POSITIONS.length]!,
        box.y + box.height / 2,
      );
    await waitForSample();
    moves++;
    await page.waitForTimeout(30); // let the other views finish before the next move
  };
  if (via === 'drag') {
    // pressed just before the sweep's first position: the press itself moves the value (one sample, not kept)
    await page.mouse.move(box.x + box.width * (DRAG_POSITIONS[0]! - 0.03), box.y + box.height / 2);
    await page.mouse.down();
    await waitForSample();
  }
  for (let i = 0; i < WARMUP; i++) await move();
  const runs: RedrawRuns['runs'] = [];
  for (let r = 0; r < RUNS; r++) {
    const from = taken;
    for (let i = 0; i < SAMPLES; i++) await move();
    const all = await page.evaluate(() => (window as unknown as { __redraw: { samples: number[] } }).__redraw.samples);
    const samples = all.slice(from, taken);
    runs.push({ p95: round(percentile(samples, 95)), median: round(median(samples)), samples });
  }
  if (via === 'drag') await page.mouse.up();
  return {
    p95: round(median(runs.map((r) => r.p95))),
    median: round(median(runs.flatMap((r) => r.samples))),
    runs,
  };
}

/** One line per run: its median, p95 and sorted samples. */
export const describeRuns = ({ runs }: RedrawRuns): string[] =>
  runs.map(
    (r, i) =>
      `run ${i + 1}: ${r.samples.length} moves, median ${r.median} ms, p95 ${r.p95} ms; sorted: ${[...r.samples]
        .sort((a, b) => a - b)
        .map((v) => Math.round(v))
        .join(' ')}`,
  );
