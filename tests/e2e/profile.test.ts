/**
 * The profile view, share links and history in a real browser (issue: foundation).
 */
import { expect, it } from 'vitest';
import { describeE2E, openPage } from './browser.ts';

const curves = '[data-testid=profile-chart] path.curve';

describeE2E('profile, links and history', () => {
  it('opens a link and shows one curve per kernel, its name in the legend and its KaTeX formula in the list', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)');
    try {
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, curves);
      const ds = await page.locator(curves).evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
      expect(ds.every((d) => d.length > 1000)).toBe(true);
      expect(new Set(ds).size).toBe(3);
      // the legend names each kernel as the kernel list does; the formula is typeset in the list
      expect(await page.getByTestId('profile-chart-legend').textContent()).toBe(
        '1. ReLU NTK L=3 β=0.52. Laplace c=13. γ-exponential γ=0.5 c=1',
      );
      await page.locator('.kernel-head .katex').nth(2).waitFor();
      expect(await page.locator('.kernel-head .katex').count()).toBe(3);
      expect(await page.locator('.kernel-head .katex-mathml').first().textContent()).toContain('Θ');
      expect(page.url()).toContain('?v=1&kernels=ntk(L=3,beta=0.5),laplace,gexp(gamma=0.5)');
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a slider moves the curve and the address; Back restores the previous state', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3),laplace');
    try {
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, curves);
      const before = await page.locator(curves).first().getAttribute('d');
      const slider = page.getByLabel('L hidden layers, ReLU NTK (kernel 1) (slider)');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/ntk\(L=4\)/);
      await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.getAttribute('d') !== old, [
        curves,
        before,
      ] as const);
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/ntk\(L=5\)/);
      await page.goBack();
      await page.waitForURL(/ntk\(L=4\)/);
      await page.goBack();
      await page.waitForURL(/ntk\(L=3\),laplace$/);
      await page.waitForFunction(([sel, old]) => document.querySelector(sel)?.getAttribute('d') === old, [
        curves,
        before,
      ] as const);
      expect(await slider.inputValue()).toBe('3');
      await page.goForward();
      await page.waitForURL(/ntk\(L=4\)/);
      expect(await slider.inputValue()).toBe('4');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a key press on a focused slider redraws the profile in the frame of the key press (its neighbours were computed in advance)', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3),laplace(c=1)');
    try {
      await page.locator(curves).nth(1).waitFor();
      // for each key press: had the curves changed by the first animation frame after it? (keydown, not input:
      // an integer slider steps itself by 1 and fires no input event, src/ui/controls/sliderModel.ts)
      await page.evaluate((sel) => {
        const w = window as unknown as { sameFrame: boolean[] };
        w.sameFrame = [];
        const curvesNow = () => [...document.querySelectorAll(sel)].map((e) => e.getAttribute('d')).join('|');
        document.addEventListener(
          'keydown',
          () => {
            const before = curvesNow();
            requestAnimationFrame(() => w.sameFrame.push(curvesNow() !== before));
          },
          true,
        );
      }, curves);
      const steps: [string, string, string][] = [
        ['L hidden layers, ReLU NTK (kernel 1) (slider)', 'ArrowRight', 'ntk\\(L=4\\)'],
        ['L hidden layers, ReLU NTK (kernel 1) (slider)', 'ArrowRight', 'ntk\\(L=5\\)'],
        ['L hidden layers, ReLU NTK (kernel 1) (slider)', 'ArrowLeft', 'ntk\\(L=4\\)'],
        // a log-scale slider: the values computed in advance must be where Chromium steps it
        ['c (scale), Laplace (kernel 2) (slider)', 'ArrowRight', 'laplace\\(c=1\\.01\\)'],
        ['c (scale), Laplace (kernel 2) (slider)', 'ArrowLeft', 'laplace,|laplace$'],
        ['c (scale), Laplace (kernel 2) (slider)', 'ArrowLeft', 'laplace\\(c=0\\.991\\)'],
      ];
      for (const [slider, key, link] of steps) {
        await page.getByLabel(slider).focus();
        await page.waitForTimeout(800); // the neighbours' profiles are computed in the worker meanwhile
        await page.keyboard.press(key);
        await page.waitForURL(new RegExp(link));
      }
      await page.waitForFunction(
        (n) => (window as unknown as { sameFrame: boolean[] }).sameFrame.length === n,
        steps.length,
      );
      expect(await page.evaluate(() => (window as unknown as { sameFrame: boolean[] }).sameFrame)).toEqual(
        steps.map(() => true),
      );
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('quick key presses make one history entry each, in order', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=3),laplace');
    try {
      await page.locator(curves).first().waitFor();
      const slider = page.getByLabel('L hidden layers, ReLU NTK (kernel 1) (slider)');
      await slider.focus();
      // three key presses in quick succession, each one committed change (src/state/urlSync.ts)
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/ntk\(L=6\)/);
      for (const L of [5, 4]) {
        await page.goBack();
        await page.waitForURL(new RegExp(`ntk\\(L=${L}\\)`));
        expect(await slider.inputValue()).toBe(String(L));
      }
      await page.goBack();
      await page.waitForURL(/ntk\(L=3\),laplace$/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a bad link opens repaired, says what changed and rewrites the address, with no console error', async () => {
    const { page, errors, close } = await openPage(
      '/?kernels=foo,ntk(L=2.5),<img src=x onerror=alert(1)>&d=5000&zoom=abc',
    );
    try {
      const notice = page.getByTestId('notices');
      await notice.getByText('This link needed').waitFor();
      const text = await notice.textContent();
      expect(text).toContain('unknown family "foo"');
      expect(text).toContain('2.5 is not an integer; rounded to 3');
      expect(text).toContain('5000 is above the maximum 1000; clamped to 1000');
      expect(text).toContain('"abc" is not a number; default 180 used');
      expect(await page.locator('img').count()).toBe(0); // link text is never HTML
      await page.waitForURL((url) => url.search === '?v=1&kernels=ntk(L=3)&d=1000');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, curves);
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fits a Laplace kernel to an NTK, draws it dashed and adds it to the link', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk&fit=1');
    try {
      await page.locator('[data-testid=profile-chart] path.curve.fitted').waitFor();
      const c = Number(await page.getByTestId('fit-c').textContent());
      expect(c).toBeGreaterThan(0.5);
      expect(c).toBeLessThan(2);
      await page.getByRole('button', { name: /^Add laplace\(c=/ }).click();
      await page.waitForURL(new RegExp(`kernels=ntk,laplace\\(c=${String(c).replace('.', '\\.')}\\)&fit=1`));
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, curves);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reads values at the pointer and by keyboard', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace&norm=raw');
    try {
      const chart = page.getByTestId('profile-chart');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, curves);
      await chart.focus();
      await page.keyboard.press('Home');
      const readout = page.getByTestId('profile-readout');
      await readout.waitFor();
      // θ = 0: NTK with L = 1, β = 0 is κ(1) = 2, Laplace is 1
      expect(await readout.textContent()).toMatch(/θ = 0°.*1\. ReLU NTK L=1 β=0: 2.*2\. Laplace c=1: 1/);
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      expect(await readout.textContent()).toMatch(/θ = (8|9)\d(\.\d+)?°/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('adds, duplicates, reorders and removes kernels', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace');
    try {
      await page.getByRole('button', { name: 'Duplicate ReLU NTK (kernel 1)' }).click();
      // the ratio view's and the off-sphere comparison's B (laplace, position 2) follow it to position 3
      await page.waitForURL(/kernels=ntk,ntk,laplace&rb=3&db=3$/);
      await page.getByRole('button', { name: 'Move Laplace (kernel 3) up' }).click();
      await page.waitForURL(/kernels=ntk,laplace,ntk$/); // rb = 2 again, the default
      await page.getByLabel('Add a kernel').selectOption('gauss');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.waitForURL(/kernels=ntk,laplace,ntk,gauss$/);
      await page.getByRole('button', { name: 'Remove ReLU NTK (kernel 1)' }).click();
      // A (ra, da) lost its instance: it takes position 2, since B followed Laplace to position 1
      await page.waitForURL(/kernels=laplace,ntk,gauss&ra=2&rb=1&da=2&db=1$/);
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, curves);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
