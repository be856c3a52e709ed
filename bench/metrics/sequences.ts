/**
 * Sequences (issue 16), in the app in Chromium:
 * - sequences_default_ms: the recurrent NTK of the 16 × 128-step preset (`seqs=sines16`, ReLU, σ_w = √2, σ_b = 0)
 *   in the page's worker, from the request to the result (the panel's data-compute-ms): the 16 × 16 Gram matrix
 *   and the chosen sequence's time weights, which the same request computes. The first computation also
 *   compiles the code and is only logged; then σ_u is set to 1.01 and back to 1 by its field, RUNS times in
 *   all, and the median is reported.
 * The finite RNNs of the same view run in a lane of their own after the analytic part and would share the two
 * cores with the next request, so that link asks for small ones (m = 4, 1 network) and each change waits for the
 * panel to be idle before it is made.
 * - sequences_finite_default_ms (reported, no budget: the view shows progress): the finite RNNs of the default
 *   link (`sines`, width 512, 8 networks) in their worker lane (the bars' data-finite-ms), the median of
 *   FINITE_RUNS requests (σ_u 1.01 and back).
 */
import type { Page } from 'playwright-core';
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 7;
const FINITE_RUNS = 3;
const PANEL = 'section.panel[data-panel=sequences]';

/**
 * The panel's data-compute-ms once its kernel table differs from `before` (σ_u changes every raw K; two
 * computations can take the same time, so the time itself does not tell that a new result arrived) and nothing
 * of the panel is computing.
 */
async function nextIdleComputeMs(page: Page, before: string | null): Promise<number> {
  await page.waitForFunction(
    ([sel, old]) => {
      const panel = document.querySelector(sel);
      const table = panel?.querySelector('[data-testid=sequences-table] tbody')?.textContent;
      return (
        table !== undefined &&
        table !== old &&
        panel?.getAttribute('data-compute-ms') !== null &&
        panel?.getAttribute('aria-busy') === 'false'
      );
    },
    [PANEL, before] as const,
    { timeout: 120_000 },
  );
  return Number(await page.locator(PANEL).getAttribute('data-compute-ms'));
}

const tableText = (page: Page) => page.locator(`${PANEL} [data-testid=sequences-table] tbody`).textContent();

const sequences: MetricFn = async ({ page, baseURL, log }) => {
  await page.goto(`${baseURL}?v=1&present=1&panel=sequences&seqs=sines16&m=4&seeds=1`);
  log(`first computation (compiles): ${round(await nextIdleComputeMs(page, null))} ms`);
  const su = page.getByLabel('σ_u (input weights) (0–4)', { exact: true });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const value = i % 2 === 0 ? '1.01' : '1';
    const before = await tableText(page);
    await su.fill(value);
    await su.press('Enter');
    const ms = await nextIdleComputeMs(page, before);
    log(`σ_u = ${value}: ${round(ms)} ms`);
    times.push(ms);
  }
  return {
    sequences_default_ms: round(median(times)),
    sequences_finite_default_ms: await finiteDefault(page, baseURL, log),
  };
};

/** The finite RNNs' time once the bars show a result newer than `before` (their data-finite-ms changes). */
async function nextFiniteMs(page: Page, before: string | null): Promise<number> {
  const bars = `${PANEL} [data-testid=sequences-bars]`;
  await page.waitForFunction(
    ([sel, old]) => {
      const ms = document.querySelector(sel)?.getAttribute('data-finite-ms');
      return ms !== null && ms !== undefined && ms !== old;
    },
    [bars, before] as const,
    { timeout: 120_000 },
  );
  return Number(await page.locator(bars).getAttribute('data-finite-ms'));
}

async function finiteDefault(page: Page, baseURL: string, log: (line: string) => void): Promise<number> {
  await page.goto(`${baseURL}?v=1&present=1&panel=sequences`);
  const bars = page.locator(`${PANEL} [data-testid=sequences-bars]`);
  log(`finite RNNs, first (compiles): ${round(await nextFiniteMs(page, null))} ms`);
  const su = page.getByLabel('σ_u (input weights) (0–4)', { exact: true });
  const times: number[] = [];
  for (let i = 0; i < FINITE_RUNS; i++) {
    const before = await bars.getAttribute('data-finite-ms');
    await su.fill(i % 2 === 0 ? '1.01' : '1');
    await su.press('Enter');
    const ms = await nextFiniteMs(page, before);
    log(`finite RNNs, σ_u = ${i % 2 === 0 ? '1.01' : '1'}: ${round(ms)} ms`);
    times.push(ms);
  }
  return round(median(times));
}

export default sequences;
