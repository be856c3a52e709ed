/**
 * Helpers for end-to-end tests: one headless Chromium per test file, pages that record errors,
 * and the rules for when e2e tests run.
 *
 * When e2e tests run (`e2eMode()`, also used by global-setup.ts):
 * - `E2E=0` (or `false`): never (explicit opt-out, wins over everything else);
 * - `E2E=1` (or `true`) or `CI=true` (or `1`): always ("forced"). If Chromium is missing, or the app
 *   failed to build / serve, every e2e file reports ONE failing test that says why (it does not
 *   skip, and it does not throw in globalSetup, which would abort the whole run, unit tests included);
 * - otherwise: automatically when Chromium exists, else the e2e suites are skipped.
 * Chromium is `$CHROMIUM_PATH` if set, else Debian's `/usr/bin/chromium` (`npx playwright install`
 * cannot download browsers on these machines).
 *
 * Usage in a test file:
 *   describeE2E('feature', () => {
 *     it('works', async () => {
 *       const { page, errors } = await openPage('/', { viewport: { width: 1280, height: 800 } });
 *       ...
 *       expect(errors).toEqual([]);
 *     });
 *   });
 */
import { accessSync, constants } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** `--no-sandbox` because CI runs as root; the other two avoid GPU/QUIC noise in headless runs. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface E2EMode {
  /** e2e suites are defined (not skipped). */
  run: boolean;
  /** Forced on by E2E=1 or CI=true: a missing prerequisite is a failure, not a skip. */
  forced: boolean;
  chromium: string;
  chromiumFound: boolean;
  /** One line explaining the decision (printed by global-setup.ts). */
  reason: string;
}

const truthy = (v: string | undefined) => v === '1' || v?.toLowerCase() === 'true';
const falsy = (v: string | undefined) => v === '0' || v?.toLowerCase() === 'false';

export function e2eMode(env: NodeJS.ProcessEnv = process.env): E2EMode {
  const chromium = chromiumPath(env);
  const chromiumFound = isExecutable(chromium);
  if (falsy(env.E2E)) {
    return { run: false, forced: false, chromium, chromiumFound, reason: 'e2e tests off (E2E=0)' };
  }
  const forcedBy = truthy(env.E2E) ? `E2E=${env.E2E}` : truthy(env.CI) ? `CI=${env.CI}` : '';
  if (forcedBy) {
    return {
      run: true,
      forced: true,
      chromium,
      chromiumFound,
      reason: `e2e tests forced on (${forcedBy}), Chromium ${chromiumFound ? 'at' : 'MISSING at'} ${chromium}`,
    };
  }
  return {
    run: chromiumFound,
    forced: false,
    chromium,
    chromiumFound,
    reason: chromiumFound
      ? `e2e tests on (Chromium found at ${chromium})`
      : `e2e tests skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH; E2E=1 forces them on)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Browser and pages. Module state is per test file (vitest isolates test files).

let browser: Browser | undefined;

/** Launches headless Chromium (one per test file; describeE2E calls this in beforeAll). */
export async function launchBrowser(): Promise<Browser> {
  if (browser?.isConnected()) return browser;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return browser;
}

/** Closes the browser and with it every page (describeE2E calls this in afterAll). */
export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await b.close();
}

/** The preview server's URL, provided by global-setup.ts. */
export function baseURL(): string {
  const url = inject('baseURL');
  if (!url)
    throw new Error(`no baseURL: ${inject('e2eSetupError') || 'global-setup.ts did not start the preview server'}`);
  return url;
}

export interface PageError {
  kind: 'console' | 'pageerror' | 'crash';
  message: string;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /**
   * Everything that went wrong in the page so far: `console.error` calls (including the browser's
   * own "Failed to load resource" messages), uncaught exceptions AND unhandled promise rejections
   * (both arrive as Playwright `pageerror`), and renderer crashes. Assert `expect(errors).toEqual([])`.
   */
  errors: PageError[];
  close(): Promise<void>;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** The emulated `prefers-color-scheme`; defaults to light. */
  colorScheme?: 'light' | 'dark';
  /** Defaults to 'load'. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
}

/**
 * Opens `path` (relative to the app's base URL; a leading `/` is allowed) in a fresh browser
 * context, so pages share no storage or cache, and records errors from before the first script runs.
 */
export async function openPage(path = '/', options: OpenPageOptions = {}): Promise<OpenedPage> {
  if (!browser) throw new Error('openPage(): no browser — call launchBrowser() in beforeAll (describeE2E does)');
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: PageError[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    errors.push({ kind: 'console', message: `${msg.text()}${where}` });
  });
  page.on('pageerror', (err) => {
    errors.push({ kind: 'pageerror', message: err.stack || `${err.name}: ${err.message}` });
  });
  page.on('crash', () => errors.push({ kind: 'crash', message: 'renderer process crashed' }));

  const url = new URL(path.replace(/^\/+/, ''), baseURL()).href;
  const response = await page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
  if (response && !response.ok()) {
    errors.push({ kind: 'console', message: `HTTP ${response.status()} for ${url}` });
  }
  return {
    page,
    context,
    errors,
    async close() {
      await context.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// describeE2E

/**
 * `describe` for e2e tests: skipped, run, or turned into one failing test, per `e2eMode()`.
 * When it runs, one browser is launched for the block (beforeAll) and closed after it (afterAll).
 */
export function describeE2E(name: string, body: () => void): void {
  const mode = e2eMode();
  if (!mode.run) {
    describe.skip(`${name} [${mode.reason}]`, body);
    return;
  }
  describe(name, () => {
    const problem = !mode.chromiumFound
      ? `${mode.reason}. Install it (apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary.`
      : inject('e2eSetupError') || (inject('baseURL') ? '' : 'global-setup.ts provided no baseURL');
    if (problem) {
      it('e2e prerequisites: Chromium present, app built and served', () => {
        throw new Error(problem);
      });
      describe.skip('not run (see the failing prerequisite test)', body);
      return;
    }
    beforeAll(async () => {
      await launchBrowser();
    });
    afterAll(async () => {
      await closeBrowser();
    });
    body();
  });
}

/**
 * Brings a panel onto the screen, as a reader scrolls to it, until it has drawn `ready` (views compute
 * only on or near the screen, and the panels above may still grow while they draw).
 */
export async function showPanel(page: Page, heading: string, ready: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.locator(heading).scrollIntoViewIfNeeded();
        return page.locator(ready).count();
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
}
