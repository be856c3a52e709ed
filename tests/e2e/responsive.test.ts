/**
 * Layout at phone, laptop and projector sizes: basic layout facts, and screenshots into
 * test-results/screenshots/ (gitignored) to look at. With DOCS_SCREENSHOTS=1 the README's screenshots
 * in docs/ are rewritten too (README "Accessibility and layout").
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
mkdirSync(shots, { recursive: true });

/** Saves a screenshot of the viewport to test-results/, and to docs/ when asked to. */
async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
  if (docsName && process.env.DOCS_SCREENSHOTS === '1') await page.screenshot({ path: join(root, 'docs', docsName) });
}

const panel = (page: Page, heading: string) => page.locator(`section[aria-labelledby=${heading}-heading]`);
const box = async (l: Locator) => (await l.boundingBox())!;
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Waits for both charts and for KaTeX in the legend, so that screenshots show the finished page. */
async function drawn(page: Page): Promise<void> {
  await page.getByTestId('profile-chart').waitFor();
  await page.getByTestId('spectrum-chart').waitFor();
  await page.waitForLoadState('networkidle');
}

describeE2E('responsive layout', () => {
  it('phone 390×844: no horizontal scroll, panels stacked, settings in a bottom sheet', async () => {
    const { page, errors, close } = await openPage('/?v=1', { viewport: { width: 390, height: 844 } });
    try {
      await drawn(page);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      const settings = page.getByRole('complementary', { name: 'Kernels and settings' });
      const kernels = page.getByRole('heading', { name: 'Kernels', exact: true });
      expect(await kernels.isVisible()).toBe(false);
      const [profile, spectrum] = [await box(panel(page, 'profile')), await box(panel(page, 'spectrum'))];
      expect(spectrum.y).toBeGreaterThanOrEqual(profile.y + profile.height);
      expect(Math.abs(spectrum.x - profile.x)).toBeLessThan(1);
      expect(profile.x + profile.width).toBeLessThanOrEqual(390);
      await screenshot(page, 'phone-390x844', 'screenshot-phone.png');

      const toggle = page.getByRole('button', { name: 'Kernels & settings', exact: true });
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await kernels.waitFor({ state: 'visible' });
      // a bottom sheet over the lower half at most: the page above stays live (interaction-*.test.ts)
      const sheet = await box(settings);
      expect(sheet.x).toBe(0);
      expect(sheet.x + sheet.width).toBeLessThanOrEqual(390);
      expect(sheet.y).toBeGreaterThanOrEqual(844 / 2);
      expect(sheet.y + sheet.height).toBeCloseTo(844, 0);
      expect(await page.locator('main').evaluate((el: HTMLElement) => el.inert)).toBe(false);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, 'phone-390x844-sheet');
      await page.getByLabel('L hidden layers, ReLU NTK (kernel 1) (slider)').focus();
      await page.keyboard.press('Escape');
      await kernels.waitFor({ state: 'hidden' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Kernels & settings/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('phone 390×844: a story and presentation mode fit the width', async () => {
    for (const link of [
      '/?v=1&kernels=ntk,ntk(beta=1)&parity=odd&story=c&step=2&panel=spectrum',
      '/?v=1&story=d&present=1',
    ]) {
      const { page, errors, close } = await openPage(link, { viewport: { width: 390, height: 844 } });
      try {
        await page.getByTestId('story').waitFor();
        await page.locator('svg[role=img]').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
        await screenshot(page, `phone-390x844-${link.includes('present') ? 'present' : 'story'}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('laptop 1366×768: settings beside the panels, profile and spectrum side by side', async () => {
    const { page, errors, close } = await openPage('/?v=1', { viewport: { width: 1366, height: 768 } });
    try {
      await drawn(page);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(1366);
      expect(await page.getByRole('button', { name: 'Kernels & settings', exact: true }).isVisible()).toBe(false);
      const settings = await box(page.getByRole('complementary', { name: 'Kernels and settings' }));
      const [profile, spectrum] = [await box(panel(page, 'profile')), await box(panel(page, 'spectrum'))];
      expect(Math.abs(spectrum.y - profile.y)).toBeLessThan(1);
      expect(spectrum.x).toBeGreaterThanOrEqual(profile.x + profile.width);
      expect(profile.x).toBeGreaterThanOrEqual(settings.x + settings.width);
      await screenshot(page, 'laptop-1366x768', 'screenshot.png');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'laptop-1366x768-dark');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;
    it(`projector ${size}, presentation mode: one panel whose whole chart is on screen`, async () => {
      const link = '/?v=1&kernels=ntk(L=2),laplace&story=b&step=2&present=1&panel=spectrum';
      const { page, errors, close } = await openPage(link, { viewport });
      try {
        const chart = page.getByTestId('spectrum-chart');
        await chart.waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('section.panel').count()).toBe(1);
        expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
        const drawn = await box(chart);
        expect(drawn.y + drawn.height).toBeLessThanOrEqual(viewport.height);
        expect(drawn.width).toBeGreaterThan(0.6 * viewport.width);
        await screenshot(
          page,
          `projector-${viewport.width}x${viewport.height}-present`,
          viewport.width === 1920 ? 'screenshot-projector.png' : undefined,
        );
        await page.locator('body').focus();
        await page.keyboard.press('1');
        const profile = page.getByTestId('profile-chart');
        await profile.waitFor();
        const profileBox = await box(profile);
        expect(profileBox.y + profileBox.height).toBeLessThanOrEqual(viewport.height);
        await page.waitForLoadState('networkidle');
        await screenshot(page, `projector-${viewport.width}x${viewport.height}-present-profile`);
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, `projector-${viewport.width}x${viewport.height}-present-dark`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('projector 1920×1080, presentation mode: the real-data scatter and summary on screen together', async () => {
    const viewport = { width: 1920, height: 1080 };
    const { page, errors, close } = await openPage('/?v=1&present=1&panel=realdata', { viewport });
    try {
      const panel = page.locator('section.panel.realdata');
      await expect
        .poll(() => panel.locator('.realdata-run [role=status]').textContent(), { timeout: 60_000 })
        .toMatch(/All 28 data sets done/);
      const scatter = panel.locator('.realdata-scatter svg');
      await expect.poll(() => panel.locator('.realdata-scatter circle').count()).toBe(28);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      const drawn = await box(scatter);
      const summary = await box(panel.getByTestId('realdata-summary'));
      await screenshot(page, 'projector-1920x1080-realdata', 'screenshot-realdata.png');
      expect(drawn.y + drawn.height).toBeLessThanOrEqual(viewport.height);
      expect(summary.y).toBeLessThan(viewport.height);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
