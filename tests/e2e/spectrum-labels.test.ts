/**
 * Issue 14 items 3–5 in a real browser: the spectrum's reference labels inside the plot and clear of each
 * other (bounding boxes) on a laptop and a phone, also after a slider move; tick labels as powers of 10 in
 * superscripts, the y label clear of them; a legend under every chart, one name per kernel; the cusp zoom
 * fits its y axis (with a break mark); at d = 10 the fit window follows the data; at d = 1000 the card says
 * why everything is at the floor.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeE2E, openPage } from './browser.ts';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** The spectrum plot's rectangle (its clip path) and the reference labels' boxes, in page pixels. */
const labelBoxes = (page: Page) =>
  page.getByTestId('spectrum-chart').evaluate((svg) => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    // the clip rectangle is not rendered: its attributes are user units, which are CSS pixels from the SVG's corner
    const clip = svg.querySelector('clipPath rect')!;
    const at = svg.getBoundingClientRect();
    const n = (name: string) => Number(clip.getAttribute(name));
    return {
      plot: { x: at.x + n('x'), y: at.y + n('y'), width: n('width'), height: n('height') },
      labels: Array.from(svg.querySelectorAll('[data-testid="reference-label"]'), rect),
      texts: Array.from(svg.querySelectorAll('[data-testid="reference-label"]'), (t) => t.textContent ?? ''),
    };
  });

async function expectLabelsClear(page: Page, count: number) {
  await expect.poll(async () => (await labelBoxes(page)).labels.length, { timeout: 15_000 }).toBe(count);
  const { plot, labels } = await labelBoxes(page);
  for (const l of labels) expect(within(l, plot), JSON.stringify({ l, plot })).toBe(true);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i], labels[j])).toBe(false);
}

