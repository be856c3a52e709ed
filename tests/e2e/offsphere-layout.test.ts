/**
 * Issue 14, item 6: in presentation mode the off-sphere maps are laid out for the screen (larger on a
 * 1920×1080 projector than on a 1024×768 one, within the screen's height), and the colour bars' end labels
 * are legible: never overlapping, never in e-notation.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage } from './browser.ts';

const LINK = '/?v=1&present=1&panel=offsphere';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Width of each map's image, the lowest map's bottom, and every colour bar's two end labels. */
async function measure(page: Page) {
  await page.getByTestId('map-diff').locator('canvas').waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy=true]') === null);
  const canvases = page.locator('.maps canvas');
  const boxes: Box[] = [];
  for (let i = 0; i < (await canvases.count()); i++) boxes.push((await canvases.nth(i).boundingBox())!);
  const ends: { texts: string[]; boxes: Box[] }[] = [];
  const legends = page.locator('.maps .colour-ends');
  for (let i = 0; i < (await legends.count()); i++) {
    const spans = legends.nth(i).locator('span');
    ends.push({
      texts: await spans.allTextContents(),
      boxes: [(await spans.nth(0).boundingBox())!, (await spans.nth(1).boundingBox())!],
    });
  }
  return { boxes, ends, bottom: Math.max(...boxes.map((b) => b.y + b.height)) };
}

describeE2E('off-sphere maps in presentation mode', () => {
  it('fill a 1920×1080 screen with larger maps than at 1024×768; colour-bar ends legible', async () => {
    const sizes: number[] = [];
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1024, height: 768 },
    ]) {
      const { page, errors, close } = await openPage(LINK, { viewport });
      try {
        const { boxes, ends, bottom } = await measure(page);
        expect(boxes).toHaveLength(5);
        const smallest = Math.min(...boxes.map((b) => b.width));
        sizes.push(smallest);
        // every map and its colour bar on the first screen
        expect(bottom, `${viewport.width}: maps end at ${bottom}`).toBeLessThanOrEqual(viewport.height);
        for (const {
          texts,
          boxes: [low, high],
        } of ends) {
          expect(overlap(low, high), `colour bar ends ${texts.join(' / ')} overlap`).toBe(false);
          for (const t of texts) expect(t).not.toMatch(/e[-+]?\d/);
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
    const [at1920, at1024] = sizes;
    expect(at1920).toBeGreaterThanOrEqual(300);
    expect(at1920).toBeGreaterThan(at1024);
  });
});
