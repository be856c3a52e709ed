/**
 * A story step shows what its text talks about (issue 14, item 1): opening a step brings its panel into the
 * viewport and marks it, on a laptop and a phone; a short story link (only story, step, present, embed,
 * panel) opens the step's own view, unmodified.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseLink } from '../../src/link';
import { STORIES } from '../../src/stories';
import { describeE2E, openPage } from './browser.ts';

/** Whether the top of a panel's section lies within the viewport. */
const inView = (page: Page, panel: string) =>
  page.evaluate((id) => {
    const section = document.querySelector(`section[aria-labelledby="${id}-heading"]`);
    if (!section) return false;
    const { top } = section.getBoundingClientRect();
    return top >= 0 && top < window.innerHeight * 0.6;
  }, panel);

describeE2E('story steps show their panel', () => {
  // the walkthrough of the "done when": every step of every story, by Next, on a laptop and a phone
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`${viewport.width}×${viewport.height}: every step of every story brings its panel into view`, async () => {
      const { page, errors, close } = await openPage('/?v=1', { viewport });
      try {
        for (const story of STORIES) {
          await page.goto(new URL(`?v=1&story=${story.id}`, page.url()).href);
          for (const [i, step] of story.steps.entries()) {
            if (i > 0) {
              await page.getByTestId('story').getByRole('button', { name: /Next/ }).click();
              await page.waitForURL(new RegExp(`step=${i + 1}(&|$)`));
            }
            const panel = parseLink(step.link).state.panel;
            await expect
              .poll(() => inView(page, panel), {
                timeout: 10_000,
                message: `story ${story.id} step ${i + 1}: ${panel}`,
              })
              .toBe(true);
          }
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }, 240_000);
  }

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`${viewport.width}×${viewport.height}: story g from a short link, then Next`, async () => {
      const { page, errors, close } = await openPage('/?v=1&story=g', { viewport });
      try {
        // the short link opened step 1's own view (panel=samples), not the defaults, and unmodified
        await page.waitForURL(/story=g/);
        expect(new URL(page.url()).searchParams.get('panel')).toBe('samples');
        const story = page.getByTestId('story');
        expect(await story.textContent()).toMatch(/Step 1 of 4/);
        expect(await story.textContent()).not.toMatch(/modified/);
        await expect.poll(() => inView(page, 'samples'), { timeout: 10_000 }).toBe(true);
        await story.getByRole('button', { name: /Next/ }).click();
        await page.waitForURL(/step=2/);
        await expect.poll(() => inView(page, 'regression'), { timeout: 10_000 }).toBe(true);
        await expect.poll(() => page.locator('section.panel.story-target').count()).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('`?story=b&present=1` opens step 1 of story b in presentation mode, as its own link does', async () => {
    const { page, errors, close } = await openPage('/?story=b&present=1');
    try {
      await page.waitForURL(/kernels=ntk\(L=2\),laplace&d=2/);
      expect(new URL(page.url()).searchParams.get('panel')).toBe('spectrum');
      expect(await page.locator('section.panel').count()).toBe(1);
      expect(await page.getByTestId('story').textContent()).not.toMatch(/modified/);
      // any other parameter makes it a modified step
      await page.goto(page.url().replace(/kernels=[^&]*/, 'kernels=gauss'));
      expect(await page.getByTestId('story').textContent()).toMatch(/modified/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
