/**
 * The spectrum view in a real browser: the "done when" scenario at d = 5.
 */
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

const slopeOf = async (page: import('playwright-core').Page, i: number) =>
  Number(((await page.getByTestId(`slope-${i}`).textContent()) ?? '').replace('−', '-').split(' ')[0]);

describeE2E('spectrum', () => {
  it('d = 5: odd zeros of the bias-free two-layer NTK, slopes near −5 and −4.5, a bounded NTK/Laplace ratio', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,ntk(beta=1),laplace,gexp(gamma=0.5)&d=5');
    try {
      await page.getByTestId('slope-3').waitFor();
      const slopes = await Promise.all([0, 1, 2, 3].map((i) => slopeOf(page, i)));
      for (const s of slopes.slice(0, 3)) expect(Math.abs(s + 5)).toBeLessThan(0.1);
      expect(Math.abs(slopes[3] + 4.5)).toBeLessThan(0.15);
      // finite-k fits approach the rate from above
      for (const s of slopes.slice(0, 3)) expect(s).toBeGreaterThan(-5);
      // the bias-free one-hidden-layer NTK: odd k ≥ 3 on the zero strip, the biased one has none there
      const stripMarks = (i: number) =>
        page.locator(`[data-strip="${i}"]`).evaluate((el) => (el.getAttribute('d') ?? '').split('M').length - 1);
      expect(await stripMarks(0)).toBeGreaterThanOrEqual(99);
      expect(await stripMarks(1)).toBe(0);
      // readout at k = 3
      await page.getByTestId('spectrum-chart').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const readout = await page.getByTestId('spectrum-readout').textContent();
      expect(readout).toMatch(/k = 3 \(odd\), N\(d,k\) = 30/);
      expect(readout).toMatch(/1\. λₖ = ≈ 0/);
      // ratio view NTK(β=1)/Laplace: bounded
      await page.getByRole('radio', { name: 'ratio λₖ(A) / λₖ(B)' }).check();
      await page.getByLabel('Ratio: kernel A').selectOption('2');
      await page.getByLabel('Ratio: kernel B').selectOption('3');
      await page.waitForURL(/y=ratio&ra=2&rb=3/);
      await page.getByTestId('spectrum-chart').focus();
      await page.keyboard.press('End');
      const ratio = Number(
        /ratio A\/B = ([\d.e-]+)/.exec((await page.getByTestId('spectrum-readout').textContent()) ?? '')?.[1],
      );
      expect(ratio).toBeGreaterThan(0.1);
      expect(ratio).toBeLessThan(10);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('d typed as 30 shows the accuracy floor: eigenvalues from k ≈ 19 on the zero strip, the fit moved below it', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace&kmax=100');
    try {
      await page.getByTestId('slope-0').waitFor();
      const field = page.getByLabel('d (dimension) (2–1000)', { exact: true });
      await field.fill('30');
      await field.press('Enter');
      await page.waitForURL(/kernels=laplace&d=30&kmax=100$/);
      // [50, 100] lies at the floor: the fit uses the upper half of the degrees above it (math.md §4)
      await page.getByTestId('fit-moved-0').waitFor();
      expect(await page.getByTestId('slope-0').textContent()).toMatch(/^−1\d\.\d\d over k ∈ \[9, 18\]/);
      const marks = await page
        .locator('[data-strip="0"]')
        .evaluate((el) => (el.getAttribute('d') ?? '').split('M').length - 1);
      expect(marks).toBeGreaterThan(70);
      expect(marks).toBeLessThan(90);
      expect(await page.getByText('k is not yet large compared with d = 30').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a typed value out of range is clamped with a message', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=laplace');
    try {
      const field = page.getByLabel('k max (degree) (1–5000)', { exact: true });
      await field.fill('9000');
      await field.press('Enter');
      await page.getByText('9000 is above the maximum 5000; clamped to 5000').waitFor();
      await page.waitForURL(/kmax=5000$/);
      expect(await field.inputValue()).toBe('5000');
      await page.getByTestId('slope-0').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
