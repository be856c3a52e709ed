/**
 * Reset view and the presentation pen (README "Reset view", "Presentation and embed"): Reset brings every
 * parameter back to its default in one history entry, which one Back or the notice's Undo restores; the pen
 * draws strokes over the panel, cleared when the panel changes and by Escape.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

const curves = (page: Page) => page.locator('[data-testid=profile-chart] path.curve').count();

describeE2E('reset view', () => {
  it('goes back to the defaults in one history entry; Back and Undo restore the view', async () => {
    const edited = '?v=1&kernels=ntk(L=5),gauss&d=5';
    const { page, errors, close } = await openPage(`/${edited}`);
    try {
      await expect.poll(() => curves(page)).toBe(2);
      const reset = page.getByRole('button', { name: 'Reset view' });
      expect(await reset.getAttribute('aria-disabled')).toBe('false');
      await reset.click();
      await page.waitForURL((url) => url.search === '?v=1');
      await expect.poll(() => curves(page)).toBe(4);
      expect(await reset.getAttribute('aria-disabled')).toBe('true');
      const notices = page.getByTestId('notices');
      await notices.getByText('The view was reset to the defaults.').waitFor();

      // one Back: the view before the reset
      await page.goBack();
      await page.waitForURL((url) => url.search === edited);
      await expect.poll(() => curves(page)).toBe(2);
      // a change after the reset takes its Undo away (Undo is Back, which would no longer undo the reset)
      expect(await notices.getByText('The view was reset to the defaults.').count()).toBe(0);

      // Undo does the same
      await reset.click();
      await page.waitForURL((url) => url.search === '?v=1');
      await notices.getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL((url) => url.search === edited);
      await expect.poll(() => curves(page)).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps presentation mode and its panel; a reset view is one entry after the edited one', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3)&story=c&present=1&panel=spectrum');
    try {
      await page.getByRole('button', { name: 'Exit presentation' }).click();
      await page.waitForURL((url) => !url.search.includes('present'));
      await page.getByRole('button', { name: 'Reset view' }).click();
      await page.waitForURL((url) => url.search === '?v=1&panel=spectrum');
      await page.goBack();
      await page.waitForURL((url) => url.search === '?v=1&kernels=ntk(L=3)&story=c&panel=spectrum');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Pixels of the pen's canvas with ink on them. */
const inked = (page: Page) =>
  page.locator('canvas.pen-overlay').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });

async function drawStroke(page: Page) {
  const box = (await page
    .locator('[data-testid]')
    .filter({ has: page.locator('svg') })
    .first()
    .boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.3 + i * 0.03), box.y + box.height * 0.5);
  await page.mouse.up();
}

describeE2E('presentation pen', () => {
  it('P draws over the panel; a panel change clears the strokes; Escape clears and puts the pen away', async () => {
    const { page, errors, close } = await openPage('/?v=1&present=1&panel=profile', {
      viewport: { width: 1366, height: 768 },
    });
    try {
      await expect.poll(() => curves(page)).toBe(4);
      const pen = page.getByRole('button', { name: 'Pen' });
      expect(await pen.getAttribute('aria-pressed')).toBe('false');
      await page.locator('body').press('p');
      expect(await pen.getAttribute('aria-pressed')).toBe('true');
      const canvas = page.locator('canvas.pen-overlay');
      await canvas.waitFor();
      expect(await inked(page)).toBe(0);

      await drawStroke(page);
      expect(await canvas.getAttribute('data-strokes')).toBe('1');
      expect(await inked(page)).toBeGreaterThan(100);

      // another panel (key 2): the pen stays, the drawing goes
      await page.keyboard.press('2');
      await page.locator('[data-testid=spectrum-chart]').waitFor();
      await expect.poll(() => canvas.getAttribute('data-strokes')).toBe('0');
      expect(await inked(page)).toBe(0);

      await drawStroke(page);
      await drawStroke(page);
      expect(await canvas.getAttribute('data-strokes')).toBe('2');
      await page.keyboard.press('Escape');
      await canvas.waitFor({ state: 'detached' });
      expect(await pen.getAttribute('aria-pressed')).toBe('false');
      // with the pen away the panel takes the pointer again, and the pen comes back empty
      await pen.click();
      expect(await inked(page)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
