/**
 * Random features (issue 15), in the app in Chromium:
 * - features_default_ms: the default link's random-features view — its NTK instance (L = 2, sketched),
 *   D = 16 … 1024, n = 500 asked for (128 used), d = 3 — in the page's features worker, from the request
 *   to the result (the panel's data-compute-ms). The first computation also compiles the code and is only
 *   logged; then the seed is set to 2, 3, … (the same work on new draws) and the median of RUNS is reported.
 */
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 5;
const PANEL = 'section.panel[data-panel=features]';

const features: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(`${baseURL}?v=1&present=1&panel=features`);
  const panel = page.locator(PANEL);
  await page.locator(`${PANEL}[data-compute-ms]`).waitFor({ timeout: 120_000 });
  log(`first computation (compiles): ${round(Number(await panel.getAttribute('data-compute-ms')))} ms`);
  const seed = page.getByLabel('seed (0–2147483647)', { exact: true });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = await panel.getAttribute('data-compute-ms');
    await seed.fill(String(i + 2));
    await seed.press('Enter');
    await page.waitForFunction(
      ([selector, old]) => document.querySelector(selector)?.getAttribute('data-compute-ms') !== old,
      [PANEL, before] as const,
      { timeout: 120_000 },
    );
    const ms = Number(await panel.getAttribute('data-compute-ms'));
    log(`seed ${i + 2}: ${round(ms)} ms`);
    times.push(ms);
  }
  return { features_default_ms: round(median(times)) };
};

export default features;
