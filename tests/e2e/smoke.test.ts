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

describeE2E('security basics', () => {
  it('the built page carries a Content-Security-Policy that allows only its own origin for code', async () => {
    const { page, errors, close } = await openPage('/?v=1&fit=1');
    try {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      for (const directive of ["script-src 'self'", "worker-src 'self'", "style-src 'self'", "font-src 'self'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('unsafe-inline');
      // KaTeX, the workers and the fit all run under it without a violation (violations are console errors)
      await page.locator('.kernel-card .formula .katex').first().waitFor();
      await page.getByTestId('fit-c').waitFor();
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
