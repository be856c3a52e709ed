/**
 * Real data (issue 13), in the app in Chromium:
 * - realdata_small_4contestants_ms: the default link's run — the 28 data sets with n ≤ 200, contestants
 *   ntk, laplace, gexp and gauss, prep zscore — in the page's workers (as many as the machine has cores, at
 *   most 8), from the start of the run to its last result (the panel's data-compute-ms). A fresh browser
 *   context each time, so no result is kept from an earlier run; median of RUNS. scikit-learn does the same
 *   work in about 4.2 s on one core of the reference machine.
 */
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 3;

const realdata: MetricFn = async ({ browser, baseURL, log }) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      // presentation mode shows the panel alone, on screen: the default-sized run starts by itself
      await page.goto(`${baseURL}?v=1&present=1&panel=realdata`);
      const panel = page.locator('section.panel.realdata');
      await page.waitForFunction(
        () => document.querySelector('section.panel.realdata')?.hasAttribute('data-compute-ms'),
        null,
        { timeout: 120_000 },
      );
      const ms = Number(await panel.getAttribute('data-compute-ms'));
      const status = await panel.locator('.realdata-run [role=status]').textContent();
      if (!/All 28 data sets done/.test(status ?? '')) throw new Error(`run did not finish: ${status}`);
      log(`run ${i + 1}: ${round(ms)} ms`);
      times.push(ms);
    } finally {
      await context.close();
    }
  }
  return { realdata_small_4contestants_ms: round(median(times)) };
};

export default realdata;
