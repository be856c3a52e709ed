/**
 * "Share with the room" (README "Share with the room"): in presentation mode a dialog shows a QR code that
 * decodes — read from the rendered pixels with jsQR, as a phone camera would — to exactly the view's
 * absolute link; a link over 2000 characters is shown as text with the reason; the dialog is a keyboard
 * modal (focus inside, Escape closes, focus returns).
 */
import { decode } from 'fast-png';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

/** The text of the QR code on screen, decoded from a screenshot of it. */
async function scanQr(page: Page): Promise<string | undefined> {
  const png = decode(await page.getByTestId('share-qr').screenshot());
  const rgba = new Uint8ClampedArray(png.width * png.height * 4);
  for (let i = 0; i < png.width * png.height; i++) {
    for (let c = 0; c < 4; c++) rgba[4 * i + c] = c < png.channels ? Number(png.data[png.channels * i + c]) : 255;
  }
  return jsQR(rgba, png.width, png.height)?.data;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describeE2E('share with the room', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    it(`${viewport.width}×${viewport.height}: the QR code decodes to the view's link; Escape closes, focus returns`, async () => {
      const { page, errors, close } = await openPage(
        '/?v=1&kernels=ntk(L=2),laplace&story=b&step=2&present=1&panel=spectrum',
        { viewport },
      );
      try {
        await page.locator('[data-testid=spectrum-chart]').waitFor();
        const share = page.getByRole('button', { name: 'Share with the room' });
        await share.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: 'Open this view on your phone' });
        await dialog.waitFor();
        expect(await focusedText(page)).toBe('Close');

        expect(await scanQr(page)).toBe(page.url());
        expect(page.url()).toMatch(
          /^http:\/\/127\.0\.0\.1:\d+\/\?v=1&kernels=ntk\(L=2\),laplace&story=b&step=2&present=1/,
        );
        // the readable form: the whole link without its scheme
        expect(await dialog.locator('.share-short').textContent()).toBe(
          decodeURIComponent(page.url().replace('http://', '')),
        );
        // the whole code and the way out on screen
        for (const part of [page.getByTestId('share-qr'), dialog.getByRole('button', { name: 'Close' })]) {
          const box = (await part.boundingBox())!;
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        }
        // modal: the page behind is inert, Tab reaches only the dialog (or leaves for the browser's own UI)
        for (let i = 0; i < 3; i++) {
          await page.keyboard.press('Tab');
          expect(
            await page.evaluate(
              () => document.activeElement === document.body || document.activeElement?.closest('dialog') !== null,
            ),
          ).toBe(true);
        }

        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await focusedText(page)).toBe('Share with the room');
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('a link over 2000 characters is shown as text only, saying why', async () => {
    const pts = Array.from({ length: 200 }, (_, i) => `${(i * 1.8).toFixed(1)}:${Math.sin(i).toFixed(3)}`).join(';');
    const { page, errors, close } = await openPage(`/?v=1&pts=${pts}&present=1&panel=regression`);
    try {
      const share = page.getByRole('button', { name: 'Share with the room' });
      await share.click();
      const dialog = page.getByRole('dialog', { name: 'Open this view on your phone' });
      await dialog.waitFor();
      expect(await page.getByTestId('share-qr').count()).toBe(0);
      const link = await dialog.getByLabel('Link of this view').inputValue();
      expect(link).toBe(page.url());
      expect(link.length).toBeGreaterThan(2000);
      expect(await dialog.textContent()).toContain(`This link is ${link.length} characters long. Above 2000`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await focusedText(page)).toBe('Share with the room');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
