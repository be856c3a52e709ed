/**
 * Training (issue 15), in the app in Chromium:
 * - training_l1_ms (the issue's `training_L1_ms`; metric names are lower-case, bench/lib.ts): the training view for `kernels=ntk(L=1)` — the default widths 16, 64, 256, 1024, the
 *   default 300 steps, both initializations (8 antisymmetric pairs), with the animation frames — in the
 *   page's training worker, from the request to the result (the panel's data-compute-ms). A fresh browser
 *   context each time (a fresh worker); median of RUNS.
 * - training_l2_ms, training_l4_ms: the same for deeper networks, reported without a budget (one run each;
 *   a run above RUN_WORK_LIMIT multiply-adds, e.g. width 1024 at L ≥ 2, is skipped and not timed).
 */
import type { Browser } from 'playwright-core';
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 3;

async function once(browser: Browser, baseURL: string, L: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}?v=1&kernels=ntk(L=${L})&present=1&panel=training`);
    await page.waitForFunction(
      () => document.querySelector('section.panel[data-panel=training]')?.hasAttribute('data-compute-ms'),
      null,
      { timeout: 300_000 },
    );
    return Number(await page.locator('section.panel[data-panel=training]').getAttribute('data-compute-ms'));
  } finally {
    await context.close();
  }
}

const training: MetricFn = async ({ browser, baseURL, log }) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ms = await once(browser, baseURL, 1);
    log(`L = 1, run ${i + 1}: ${round(ms)} ms`);
    times.push(ms);
  }
  const deeper: Record<string, number> = {};
  for (const L of [2, 4]) {
    const ms = await once(browser, baseURL, L);
    log(`L = ${L}: ${round(ms)} ms`);
    deeper[`training_l${L}_ms`] = round(ms);
  }
  return { training_l1_ms: round(median(times)), ...deeper };
};

export default training;