describeE2E('spectrum labels, ticks and legends', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`${viewport.width}×${viewport.height}: story e step 2, then d = 4`, async () => {
      const { page, errors, close } = await openPage('/?v=1&story=e&step=2', { viewport });
      try {
        // γ = 0.5, Laplace, γ = 1.5: three rates, three labels (the Gaussian has none)
        await expectLabelsClear(page, 3);
        // each label is k with its exponent raised: k^−2.5, k^−3, k^−3.5 at d = 3
        expect((await labelBoxes(page)).texts.sort()).toEqual(['k−2.5', 'k−3', 'k−3.5']);
        // y ticks as powers of ten in superscripts, and the rotated y label clear of them
        const axis = await page.getByTestId('spectrum-chart').evaluate((svg) => {
          const r = (el: Element) => {
            const b = el.getBoundingClientRect();
            return { x: b.x, y: b.y, width: b.width, height: b.height };
          };
          const ticks = Array.from(svg.querySelectorAll('.axis.y .tick-label'));
          return {
            ticks: ticks.map((t) => t.textContent ?? '').filter(Boolean),
            tickBoxes: ticks.map(r),
            label: r(svg.querySelector('.axis.y .axis-label')!),
          };
        });
        expect(axis.ticks.length).toBeGreaterThan(2);
        for (const t of axis.ticks) expect(t).toMatch(/^10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
        for (const b of axis.tickBoxes) expect(overlap(b, axis.label)).toBe(false);
        // the legend names every kernel as the kernel list does, and states each reference line
        const legend = (await page.getByTestId('spectrum-chart-legend').textContent()) ?? '';
        for (const name of [
          '1. γ-exponential γ=0.5 c=1',
          '2. Laplace c=1',
          '3. γ-exponential γ=1.5 c=1',
          '4. Gaussian c=1',
        ])
          expect(legend).toContain(name);
        expect(legend).toContain('reference line ∝ k⁻ᵈ = k⁻³');
        // a new d re-places the labels: still inside and apart
        const field = page.getByLabel('d (dimension) (2–1000)', { exact: true });
        await field.fill('4');
        await field.press('Enter');
        await page.waitForURL(/d=4/);
        await expect
          .poll(async () => (await labelBoxes(page)).texts.sort(), { timeout: 15_000 })
          .toEqual(['k−3.5', 'k−4', 'k−4.5']);
        await expectLabelsClear(page, 3);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('every chart on the page has a legend, and the kernel list and legends use one name', async () => {
    const { page, errors, close } = await openPage('/', { viewport: { width: 1366, height: 768 } });
    try {
      await page.getByTestId('spectrum-chart').waitFor();
      await page.getByTestId('profile-chart').waitFor();
      const charts = await page.locator('.chart').evaluateAll((els) =>
        els
          .filter((el) => el.querySelector('svg[role="img"]'))
          .map((el) => ({
            id: el.querySelector('svg')?.getAttribute('data-testid'),
            legend: el.querySelectorAll('ul.legend li').length,
          })),
      );
      expect(charts.length).toBeGreaterThanOrEqual(2);
      for (const c of charts) expect(c.legend, String(c.id)).toBeGreaterThan(0);
      const names = ['1. ReLU NTK L=2 β=0', '2. Laplace c=1', '3. γ-exponential γ=0.5 c=1', '4. Gaussian c=1'];
      for (const id of ['profile-chart-legend', 'spectrum-chart-legend']) {
        const text = (await page.getByTestId(id).textContent()) ?? '';
        for (const n of names) expect(text, id).toContain(n);
      }
      for (const n of names) expect(await page.locator('.kernel-card strong', { hasText: n }).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeE2E('profile zoom fits its y axis', () => {
  const yTicks = (page: Page) =>
    page
      .getByTestId('profile-chart')
      .locator('.axis.y .tick-label')
      .evaluateAll((ts) => ts.map((t) => Number((t.textContent ?? '').replace('−', '-'))));

  it('story a step 2 (0–5°): the y axis spans the curves, not 0–1, and is marked as not starting at 0', async () => {
    const { page, errors, close } = await openPage('/?v=1&story=a&step=2');
    try {
      await page.getByTestId('profile-chart-y-break').waitFor();
      const ticks = await yTicks(page);
      expect(Math.min(...ticks)).toBeGreaterThan(0.5);
      expect(Math.max(...ticks)).toBeLessThanOrEqual(1.05);
      expect(await page.getByTestId('profile-chart').getByTestId('axis-break').count()).toBe(1);
      expect(await page.getByTestId('profile-chart-y-break').textContent()).toContain('does not start at 0');
      // the full range reaches 0 again, without a break
      await page.getByRole('button', { name: '0–180°' }).click();
      await page.waitForURL((url) => !url.search.includes('zoom='));
      await expect.poll(async () => Math.min(...(await yTicks(page)))).toBe(0);
      expect(await page.getByTestId('profile-chart-y-break').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeE2E('the fit window follows the data', () => {
  it('d = 10, kmax = 200: NTK and Laplace are fitted on the degrees above the floor, slopes near −10', async () => {
    const { page, errors, close } = await openPage('/?v=1&kernels=ntk(L=2),laplace&d=10&panel=spectrum');
    try {
      await page.getByTestId('fit-moved-1').waitFor();
      for (const i of [0, 1]) {
        const text = (await page.getByTestId(`slope-${i}`).textContent()) ?? '';
        const slope = Number(text.replace('−', '-').split(' ')[0]);
        expect(slope, text).toBeGreaterThan(-10);
        expect(slope, text).toBeLessThan(-9.25);
        expect(text).toContain('window moved');
        expect(await page.getByTestId(`evidence-${i}`).textContent()).toContain('upper half of the degrees above it');
      }
      expect(await page.getByTestId('pre-asymptotic').textContent()).toContain('pre-asymptotic regime');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('d = 1000: the card says why everything is at the floor and offers N(d,k)·λₖ', async () => {
    const { page, errors, close } = await openPage('/?v=1&d=1000&panel=spectrum');
    try {
      const note = page.getByTestId('at-the-floor');
      await note.waitFor();
      expect(await note.textContent()).toMatch(/at the floor from k = [5-7] on.*N\(1000, [4-6]\) = \d{9,}\)/);
      await note.getByRole('button', { name: 'Plot N(d,k)·λₖ' }).click();
      await page.waitForURL(/y=weighted/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
