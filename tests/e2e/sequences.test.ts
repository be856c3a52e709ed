/**
 * The Sequences view in a real browser (issue 16): it draws the recurrent NTK's Gram matrix, the bars of the
 * chosen sequence against each with the finite RNNs beside them and the time weights; a σ_w change redraws (and
 * says the kernel now forgets); a stroke drawn with the pointer and numbers typed enter the link; the Gram matrix
 * works by keyboard; a bad link is repaired without NaN; the charts fit a phone and a projector.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeE2E, openPage, showPanel } from './browser.ts';

const PANEL = 'section.panel[data-panel=sequences]';
const GRAM = '[data-testid=sequences-gram] canvas';
const SW_FIELD = 'σ_w (recurrent weights) (0–2)';
/** small finite RNNs: the whiskers arrive quickly */
const QUICK = 'm=64&seeds=2';

/** The link's `seqs` as numbers (null while it names a preset or is left out). */
function seqsOf(page: Page): number[][] | null {
  const seqs = new URL(page.url()).searchParams.get('seqs');
  if (seqs === null || !/^[-\d]/.test(seqs)) return null;
  return seqs.split(';').map((s) => s.split(',').map(Number));
}

/** The tooltip of the bar of sequence `j` (1-based): its name and normalized kernel against the chosen one. */
const barTitle = (page: Page, j: number) =>
  page
    .getByTestId('sequences-bar')
    .nth(j - 1)
    .locator('title')
    .textContent();

/** Everything the panel shows, SVG titles and labels included, for the NaN checks. */
const panelText = (page: Page) => page.locator(PANEL).evaluate((el) => `${el.textContent} ${el.innerHTML}`);

