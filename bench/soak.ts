/**
 * `npm run soak`: an hour-long lecture compressed. 1000 random parameter changes across all panels of the
 * built app in headless Chromium (sliders by keyboard, typed values including out-of-range ones, radios,
 * selects, checkboxes, kernel add/remove/duplicate/reorder, z dragged, Back and Forward), then checks:
 * no console error, page error or unhandled rejection; JS heap (Chromium's precise memory info, after a
 * forced GC) within 10 MB of its level after the first 50 changes; no leaked workers or canvases.
 * Prints the figures and exits 1 on a failed check. Seeded: `npm run soak -- --seed 7 --changes 1000`.
 * `-- --snapshots DIR` also writes heap snapshots after the warm-up and at the end (DIR/warm.heapsnapshot,
 * DIR/end.heapsnapshot; open them in Chromium's DevTools, Memory tab, "Comparison") to see what grew.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './lib.ts';
import { buildAndServe } from './serve.ts';
import { MAX_INSTANCES } from '../src/link/index.ts';
import { LANE_TIMEOUT_MS } from '../src/workerClient/client.ts';

/** One worker per lane at most (src/workerClient/client.ts). */
const MAX_WORKERS = Object.keys(LANE_TIMEOUT_MS).length;
/** Canvases the views may hold: a plane map per kernel and the difference map, and a globe per kernel. */
const MAX_CANVASES = MAX_INSTANCES + 1 + MAX_INSTANCES;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHANGES = arg('changes', 1000);
const WARMUP = 50;
const HEAP_SLACK_MB = 10;

/** mulberry32: the soak's own reproducible choices. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const bytes = await page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  return bytes / 1e6;
}

/** `--snapshots DIR`: where to write heap snapshots, if anywhere. */
const snapshotDir = (() => {
  const i = process.argv.indexOf('--snapshots');
  if (i < 0) return undefined;
  const dir = process.argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--snapshots needs a directory: npm run soak -- --snapshots DIR');
  return dir;
})();

async function writeHeapSnapshot(page: Page, name: string): Promise<void> {
  if (!snapshotDir) return;
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  mkdirSync(snapshotDir, { recursive: true });
  writeFileSync(join(snapshotDir, `${name}.heapsnapshot`), chunks.join(''));
}

const settle = (page: Page) =>
  page
    .waitForFunction(() => document.querySelector('[aria-busy=true]') === null, undefined, { timeout: 60_000 })
    .catch(() => {});

async function randomChange(page: Page, rnd: () => number): Promise<string> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const kind = pick([
    'slider',
    'slider',
    'slider',
    'field',
    'radio',
    'select',
    'checkbox',
    'kernels',
    'drag',
    'history',
  ]);
  switch (kind) {
    case 'slider': {
      const sliders = page.locator('input[type=range]:visible');
      const n = await sliders.count();
      if (!n) return 'none';
      const s = sliders.nth(Math.floor(rnd() * n));
      await s.focus();
      await page.keyboard.press(rnd() < 0.5 ? 'ArrowRight' : 'ArrowLeft');
      await page.keyboard.up('Shift');
      return `slider ${await s.getAttribute('aria-label')}`;
    }
    case 'field': {
      const fields = page.locator('input.number:visible');
      const n = await fields.count();
      if (!n) return 'none';
      const f = fields.nth(Math.floor(rnd() * n));
      const value = pick(['0', '1', '2.5', '-3', '1e9', 'abc', '', '7', '0.01', '1000']);
      await f.fill(value);
      await f.press('Enter');
      return `field ${value}`;
    }
    case 'radio': {
      const radios = page.locator('input[type=radio]:visible');
      const n = await radios.count();
      if (n) await radios.nth(Math.floor(rnd() * n)).check();
      return 'radio';
    }
    case 'select': {
      const selects = page.locator('select:visible');
      const n = await selects.count();
      if (!n) return 'none';
      const s = selects.nth(Math.floor(rnd() * n));
      const options = await s.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      await s.selectOption(pick(options));
      return 'select';
    }
    case 'checkbox': {
      const boxes = page.locator('input[type=checkbox]:visible');
      const n = await boxes.count();
      if (n) await boxes.nth(Math.floor(rnd() * n)).click();
      return 'checkbox';
    }
    case 'kernels': {
      const buttons = page.locator('.kernel-actions button:visible:enabled, .add-kernel button:visible:enabled');
      const n = await buttons.count();
      if (n) await buttons.nth(Math.floor(rnd() * n)).click();
      return 'kernels';
    }
    case 'drag': {
      const map = page.locator('[data-testid=map-0] rect.overlay');
      if (!(await map.count())) return 'none';
      await map.scrollIntoViewIfNeeded();
      const box = await map.boundingBox();
      if (!box) return 'none';
      await page.mouse.move(box.x + rnd() * box.width, box.y + rnd() * box.height);
      await page.mouse.down();
      await page.mouse.move(box.x + rnd() * box.width, box.y + rnd() * box.height, { steps: 5 });
      await page.mouse.up();
      return 'drag';
    }
    default: {
      if (rnd() < 0.5) await page.goBack();
      else await page.goForward();
      return 'history';
    }
  }
}

