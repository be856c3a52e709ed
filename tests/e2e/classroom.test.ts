/**
 * Classroom and research use in a real browser: stories and their history, presentation mode, the
 * theorem card, exports (the same files as `npm run -s figure`), embed mode, and the static build
 * served from a sub-path.
 */
import { spawnSync } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PANELS } from '../../src/ui/app/panels';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const profileCurves = '[data-testid=profile-chart] path.curve';

/** `npm run -s figure` as a user runs it. */
function cliFigure(link: string, panel: string, format: string, ...options: string[]): string {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'cli/figure.ts', link, '--panel', panel, '--format', format, ...options],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`figure exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Clicks a button that starts a download and returns the file's name and bytes. */
async function downloadFrom(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { file: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

const search = (page: Page) => new URL(page.url()).search;

/**
 * The same CSV up to rounding: the link and header lines, the shape and the sample coordinates exactly,
 * each value to 1e−12 of its column's largest magnitude. Chromium's Math.sin, exp, atan2, … and Node's
 * differ in the last bit (README "Exports"): the app computes in the browser, the CLI in Node, and
 * eigenvalues far below λ_0 inherit those differences from the quadrature sums.
 */
function expectSameCsv(actual: string, expected: string) {
  const rows = (text: string) => text.split('\n');
  const [a, b] = [rows(actual), rows(expected)];
  expect(a.slice(0, 2)).toEqual(b.slice(0, 2));
  expect(a.length).toBe(b.length);
  const numbers = (lines: string[]) =>
    lines
      .slice(2)
      .filter((l) => l !== '')
      .map((l) => l.split(',').map(Number));
  const [x, y] = [numbers(a), numbers(b)];
  const scale = y[0].map((_, j) => Math.max(...y.map((row) => Math.abs(row[j]))));
  y.forEach((row, i) => {
    expect(x[i].length).toBe(row.length);
    expect(x[i][0]).toBe(row[0]);
    for (let j = 1; j < row.length; j++) {
      if (!(Math.abs(x[i][j] - row[j]) <= 1e-12 * scale[j])) expect(`${a[i + 2]} (line ${i + 3})`).toBe(b[i + 2]);
    }
  });
}

describeE2E('stories', () => {
  it('opens a story from the menu, steps with buttons and ← →, and Back walks through the steps', async () => {
    const { page, errors, close } = await openPage('/?v=1');
    try {
      await page.getByRole('button', { name: 'Stories' }).click();
      await page.getByRole('button', { name: /^b\. The same decay/ }).click();
      await page.waitForURL(/\?v=1&kernels=ntk\(L=2\),laplace&d=2&story=b&panel=spectrum$/);
      const story = page.getByTestId('story');
      await expect.poll(() => story.locator('.story-position').textContent()).toBe('Step 1 of 3');
      expect(await story.locator('.story-text').textContent()).toContain('circle');

      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForURL(/&kernels=ntk\(L=2\),laplace&story=b&step=2&panel=spectrum$/);
      await page.locator('body').focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/&d=5&story=b&step=3&/);
      expect(await story.locator('.story-position').textContent()).toBe('Step 3 of 3');
      // the last step: → does nothing, the Next button says it is unavailable
      await page.keyboard.press('ArrowRight');
      expect(search(page)).toContain('step=3');
      expect(await page.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL(/step=2/);

      await page.goBack();
      await page.waitForURL(/step=3/);
      await page.goBack();
      await page.waitForURL(/step=2/);
      await page.goBack();
      await page.waitForURL(/d=2&story=b&panel=spectrum$/);
      await expect.poll(() => story.locator('.story-position').textContent()).toBe('Step 1 of 3');
      await page.goBack();
      await page.waitForURL((url) => url.search === '?v=1');
      expect(await story.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('← → typed into a form field stay there; editing keeps the story, marked modified, until Reset', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=2),laplace&story=b&step=2&panel=spectrum');
    try {
      const story = page.getByTestId('story');
      await story.waitFor();
      expect(await story.locator('.story-position').textContent()).toBe('Step 2 of 3');
      const kmax = page.getByLabel('k max (degree), spectrum (slider)');
      await kmax.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/kmax=/);
      expect(search(page)).toMatch(/story=b&step=2/);
      expect(await story.locator('.story-position').textContent()).toBe('Step 2 of 3 · modified');
      await page.getByRole('button', { name: 'Reset step' }).click();
      await page.waitForURL((url) => url.search === '?v=1&kernels=ntk(L=2),laplace&story=b&step=2&panel=spectrum');
      expect(await story.locator('.story-position').textContent()).toBe('Step 2 of 3');
      await page.getByRole('button', { name: 'Close story' }).click();
      await page.waitForURL((url) => url.search === '?v=1&kernels=ntk(L=2),laplace&panel=spectrum');
      expect(await story.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a step number beyond the story is read as its last step', async () => {
    const { page, errors, close } = await openPage('/?v=1&story=a&step=20');
    try {
      await page.getByTestId('story').waitFor();
      expect(await page.getByTestId('story').locator('.story-position').textContent()).toMatch(/^Step 3 of 3/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeE2E('presentation mode', () => {
  it('shows one panel in large type; keys and the switcher change the panel; the button leaves', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace', {
      viewport: { width: 1920, height: 1080 },
    });
    try {
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, profileCurves);
      const normalFont = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      await page.getByRole('button', { name: 'Present' }).click();
      await page.waitForURL(/present=1$/);
      expect(await page.locator('section.panel').count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Kernel profile on the sphere' }).count()).toBe(1);
      expect(await page.getByRole('complementary', { name: 'Kernels and settings' }).count()).toBe(0);
      const presentFont = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      expect(parseFloat(presentFont)).toBeGreaterThan(parseFloat(normalFont));
      const stroke = await page
        .locator(profileCurves)
        .first()
        .evaluate((el) => getComputedStyle(el).strokeWidth);
      expect(parseFloat(stroke)).toBeGreaterThanOrEqual(3);

      await page.locator('body').focus();
      await page.keyboard.press('2');
      await page.waitForURL(/present=1&panel=spectrum$/);
      await page.getByRole('heading', { name: 'Eigenvalue decay on the sphere' }).waitFor();
      expect(await page.locator('section.panel').count()).toBe(1);
      await page.keyboard.press('PageDown');
      await page.waitForURL(/panel=offsphere$/);
      await page.keyboard.press('[');
      await page.waitForURL(/panel=spectrum$/);
      await page.keyboard.press('PageUp');
      await page.waitForURL(/present=1$/);
      await page.keyboard.press('6');
      await page.waitForURL(/panel=learning$/);
      await page.getByRole('heading', { name: /Spectral bias/ }).waitFor();
      await page.keyboard.press('1');
      await page.waitForURL(/present=1$/);
      await page.getByRole('button', { name: /Spectrum/ }).click();
      await page.waitForURL(/panel=spectrum$/);
      expect(await page.getByRole('button', { name: /Spectrum/ }).getAttribute('aria-pressed')).toBe('true');

      await page.getByRole('button', { name: 'Exit presentation' }).click();
      await page.waitForURL(/kernels=ntk,laplace&panel=spectrum$/);
      expect(await page.locator('section.panel').count()).toBe(PANELS.length);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a story step in presentation mode shows the panel the step is about', async () => {
    const { page, errors, close } = await openPage(
      '/?v=1&kernels=ntk(L=2),laplace&story=b&step=2&present=1&panel=spectrum',
    );
    try {
      await page.getByRole('heading', { name: 'Eigenvalue decay on the sphere' }).waitFor();
      await page.locator('body').focus();
      await page.keyboard.press('1');
      await page.waitForURL(/present=1$/);
      await page.getByRole('heading', { name: 'Kernel profile on the sphere' }).waitFor();
      // switching panels is not a change of the step's content
      expect(await page.getByTestId('story').locator('.story-position').textContent()).toBe('Step 2 of 3');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/d=5&story=b&step=3&present=1&panel=spectrum$/);
      await page.getByRole('heading', { name: 'Eigenvalue decay on the sphere' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeE2E('theorem card and panel notes', () => {
  it('states the rate and the live evidence of the fit, honest about finite k and the floor', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace,gauss');
    try {
      const card = page.getByTestId('theorem-card');
      await card.waitFor();
      expect(await card.textContent()).toContain('Here d = 3: theory −3');
      expect(await page.getByTestId('evidence-0').textContent()).toMatch(
        /1\. Laplace c=1: fitted slope −2\.99 over k ∈ \[100, 200\]; theory −3 \(k⁻ᵈ\), within 0\.1 of it/,
      );
      // the Gaussian has no power law and is below the floor over the whole window: its fit moves to the
      // degrees above the floor, and the card says so
      expect(await page.getByTestId('evidence-1').textContent()).toMatch(
        /has fewer than 3 eigenvalues above the floor: the upper half of the degrees above it.*no single slope/,
      );
      expect(await card.textContent()).toMatch(/Accuracy floor:.*\(101 in this window: 0, 101 per kernel\)/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('flags a window that ends before k ≫ d', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace&d=30&kmax=100');
    try {
      const card = page.getByTestId('theorem-card');
      await card.waitFor();
      expect(await card.textContent()).toContain('This window ends at k = 100, not yet large compared with d = 30');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('"What am I looking at?" notes open and close', async () => {
    const { page, errors, close } = await openPage('/?v=1');
    try {
      const note = page.locator('section[aria-labelledby=profile-heading] details.panel-note');
      expect(await note.evaluate((el: HTMLDetailsElement) => el.open)).toBe(false);
      await note.getByText('What am I looking at?').click();
      expect(await note.evaluate((el: HTMLDetailsElement) => el.open)).toBe(true);
      expect(await note.textContent()).toContain('cusp at θ = 0');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeE2E('exports', () => {
  // story and presentation parameters say how the app shows a view: the figure is made from the rest
  const view = '?v=1&kernels=ntk(L=3),laplace&d=4&kmax=60&story=b&step=2';
  const figureLink = '?v=1&kernels=ntk(L=3),laplace&d=4&kmax=60';

  it('SVG and CSV of both panels are what `npm run -s figure --base <the page>` prints: the absolute link of the view', async () => {
    const { page, errors, close } = await openPage(`/${view}`);
    try {
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, profileCurves);
      const { origin, pathname } = new URL(page.url());
      const base = `${origin}${pathname}`;
      const absolute = `${base}${figureLink}`;
      for (const panel of ['profile', 'spectrum'] as const) {
        const svg = await downloadFrom(page, `Download the ${panel} panel as SVG`);
        expect(svg.file).toBe(`ntk-laplace-${panel}.svg`);
        const svgText = svg.bytes.toString('utf8');
        expect(svgText).toContain(`<a href="${absolute.replace(/&/g, '&amp;')}">`);
        expect(svgText).toBe(cliFigure(figureLink, panel, 'svg', '--base', base));
        const csv = await downloadFrom(page, `Download the ${panel} panel data as CSV`);
        expect(csv.file).toBe(`ntk-laplace-${panel}.csv`);
        const csvText = csv.bytes.toString('utf8');
        expect(csvText.split('\n')[0]).toBe(`# ${absolute}`);
        expectSameCsv(csvText, cliFigure(figureLink, panel, 'csv', '--base', base));
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('PNG is the SVG drawn at twice its size', async () => {
    const { page, errors, close } = await openPage(`/${view}`);
    try {
      const { file, bytes } = await downloadFrom(page, 'Download the spectrum panel as PNG at 2× resolution');
      expect(file).toBe('ntk-laplace-spectrum.png');
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      const { origin, pathname } = new URL(page.url());
      const svg = cliFigure(figureLink, 'spectrum', 'svg', '--base', `${origin}${pathname}`);
      const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
      // IHDR: width and height, big-endian, at bytes 16 and 20
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([2 * Number(w), 2 * Number(h)]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeE2E('embed mode', () => {
  it('shows the panels without header, settings or repair notices, and links to the full explorer', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&zoom=abc&embed=1');
    try {
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, profileCurves);
      expect(await page.locator('section.panel').count()).toBe(PANELS.length);
      expect(await page.getByRole('banner').count()).toBe(0);
      expect(await page.getByRole('complementary', { name: 'Kernels and settings' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Stories' }).count()).toBe(0);
      // the link was repaired (zoom), but embed mode shows errors only
      await page.waitForURL((url) => url.search === '?v=1&kernels=ntk,laplace&embed=1');
      const repair = page.getByText('This link needed');
      expect(await repair.count()).toBe(1);
      expect(await repair.isVisible()).toBe(false);
      const source = page.getByRole('link', { name: 'Open in the NTK–Laplace Explorer' });
      expect(await source.getAttribute('href')).toBe('?v=1&kernels=ntk,laplace');
      expect(await source.getAttribute('target')).toBe('_blank');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

describeE2E('publishing', () => {
  it('the static build works from any sub-path of a plain static server', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'ntk-subpath-'));
    const base = '/courses/kernels/ntk/';
    let server: Server | undefined;
    // vitest sets NODE_ENV=test, and Vite would then bundle React's development build
    const nodeEnv = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'production';
      await build({
        root,
        configFile: join(root, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
      process.env.NODE_ENV = nodeEnv;
      server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        if (!path.startsWith(base)) {
          res.writeHead(404).end();
          return;
        }
        const file = normalize(join(outDir, path.slice(base.length) || 'index.html'));
        readFile(file).then(
          (body) => res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body),
          () => res.writeHead(404).end(),
        );
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const { page, errors, close } = await openPage(`http://127.0.0.1:${port}${base}?v=1&kernels=ntk,laplace&story=a`);
      try {
        await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, profileCurves);
        await page.locator('[data-testid=spectrum-chart]').waitFor();
        await page.getByRole('button', { name: 'Next' }).click();
        await page.waitForURL(`http://127.0.0.1:${port}${base}?v=1&kernels=ntk(L=2)&d=2&zoom=5&fit=1&story=a&step=2`);
        await page.waitForLoadState('networkidle');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      process.env.NODE_ENV = nodeEnv;
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
