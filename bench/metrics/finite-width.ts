/**
 * Finite width (issue 15), in the app in Chromium:
 * - finite_width_default_ms: the default link's width view — its NTK instance (L = 2), m = 512, 8 Gaussian
 *   networks, 91 angles — in the page's two width workers, from the request to the merged result (the
 *   panel's data-compute-ms), in running workers: the page first draws m = 500, the convergence series (which
 *   would share the two cores) is left to finish, then m is set to 512 by its field; median of RUNS such
 *   changes (each back to 500 in between). As every other view's budget, a computation, not a page load.
 * - finite_width_cold_ms (no budget): the same view as the first thing a fresh page computes — worker start,
 *   compilation of cold code and the page's own start-up included.
 */
import type { Page } from 'playwright-core';
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 3;
const PANEL = 'section.panel[data-panel=width]';

/** The panel's next data-compute-ms after `before`. */
async function nextComputeMs(page: Page, before: string | null): Promise<number> {
  await page.waitForFunction(
    ([sel, old]) => {
      const value = document.querySelector(sel)?.getAttribute('data-compute-ms');
      return value !== undefined && value !== null && value !== old;
    },
    [PANEL, before] as const,
    { timeout: 120_000 },
  );
  return Number(await page.locator(PANEL).getAttribute('data-compute-ms'));
}

async function setWidth(page: Page, m: number): Promise<number> {
  const before = await page.locator(PANEL).getAttribute('data-compute-ms');
  const field = page.getByLabel('width m (4–8192)', { exact: true });
  await field.fill(String(m));
  await field.press('Enter');
  return nextComputeMs(page, before);
}

const finiteWidth: MetricFn = async ({ browser, baseURL, log }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const cold = await context.newPage();
    await cold.goto(`${baseURL}?v=1&present=1&panel=width`);
    const coldMs = await nextComputeMs(cold, null);
    log(`cold (fresh page): ${round(coldMs)} ms`);
    await cold.close();

    const page = await context.newPage();
    await page.goto(`${baseURL}?v=1&present=1&panel=width&m=500`);
    await nextComputeMs(page, null);
    // the convergence (both initializations, widths up to 1024) runs after the profiles: let it finish
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=width-table] tbody tr').length > 0, null, {
      timeout: 300_000,
    });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ms = await setWidth(page, 512);
      log(`run ${i + 1}: ${round(ms)} ms`);
      times.push(ms);
      await setWidth(page, 500);
    }
    return { finite_width_default_ms: round(median(times)), finite_width_cold_ms: round(coldMs) };
  } finally {
    await context.close();
  }
};

export default finiteWidth;
