/**
 * Interaction details (issue 14, item 10): the map's hover box is hidden while z is dragged; a regression
 * point removed by a click comes back with Undo or Ctrl+Z; many points are drawn small and translucent; an
 * arrow key moves an integer slider by exactly 1 on every scale; the presentation keys reach every panel.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PANELS, panelKey } from '../../src/ui/app/panels.ts';
import { describeE2E, openPage } from './browser.ts';

const search = (page: Page) => new URL(page.url()).search;

describeE2E('interaction details', () => {
  it('the hover box of a map is hidden while z is dragged, and back after', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&za=0', {
      viewport: { width: 1366, height: 768 },
    });
    try {
      // the off-sphere view computes near the screen only: scroll until its maps are drawn
      await expect
        .poll(
          async () => {
            await page.locator('#offsphere-heading').scrollIntoViewIfNeeded();
            return page.getByTestId('map-1').locator('canvas').count();
          },
          { timeout: 20_000 },
        )
        .toBe(1);
      const map = page.getByTestId('map-1');
      await map.scrollIntoViewIfNeeded();
      const readout = map.locator('.readout');
      const b = (await map.locator('rect.overlay').boundingBox())!;
      await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.3);
      await readout.waitFor();
      await page.mouse.down();
      for (const t of [0.35, 0.4, 0.45]) {
        await page.mouse.move(b.x + b.width * t, b.y + b.height * t, { steps: 3 });
        expect(await readout.count()).toBe(0);
      }
      await page.mouse.up();
      await page.waitForURL((url) => !/za=0(&|$)/.test(url.search));
      await page.mouse.move(b.x + b.width * 0.5, b.y + b.height * 0.5);
      await readout.waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a regression point removed by a click comes back with Undo and with Ctrl+Z; the chart says how', async () => {
    const pts = 'pts=0:0;90:1;180:0;270:-1';
    const { page, errors, close } = await openPage(`/?v=1&${pts}`);
    try {
      await page.locator('#regression-heading').scrollIntoViewIfNeeded();
      const dots = page.getByTestId('data-point');
      await expect.poll(() => dots.count()).toBe(4);
      const note = page.getByTestId('point-edit');
      expect(await note.innerText()).toMatch(/click a point to remove it.*Ctrl\+Z/);

      await dots.nth(1).click();
      await page.waitForURL(/pts=0:0;180:0;270:-1(&|$)/);
      expect(await note.innerText()).toMatch(/^Removed the point θ = 90°, y = 1\. Undo \(Ctrl\+Z\)$/);
      await note.getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL(new RegExp(`${pts}(&|$)`));
      await expect.poll(() => dots.count()).toBe(4);
      expect(await note.getByRole('button', { name: 'Undo' }).count()).toBe(0);

      // Ctrl+Z: the click left the focus on the chart
      await dots.nth(3).click();
      await page.waitForURL(/pts=0:0;90:1;180:0(&|$)/);
      await page.keyboard.press('Control+z');
      await page.waitForURL(new RegExp(`${pts}(&|$)`));
      await expect.poll(() => dots.count()).toBe(4);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('200 data points are drawn smaller and translucent, so the curves show through', async () => {
    const { page, errors, close } = await openPage('/?v=1');
    try {
      await page.locator('#regression-heading').scrollIntoViewIfNeeded();
      const dots = page.getByTestId('data-point');
      await expect.poll(() => dots.count()).toBeGreaterThan(0);
      const few = { r: Number(await dots.first().getAttribute('r')), n: await dots.count() };
      expect(few.n).toBeLessThanOrEqual(20);
      expect(few.r).toBe(5);
      await page.getByRole('spinbutton', { name: 'points' }).fill('200');
      await page.getByRole('button', { name: 'Load target' }).click();
      await expect.poll(() => dots.count()).toBe(200);
      expect(Number(await dots.first().getAttribute('r'))).toBeLessThanOrEqual(2.5);
      const opacity = await page.locator('.data-points').evaluate((g) => Number(getComputedStyle(g).fillOpacity));
      expect(opacity).toBeLessThan(0.5);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('an arrow key moves an integer slider by exactly 1: L across its fine and log halves, d on a log scale', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=10)&d=3');
    try {
      await page.getByTestId('spectrum-chart').waitFor();
      const L = page.getByLabel('L hidden layers, ReLU NTK (kernel 1) (slider)');
      await L.focus();
      for (const [key, value] of [
        ['ArrowRight', 11],
        ['ArrowRight', 12],
        ['ArrowUp', 13],
        ['ArrowLeft', 12],
        ['ArrowDown', 11],
      ] as const) {
        await page.keyboard.press(key);
        await page.waitForURL(new RegExp(`kernels=ntk\\(L=${value}\\)`));
        expect(await L.getAttribute('aria-valuetext')).toBe(String(value));
      }
      // a value on the fine half is the slider's own position
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL(/kernels=ntk\(L=10\)/);
      expect(await L.inputValue()).toBe('10');
      const d = page.getByLabel('d (dimension), spectrum (slider)');
      await d.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/d=4(&|$)/);
      await page.keyboard.press('ArrowLeft');
      await page.waitForURL((url) => !/d=/.test(url.search));
      // an assistive technology's increment (stepUp and an input event, no key, no pointer) moves by 1 too
      for (const [slider, link] of [
        [L, /kernels=ntk\(L=11\)/],
        [d, /d=4(&|$)/],
      ] as const) {
        await slider.evaluate((el: HTMLInputElement) => {
          el.stepUp();
          el.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await page.waitForURL(link);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('presentation mode: a digit key reaches every panel, and so does PageDown in order', async () => {
    const { page, errors, close } = await openPage('/?v=1&present=1', { viewport: { width: 1366, height: 768 } });
    try {
      const shown = () => page.locator('main > section.panel').getAttribute('aria-labelledby');
      await page.locator('main > section.panel').waitFor();
      expect(PANELS.length).toBeGreaterThanOrEqual(7);
      // the digit keys of the switcher's buttons and of its key help
      await page.getByText('?', { exact: true }).click();
      const help = await page.locator('.key-help dd').first().innerText();
      for (const [i, p] of PANELS.entries()) {
        const key = panelKey(i);
        expect(key, p.id).not.toBeNull();
        expect(help).toContain(`${key} ${p.label}`);
        await page.locator('body').focus();
        await page.keyboard.press(key!);
        await expect.poll(shown).toBe(`${p.id}-heading`);
      }
      await page.locator('body').focus();
      await page.keyboard.press(panelKey(0)!);
      for (const p of PANELS) {
        await expect.poll(shown).toBe(`${p.id}-heading`);
        await page.keyboard.press('PageDown');
      }
      await expect.poll(() => search(page)).toContain(`panel=${PANELS.at(-1)!.id}`);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