describeE2E('sequences', () => {
  it('draws the Gram matrix, the bars with the finite RNNs, the sequences and the time weights', async () => {
    const { page, errors, close } = await openPage(`/?v=1&panel=sequences&${QUICK}`);
    try {
      await showPanel(page, '#sequences-heading', GRAM);
      // the default preset: six sine waves, one bar each
      await expect.poll(() => page.getByTestId('sequences-bar').count()).toBe(6);
      expect(await page.getByTestId('sequences-chart').count()).toBe(1);
      expect(await page.getByTestId('sequences-weights-chart').count()).toBe(1);
      expect(await page.getByTestId('sequences-table').locator('tbody tr').count()).toBe(6);
      // σ_w = √2 is ReLU's critical value
      expect(await page.getByTestId('sequences-memory').getAttribute('data-regime')).toBe('critical');
      // the chosen sequence against itself: normalized 1
      expect(await barTitle(page, 1)).toMatch(/^x₁ \(32 steps\): 1(\.0+)?$/);
      await expect.poll(() => page.getByTestId('sequences-finite').count(), { timeout: 30_000 }).toBe(6);
      expect(await page.getByTestId('sequences-bars').innerText()).toMatch(/width m = 64, 2 networks/);
      expect(Number(await page.locator(PANEL).getAttribute('data-compute-ms'))).toBeGreaterThan(0);
      expect(await panelText(page)).not.toMatch(/NaN|Infinity/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('σ_w by its field and its slider redraws: below √2 the kernel forgets, above it remembers; the link follows', async () => {
    const { page, errors, close } = await openPage(`/?v=1&present=1&panel=sequences&${QUICK}`);
    try {
      await page.locator(GRAM).waitFor({ timeout: 20_000 });
      const memory = page.getByTestId('sequences-memory');
      expect(await memory.getAttribute('data-regime')).toBe('critical');
      const before = await barTitle(page, 2);
      const field = page.getByLabel(SW_FIELD, { exact: true });
      await field.fill('1');
      await field.press('Enter');
      await page.waitForURL(/[?&]sw=1(&|$)/);
      await expect.poll(() => memory.getAttribute('data-regime'), { timeout: 10_000 }).toBe('forgets');
      await expect.poll(() => barTitle(page, 2)).not.toBe(before);
      expect(await barTitle(page, 2)).toMatch(/^x₂ \(96 steps\): /);
      // the slider itself, by keyboard: End moves σ_w to 2, above the critical value
      await page.getByRole('slider', { name: 'σ_w (recurrent weights), sequences (slider)' }).press('End');
      await page.waitForURL(/[?&]sw=2(&|$)/);
      await expect.poll(() => memory.getAttribute('data-regime'), { timeout: 10_000 }).toBe('remembers');
      expect(await panelText(page)).not.toMatch(/NaN|Infinity/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a sequence drawn with the pointer enters the link, and Back returns to the preset', async () => {
    const { page, errors, close } = await openPage(`/?v=1&present=1&panel=sequences&${QUICK}`);
    try {
      await page.locator(GRAM).waitFor({ timeout: 20_000 });
      const before = await barTitle(page, 2);
      await page.getByRole('button', { name: 'Draw x₁' }).click();
      const pad = page.getByTestId('sequences-draw-pad');
      await pad.waitFor();
      const box = (await pad.boundingBox())!;
      // x₁ (32 steps) fills the last third of the x axis (the longest sequence has 96 steps); a level stroke a
      // quarter down from the top: value 1.2 − ¼·2.4 = 0.6 on the chart's [−1.2, 1.2]
      const y = box.y + box.height / 4;
      await page.mouse.move(box.x + box.width * 0.8, y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width * (0.8 + (0.199 * i) / 8), y);
      await page.mouse.up();
      // the link follows the stroke (a little behind it): its end sets the last steps of x₁ (about a fifth of the
      // axis: ~19 steps) to one level value
      const tail = () => seqsOf(page)?.[0].slice(-15) ?? [];
      await expect.poll(() => new Set(tail()).size, { timeout: 10_000 }).toBe(1);
      const drawn = seqsOf(page)!;
      expect(drawn).toHaveLength(6);
      expect(drawn[0]).toHaveLength(32);
      expect(tail()).toHaveLength(15);
      expect(tail()[0]).toBeCloseTo(0.6, 1);
      // the steps the stroke did not cross keep the preset's values: sin(2πt/16), t = 1…8, to 4 decimals
      const sine = Array.from(
        { length: 8 },
        (_, i) => Math.round(Math.sin((2 * Math.PI * (i + 1)) / 16) * 1e4) / 1e4 + 0,
      );
      expect(drawn[0].slice(0, 8)).toEqual(sine);
      // the other sequences are the preset's, written out
      expect(drawn[1]).toHaveLength(96);
      await expect.poll(() => barTitle(page, 2)).not.toBe(before);
      expect(await panelText(page)).not.toMatch(/NaN|Infinity/);
      // the stroke is one history entry
      await page.goBack();
      await expect.poll(() => seqsOf(page)).toBeNull();
      await expect.poll(() => barTitle(page, 2)).toBe(before);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('typed numbers replace the chosen sequence; a bad item is dropped with a message', async () => {
    const { page, errors, close } = await openPage(`/?v=1&present=1&panel=sequences&${QUICK}`);
    try {
      await page.locator(GRAM).waitFor({ timeout: 20_000 });
      const field = page.getByLabel(/^numbers of x₁/);
      await field.fill('0,0.5,1');
      await field.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('seqs')).toMatch(/^0,0\.5,1;/);
      await expect.poll(() => page.getByLabel(/^numbers of x₁/).inputValue()).toBe('0,0.5,1');
      expect(await page.getByTestId('sequences-table').locator('tbody tr').first().innerText()).toMatch(/^1\s+3\s/);
      await field.fill('0,abc,1');
      await field.press('Enter');
      await expect.poll(() => new URL(page.url()).searchParams.get('seqs')).toMatch(/^0,1;/);
      expect(await page.locator('.sequence-numbers .field-message').innerText()).toMatch(
        /abc\W* is not a number; dropped/,
      );
      expect(await panelText(page)).not.toMatch(/NaN|Infinity/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the Gram matrix by keyboard: arrows read an entry, Enter chooses its row', async () => {
    const { page, errors, close } = await openPage(`/?v=1&present=1&panel=sequences&${QUICK}`);
    try {
      await page.locator(GRAM).waitFor({ timeout: 20_000 });
      const matrix = page.getByRole('group', { name: /^Gram matrix of 6 sequences/ });
      await matrix.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const readout = page.getByTestId('sequences-gram-readout');
      await expect.poll(() => readout.innerText()).toMatch(/^K\(x2, x2\) = \d[^;]*; normalized 1(\.0+)?$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]seq=2(&|$)/);
      await expect.poll(() => barTitle(page, 2)).toMatch(/: 1(\.0+)?$/);
      expect(await page.getByTestId('sequences-bars').locator('figcaption').innerText()).toContain('x₂ (96 steps)');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a bad link opens repaired, says what changed and never shows NaN', async () => {
    const { page, errors, close } = await openPage('/?v=1&present=1&panel=sequences&seqs=1e400,abc;;,2&sw=9&su=-1');
    try {
      const notice = page.getByTestId('notices');
      await notice.getByText('This link needed').waitFor();
      const text = await notice.textContent();
      expect(text).toMatch(/abc\W* is not a number; dropped/);
      expect(text).toMatch(/1e400 clamped to 10/);
      expect(text).toMatch(/9 is above the maximum 2; clamped to 2/);
      expect(text).toMatch(/-1 is below the minimum 0; clamped to 0/);
      await page.locator(GRAM).waitFor({ timeout: 20_000 });
      await expect.poll(() => new URL(page.url()).searchParams.get('seqs')).toBe('10;2');
      expect(new URL(page.url()).searchParams.get('sw')).toBe('2');
      expect(new URL(page.url()).searchParams.get('su')).toBe('0');
      // σ_u = σ_b = 0: the inputs never reach the network, every K is 0 — said, not divided by
      expect(await page.getByTestId('sequences-table').innerText()).toContain('— (K(x, x) = 0)');
      expect(await panelText(page)).not.toMatch(/NaN|Infinity/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the largest legal values (σ_w = 2, 512 steps of 10) stay finite: no overflow shown as a zero kernel', async () => {
    const long = Array(512).fill(10).join(',');
    const { page, errors, close } = await openPage(
      `/?v=1&present=1&panel=sequences&seqs=${long};1,2&sw=2&su=4&sb=4&m=16&seeds=1`,
    );
    try {
      await page.locator(GRAM).waitFor({ timeout: 20_000 });
      await expect.poll(() => page.getByTestId('sequences-finite').count(), { timeout: 30_000 }).toBe(2);
      const table = await page.getByTestId('sequences-table').innerText();
      expect(table).not.toContain('K(x, x) = 0');
      expect(await panelText(page)).not.toMatch(/NaN|Infinity/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('story k step 1 on screen: at σ_w = 1 the short and the long sine are the same to the kernel and to the networks', async () => {
    const { page, errors, close } = await openPage('/?v=1&panel=sequences&sw=1', {
      viewport: { width: 1280, height: 900 },
    });
    try {
      await showPanel(page, '#sequences-heading', GRAM);
      // the link's own finite RNNs (width 512, 8 networks): the whiskers of all six sequences
      await expect.poll(() => page.getByTestId('sequences-finite').count(), { timeout: 60_000 }).toBe(6);
      expect(await page.getByTestId('sequences-memory').getAttribute('data-regime')).toBe('forgets');
      expect(await barTitle(page, 2)).toBe('x₂ (96 steps): 1');
      const rows = await page.getByTestId('sequences-table').locator('tbody tr').allInnerTexts();
      // the networks' raw kernel of x₁ with x₂ equals theirs of x₁ with itself: the 64 extra steps are forgotten
      expect(rows[1].split('\t')[3]).toBe(rows[0].split('\t')[3]);
      expect(errors).toEqual([]);
      // README's picture of the panel (docs/screenshot-sequences.png), rewritten on request
      if (process.env.DOCS_SCREENSHOTS === '1')
        await page
          .locator(PANEL)
          .screenshot({ path: fileURLToPath(new URL('../../docs/screenshot-sequences.png', import.meta.url)) });
    } finally {
      await close();
    }
  });

  for (const { name, path, viewport } of [
    { name: 'a phone', path: `/?v=1&panel=sequences&${QUICK}`, viewport: { width: 390, height: 844 } },
    { name: 'a projector', path: `/?v=1&present=1&panel=sequences&${QUICK}`, viewport: { width: 1024, height: 768 } },
  ]) {
    it(`fits ${name} (${viewport.width}×${viewport.height}) without sideways scrolling`, async () => {
      const { page, errors, close } = await openPage(path, { viewport });
      try {
        await showPanel(page, '#sequences-heading', GRAM);
        await expect.poll(() => page.getByTestId('sequences-weights-chart').count()).toBe(1);
        for (const id of ['sequences-chart', 'sequences-gram', 'sequences-bars', 'sequences-weights-chart']) {
          const box = (await page.getByTestId(id).boundingBox())!;
          expect(box.x, id).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, id).toBeLessThanOrEqual(viewport.width);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
