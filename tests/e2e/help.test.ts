/**
 * References and glossary (issue 14, item 14): a story step's citation is a link to the paper; a glossary
 * term in the text opens the help dialog at its entry (by mouse and by keyboard), Escape closes it and gives
 * focus back; the header opens the glossary and the references; the theorem card cites and links too.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage } from './browser.ts';

const dialogOpen = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog.help-dialog')?.open ?? false);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describeE2E('references and glossary', () => {
  it('a story step cites with a link; a term opens its entry; Escape closes', async () => {
    const { page, errors, close } = await openPage('/?v=1&story=c&step=1');
    try {
      const story = page.getByTestId('story');
      const cite = story.locator('a.cite', { hasText: 'Bietti & Mairal 2019' });
      expect(await cite.getAttribute('href')).toBe('https://arxiv.org/abs/1905.12173');
      expect(await cite.getAttribute('target')).toBe('_blank');

      const term = story.locator('button.term[data-term="rkhs"]');
      expect(await term.textContent()).toBe('RKHS');
      await term.click();
      await expect.poll(() => dialogOpen(page)).toBe(true);
      await expect.poll(() => focusedId(page)).toBe('glossary-rkhs');
      const entry = page.locator('#glossary-rkhs');
      expect(await entry.textContent()).toMatch(/reproducing kernel Hilbert space/);
      expect(await entry.isVisible()).toBe(true);

      // the page's keys leave the view behind the dialog alone: → would open step 2
      await page.keyboard.press('ArrowRight');
      expect(page.url()).not.toMatch(/step=2/);
      expect(await story.textContent()).toMatch(/Step 1 of/);

      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('rkhs');

      // by keyboard: the focused term opens with Enter, at its own entry
      const eigenvalue = story.locator('button.term[data-term="mercer"]');
      await eigenvalue.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedId(page)).toBe('glossary-mercer');
      // a term inside a definition moves to its entry
      await page.locator('#glossary-mercer button.term[data-term="funkhecke"]').click();
      await expect.poll(() => focusedId(page)).toBe('glossary-funkhecke');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the header opens the glossary and the references; the theorem card links its sources', async () => {
    const { page, errors, close } = await openPage('/?v=1&panel=spectrum');
    try {
      const card = page.getByTestId('theorem-card');
      await card.waitFor();
      expect(await card.locator('a.cite', { hasText: 'Geifman et al. 2020' }).getAttribute('href')).toBe(
        'https://arxiv.org/abs/2007.01580',
      );
      expect(await card.locator('button.term[data-term="rkhs"]').count()).toBe(1);

      await page.getByRole('button', { name: 'Glossary & references' }).click();
      await expect.poll(() => focusedId(page)).toBe('help-glossary');
      const help = page.getByTestId('help');
      await help.getByRole('button', { name: 'References', exact: true }).click();
      await expect.poll(() => focusedId(page)).toBe('help-references');
      const zandieh = help.locator('#ref-zandieh2021 a').first();
      expect(await zandieh.getAttribute('href')).toBe('https://arxiv.org/abs/2106.07880');
      await help.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => dialogOpen(page)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('embed mode (no header): a term in a panel note still opens the glossary', async () => {
    const { page, errors, close } = await openPage('/?v=1&embed=1');
    try {
      const note = page.locator('details', { hasText: 'What am I looking at?' }).first();
      await note.locator('summary').click();
      const term = note.locator('button.term').first();
      await term.click();
      await expect.poll(() => dialogOpen(page)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
