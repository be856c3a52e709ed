/**
 * The real-data panel in Chromium (docs/realdata.md §7): LIBSVM (WebAssembly) runs in the page's workers under
 * the app's Content-Security-Policy; two small data sets fill the scatter and the tables; a run can be
 * cancelled; results are kept in IndexedDB and come back after a reload without running again.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage } from './browser.ts';

const panel = (page: Page) => page.getByRole('region', { name: /Real data/ });

async function showPanel(page: Page) {
  await panel(page).scrollIntoViewIfNeeded();
}

describeE2E('real data', () => {
  it('runs two small data sets: scatter, summary, per-data-set table and pairs; kept after a reload', async () => {
    const { page, errors, close } = await openPage('/?v=1&data=iris,balloons&contest=ntk,laplace');
    try {
      await showPanel(page);
      const status = panel(page).locator('.realdata-run [role=status]');
      await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/All 2 data sets done/);
      const rows = panel(page).getByTestId('realdata-datasets').locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.first().textContent()).toMatch(/balloons|iris/);
      // iris: NTK 97.3 %, Laplace 96.6 % (the CLI and scikit-learn agree: tests/unit/realdata-sklearn.test.ts)
      const iris = panel(page).getByTestId('realdata-datasets').locator('tbody tr', { hasText: 'iris' });
      expect(await iris.textContent()).toMatch(/97\.3\s%.*96\.6\s%/);
      await expect.poll(() => panel(page).locator('.realdata-scatter circle').count()).toBe(2);
      expect(await panel(page).getByTestId('realdata-summary').textContent()).toMatch(/over the 2 data sets/);
      expect(await panel(page).getByTestId('realdata-pairs').textContent()).toMatch(/NTK.*Laplace/);
      // keyboard readout on the scatter names a data set
      await panel(page).locator('.realdata-scatter svg').focus();
      await page.keyboard.press('ArrowRight');
      expect(await panel(page).locator('.realdata-scatter .readout').textContent()).toMatch(/n = \d+, d = 4/);

      await page.reload();
      await showPanel(page);
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/All 2 data sets done \(kept/);
      await expect.poll(() => panel(page).locator('.realdata-scatter circle').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Cancel stops a run; what finished is kept and Run continues', async () => {
    const { page, errors, close } = await openPage('/?v=1&data=n1000&contest=laplace');
    try {
      await showPanel(page);
      const run = panel(page).getByRole('button', { name: 'Run' });
      await run.click();
      const cancel = panel(page).getByRole('button', { name: 'Cancel' });
      await cancel.waitFor();
      await cancel.click();
      await run.waitFor();
      expect(await panel(page).locator('.realdata-run [role=status]').textContent()).toMatch(
        /\d+ of 66 data sets still to run/,
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('your own CSV file: read in the browser, refused with a clear message, run, exported as CSV', async () => {
    const { page, errors, close } = await openPage('/?v=1&data=custom&contest=laplace,gauss&file=expected.csv');
    try {
      await showPanel(page);
      // the link names the file it expects
      expect(await panel(page).locator('.custom-file').textContent()).toMatch(/made with “expected\.csv”/);
      const input = panel(page).getByLabel('Your CSV file');
      // a file with one class is refused, in the notice area, with what to do
      await input.setInputFiles({
        name: 'one.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`a,label\n${Array.from({ length: 10 }, (_, i) => `${i},x`).join('\n')}\n`),
      });
      const notices = page.getByTestId('notices');
      await notices.getByText('one.csv cannot be used.').waitFor();
      expect(await notices.textContent()).toMatch(/The file has 1 class \(label column "label"\)/);
      // the refused file's columns are still offered: another label column is the usual fix
      expect(await panel(page).getByLabel('label column').locator('option').allTextContents()).toEqual([
        '1. a',
        '2. label',
      ]);
      // a usable file (a quoted header, a row with a missing value, a constant column)
      const rows = ['"x, first",x2,const,label'];
      for (let i = 0; i < 40; i++)
        rows.push(`${i % 2 ? 1 + i / 40 : -1 - i / 40},${(i * 7) % 5},3,${i % 2 ? 'yes' : 'no'}`);
      rows.push(',1,3,yes');
      await input.setInputFiles({
        name: 'mine.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${rows.join('\n')}\n`),
      });
      await page.waitForURL(/file=mine\.csv/);
      await notices.getByText('Read mine.csv.').waitFor();
      expect(await notices.textContent()).toMatch(/Dropped 1 of 41 rows/);
      expect(await panel(page).locator('.custom-file').textContent()).toMatch(/n = 40 rows, d = 2 features, 2 classes/);
      await panel(page).getByRole('button', { name: 'Run' }).click();
      const status = panel(page).locator('.realdata-run [role=status]');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/All 1 data sets done/);
      expect(await panel(page).getByTestId('realdata-datasets').textContent()).toMatch(/mine\.csv.*100\.0\s%/);
      // the CSV export is the figure of the results on screen
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel(page).getByRole('button', { name: 'Download the real-data panel data as CSV' }).click(),
      ]);
      const csv = await readFile((await download.path())!, 'utf8');
      // the absolute link of the view: the page's address and the figure's query
      const { origin, pathname } = new URL(page.url());
      expect(csv.split('\n')[0]).toMatch(/^# \S+\?v=1&data=custom&contest=laplace,gauss&file=mine\.csv/);
      expect(csv.split('\n')[0].startsWith(`# ${origin}${pathname}?v=1&`)).toBe(true);
      expect(csv.split('\n').filter((l) => l.startsWith('custom,40,2,2,zscore,'))).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('presentation mode shows the real-data panel alone', async () => {
    const { page, errors, close } = await openPage(
      '/?v=1&data=balloons,trains&contest=ntk,laplace&present=1&panel=realdata',
    );
    try {
      await expect.poll(() => page.locator('section.panel').count()).toBe(1);
      await expect
        .poll(() => panel(page).locator('.realdata-run [role=status]').textContent(), { timeout: 30_000 })
        .toMatch(/All 2 data sets done/);
      await expect.poll(() => panel(page).locator('.realdata-scatter circle').count()).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('data sets by name: a filterable list of the 90 with n, d and classes drives the link', async () => {
    const { page, errors, close } = await openPage('/?v=1&data=iris&contest=laplace');
    try {
      await showPanel(page);
      const chooser = panel(page).locator('.dataset-chooser');
      expect(await chooser.locator('summary').textContent()).toBe('1 of 90 data sets chosen');
      await chooser.getByLabel('filter by name').fill('wine');
      const rows = chooser.locator('tbody tr');
      expect((await rows.allTextContents()).map((t) => t.trim())).toEqual([
        'wine178133',
        'wine-quality-red1599116',
        'wine-quality-white4898117',
      ]);
      await chooser.getByRole('checkbox', { name: 'wine', exact: true }).check();
      await page.waitForURL(/data=iris,wine&/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a scatter of points all at 100 % is still drawn (no NaN)', async () => {
    const { page, errors, close } = await openPage('/?v=1&data=balloons&contest=ntk,gauss');
    try {
      await showPanel(page);
      const circle = panel(page).locator('.realdata-scatter circle');
      await expect.poll(() => circle.count(), { timeout: 30_000 }).toBe(1);
      const [cx, cy] = await Promise.all([circle.getAttribute('cx'), circle.getAttribute('cy')]);
      expect(Number.isFinite(Number(cx)) && Number.isFinite(Number(cy))).toBe(true);
      expect(await panel(page).textContent()).not.toMatch(/NaN/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
