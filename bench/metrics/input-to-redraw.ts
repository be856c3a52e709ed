/**
 * Slider input → chart redrawn, in the app as a user drives it: the keyboard moves a slider (a real
 * `input` event), and the sample ends at the first animation frame after the chart's curve changed.
 * Returns the p95 and median over SAMPLES moves (alternating right and left).
 */
import type { Page } from 'playwright-core';
import { median, percentile, round } from '../lib.ts';

const SAMPLES = 40;

export async function inputToRedraw(
  page: Page,
  { slider, chart }: { slider: string; chart: string },
): Promise<{ p95: number; median: number; samples: number[] }> {
  await page.locator(`${chart} path`).first().waitFor();
  await page.evaluate((chartSelector) => {
    const w = window as unknown as { __redraw: { start: number; samples: number[] } };
    w.__redraw = { start: 0, samples: [] };
    document.addEventListener('input', () => (w.__redraw.start = performance.now()), true);
    new MutationObserver(() => {
      const { start } = w.__redraw;
      if (!start) return;
      w.__redraw.start = 0;
      requestAnimationFrame(() => w.__redraw.samples.push(performance.now() - start));
    }).observe(document.querySelector(chartSelector)!, { attributes: true, attributeFilter: ['d'], subtree: true });
  }, chart);
  const input = page.getByLabel(slider);
  await input.focus();
  for (let i = 0; i < SAMPLES; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((n) => (window as unknown as { __redraw: { samples: number[] } }).__redraw.samples.length > n, i);
    await page.waitForTimeout(30); // let the other views finish before the next move
  }
  const samples = await page.evaluate(() => (window as unknown as { __redraw: { samples: number[] } }).__redraw.samples);
  return { p95: round(percentile(samples, 95)), median: round(median(samples)), samples };
}
