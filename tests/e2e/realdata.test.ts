/**
 * The real-data panel in Chromium (docs/realdata.md §7): LIBSVM (WebAssembly) runs in the page's workers under
 * the app's Content-Security-Policy; two small data sets fill the scatter and the tables; a run can be
 * cancelled; results are kept in IndexedDB and come back after a reload without running again.
 */
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
      expect(await iris.textContent()).toMatch(/97\.3 %.*96\.6 %/);
      expect(await panel(page).locator('.realdata-scatter circle').count()).toBe(2);
      expect(await panel(page).getByTestId('realdata-summary').textContent()).toMatch(/over the 2 data sets/);
      expect(await panel(page).getByTestId('realdata-pairs').textContent()).toMatch(/NTK.*Laplace/);
      // keyboard readout on the scatter names a data set
      await panel(page).locator('.realdata-scatter svg').focus();
      await page.keyboard.press('ArrowRight');
      expect(await panel(page).locator('.realdata-scatter .readout').textContent()).toMatch(/n = \d+, d = 4/);

      await page.reload();
      await showPanel(page);
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/All 2 data sets done \(kept/);
      expect(await panel(page).locator('.realdata-scatter circle').count()).toBe(2);
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
});