async function main(): Promise<number> {
  const served = await buildAndServe();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    headless: true,
  });
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(30_000);
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(served.baseURL);
    await settle(page);
    const rnd = random(arg('seed', 1));
    const started = performance.now();
    let heapAfterWarmup = 0;
    const counts = () =>
      page.evaluate(() => ({
        canvases: document.querySelectorAll('canvas').length,
        notices: document.querySelectorAll('.notice').length,
      }));
    let warm = { canvases: 0, workers: 0 };
    for (let i = 1; i <= CHANGES; i++) {
      try {
        await randomChange(page, rnd);
      } catch (error) {
        problems.push(`change ${i}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
      if (i % 25 === 0) await settle(page);
      if (i === WARMUP) {
        await settle(page);
        heapAfterWarmup = await heapMb(page);
        warm = { canvases: (await counts()).canvases, workers: page.workers().length };
        console.log(
          `after ${WARMUP} changes: heap ${heapAfterWarmup.toFixed(1)} MB, ${warm.workers} workers, ${warm.canvases} canvases`,
        );
        await writeHeapSnapshot(page, 'warm');
      }
      if (i % 100 === 0) console.log(`${i} changes, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await settle(page);
    const heapEnd = await heapMb(page);
    await writeHeapSnapshot(page, 'end');
    const end = { canvases: (await counts()).canvases, workers: page.workers().length };
    console.log(
      `after ${CHANGES} changes: heap ${heapEnd.toFixed(1)} MB, ${end.workers} workers, ${end.canvases} canvases`,
    );
    console.log(
      `heap growth since change ${WARMUP}: ${(heapEnd - heapAfterWarmup).toFixed(1)} MB (allowed ${HEAP_SLACK_MB})`,
    );
    if (heapEnd - heapAfterWarmup > HEAP_SLACK_MB)
      problems.push(`heap grew by ${(heapEnd - heapAfterWarmup).toFixed(1)} MB`);
    if (end.workers > MAX_WORKERS) problems.push(`${end.workers} workers alive (at most one per lane, ${MAX_WORKERS})`);
    if (end.canvases > MAX_CANVASES) {
      problems.push(
        `${end.canvases} canvases in the page (at most ${MAX_CANVASES}: ${MAX_INSTANCES} maps, a difference map, ${MAX_INSTANCES} globes)`,
      );
    }
  } finally {
    await browser.close();
    await served.close();
  }
  for (const p of problems) console.log(`PROBLEM ${p}`);
  console.log(problems.length ? `soak FAILED: ${problems.length} problems` : 'soak ok');
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
