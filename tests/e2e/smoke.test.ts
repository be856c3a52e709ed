/**
 * Smoke test of the production build: the default view loads, has the right title and a visible
 * h1, and logs no errors. Deliberately asserts nothing else, so that it stays valid as the app grows.
 */
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

describeE2E('smoke: built app', () => {
  it('loads with title, a visible h1 and no errors', async () => {
    const { page, errors, close } = await openPage('/');
    try {
      expect(await page.title()).toBe('NTK–Laplace Explorer');
      await page.locator('h1').first().waitFor({ state: 'visible', timeout: 10_000 });
      // give effects, lazy chunks and workers started on load time to report errors
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
