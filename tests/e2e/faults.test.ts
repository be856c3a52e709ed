/**
 * Worker faults, injected into the real app: a worker that throws, one that hangs past its timeout and one
 * that dies are reported on screen with a Retry, and the rest of the app stays usable.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage } from './browser.ts';

/**
 * Wraps Worker so that the next comlink call to `method` is sabotaged once: `throw` sends it an invalid
 * request (the worker throws), `hang` drops it, `die` makes the worker fail as if it had crashed.
 */
const INJECTOR = `
  window.__fault = null;
  const Native = window.Worker;
  window.Worker = class extends Native {
    postMessage(message, transfer) {
      const fault = window.__fault;
      if (fault && message && Array.isArray(message.path) && message.path[0] === fault.method) {
        window.__fault = null;
        if (fault.kind === 'hang') return;
        if (fault.kind === 'die') {
          this.terminate();
          this.dispatchEvent(new ErrorEvent('error', { message: 'injected crash' }));
          return;
        }
        if (fault.kind === 'throw') {
          // a copy: the request object is the app's own and is sent again by Retry
          const [first, ...rest] = message.argumentList;
          message = { ...message, argumentList: [{ ...first, value: { ...first.value, d: -1 } }, ...rest] };
        }
      }
      return super.postMessage(message, transfer);
    }
  };
`;

async function inject(page: Page, method: string, kind: 'throw' | 'hang' | 'die') {
  await page.evaluate(
    ([m, k]) => ((window as unknown as { __fault: unknown }).__fault = { method: m, kind: k }),
    [method, kind],
  );
}

const curves = '[data-testid=profile-chart] path.curve';

describeE2E('worker faults', () => {
  it('a throwing spectrum worker is reported with Retry; the profile stays usable; Retry recovers', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace');
    try {
      await page.context().addInitScript(INJECTOR);
      await page.reload();
      await page.getByTestId('slope-1').waitFor();
      await inject(page, 'spectrum', 'throw');
      await page.getByRole('radio', { name: /^raw/ }).check();
      const alert = page.getByRole('alert').filter({ hasText: 'The spectrum could not be computed' });
      await alert.waitFor();
      // the other views still answer
      const slider = page.getByLabel('L hidden layers, ReLU NTK (kernel 1) (slider)');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL(/ntk\(L=2\)/);
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, curves);
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => alert.count()).toBe(0);
      await page.getByTestId('slope-1').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a dying profile worker is reported and replaced; Retry redraws', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace');
    try {
      await page.context().addInitScript(INJECTOR);
      await page.reload();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, curves);
      await inject(page, 'profile', 'die');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The kernel profile could not be computed' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('injected crash');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, curves);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a hung profile worker is timed out, replaced and reported', { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk,laplace');
    try {
      await page.context().addInitScript(INJECTOR);
      await page.reload();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, curves);
      await inject(page, 'profile', 'hang');
      await page.getByRole('radio', { name: /^raw/ }).check();
      await page.getByText('Computing…').first().waitFor(); // progress shows while it waits
      const alert = page.getByRole('alert').filter({ hasText: 'The kernel profile could not be computed' });
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.textContent()).toContain('did not answer within 10 s');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => alert.count()).toBe(0);
      await page.getByTestId('profile-chart').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
