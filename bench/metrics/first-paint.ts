/**
 * first_paint_ms: `first-contentful-paint` (Paint Timing API) of the default view, served by
 * `vite preview`, median over LOADS fresh page loads (each in a new browser context: empty cache,
 * no storage). One extra warm-up load first is discarded (it pays for spawning renderer processes).
 */
import type { MetricFn } from '../lib.ts';
import { median, round } from '../lib.ts';

const LOADS = Math.max(5, Number(process.env.BENCH_FIRST_PAINT_LOADS) || 7);
const WARMUP = 1;

const firstPaint: MetricFn = async ({ browser, baseURL, log }) => {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const response = await page.goto(baseURL, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`GET ${baseURL}: HTTP ${response?.status()}`);
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 10 s')), 10_000);
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0];
              if (entry) {
                clearTimeout(timer);
                resolve(entry.startTime);
              }
            }).observe({ type: 'paint', buffered: true });
          }),
      );
      if (i >= WARMUP) samples.push(fcp);
    } finally {
      await context.close();
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  log(`${LOADS} fresh loads (+${WARMUP} warm-up discarded), ms: ${sorted.map((s) => round(s)).join(', ')}`);
  return { first_paint_ms: round(median(samples)) };
};

export default firstPaint;
