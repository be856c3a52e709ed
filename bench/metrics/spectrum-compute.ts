/**
 * Spectrum computation time in the app's worker, in Chromium (the worker reports its wall time, shown
 * on the chart as data-compute-ms). Each sample toggles `norm`, which forces a fresh computation of the
 * same spectrum (the worker caches by request). Median of RUNS.
 */
import type { Page } from 'playwright-core';
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const RUNS = 9;
const FOUR_KERNELS = 'kernels=ntk(L=3),laplace,gexp(gamma=1.5),gauss';

async function computeTimes(page: Page, url: string): Promise<number[]> {
  await page.goto(url);
  const chart = page.getByTestId('spectrum-chart');
  await chart.waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // the new result: its time, or (should two times print alike) its text alternative, which names λ_0
    const before = [await chart.getAttribute('data-compute-ms'), await chart.getAttribute('aria-label')] as const;
    const radio = page.getByRole('radio', { name: i % 2 ? /^unit/ : /^raw/ });
    await radio.check();
    await page
      .waitForFunction(
        ([ms, label]) => {
          const el = document.querySelector('[data-testid=spectrum-chart]');
          const changed =
            el !== null && (el.getAttribute('data-compute-ms') !== ms || el.getAttribute('aria-label') !== label);
          return changed && document.querySelector('[aria-busy=true]') === null;
        },
        before,
        { timeout: 60_000 },
      )
      .catch(async (error: unknown) => {
        const busy = await page
          .locator('[aria-busy=true]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
        throw new Error(
          `no new spectrum after switching norm (still busy: ${busy.join(', ') || 'nothing'}): ${String(error)}`,
        );
      });
    times.push(Number(await chart.getAttribute('data-compute-ms')));
  }
  return times;
}

const spectrumCompute: MetricFn = async ({ page, baseURL, log }) => {
  const small = await computeTimes(page, `${baseURL}?v=1&${FOUR_KERNELS}&kmax=2000`);
  const large = await computeTimes(page, `${baseURL}?v=1&${FOUR_KERNELS}&d=100&kmax=1000`);
  log(`d=3, kmax=2000: ${small.map((t) => round(t)).join(', ')} ms`);
  log(`d=100, kmax=1000: ${large.map((t) => round(t)).join(', ')} ms`);
  return {
    spectrum_d3_k2000_4kernels_ms: round(median(small)),
    spectrum_d100_k1000_4kernels_ms: round(median(large)),
  };
};

export default spectrumCompute;
