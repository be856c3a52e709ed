/**
 * The series palettes (src/figure/palette.ts): every colour reaches 3:1 against every background of its
 * mode (WCAG 1.4.11, non-text contrast), and every pair stays apart for normal vision and simulated
 * protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1), measured as a
 * CIELAB distance; the bar is the worst pair of the plain Okabe–Ito palette the app started from (7.0).
 */
import { describe, expect, it } from 'vitest';
import { PALETTE, PALETTE_DARK } from '../../src/figure/palette';
import { contrast, lab, SIMULATIONS } from '../colour';

/** Backgrounds of each mode (src/ui/app/app.css --bg and --panel; classroom.css presentation mode). */
const LIGHT_BACKGROUNDS = ['#ffffff', '#f6f8fa'];
const DARK_BACKGROUNDS = ['#0d1117', '#161b22', '#000000', '#121212'];

function closestPair(palette: readonly string[]): { distance: number; what: string } {
  let worst = { distance: Infinity, what: '' };
  for (const [name, matrix] of Object.entries(SIMULATIONS)) {
    const labs = palette.map((c) => lab(c, matrix));
    for (let i = 0; i < labs.length; i++)
      for (let j = i + 1; j < labs.length; j++) {
        const distance = Math.hypot(...labs[i].map((v, k) => v - labs[j][k]));
        if (distance < worst.distance) worst = { distance, what: `${name}: ${palette[i]} vs ${palette[j]}` };
      }
  }
  return worst;
}

describe('series palettes', () => {
  for (const [mode, palette, backgrounds] of [
    ['light', PALETTE, LIGHT_BACKGROUNDS],
    ['dark', PALETTE_DARK, DARK_BACKGROUNDS],
  ] as const) {
    it(`${mode}: every series at least 3:1 against every background of the mode`, () => {
      for (const colour of palette)
        for (const bg of backgrounds) expect(contrast(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
    });

    it(`${mode}: every pair apart for normal and colour-deficient vision`, () => {
      const { distance, what } = closestPair(palette);
      expect(distance, what).toBeGreaterThanOrEqual(6.9);
    });
  }

  it('the plain Okabe–Ito palette fails the contrast bar (the check can fail)', () => {
    expect(contrast('#E69F00', '#ffffff')).toBeLessThan(3);
    expect(contrast('#0072B2', '#161b22')).toBeLessThan(3.5);
  });
});
