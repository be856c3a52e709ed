/**
 * Colour arithmetic for tests: WCAG 2 contrast ratios and CIELAB under simulated colour-vision deficiency
 * (Machado, Oliveira & Fernandes 2009, severity 1, applied to linear RGB).
 */

/** '#rrggbb' or 'rgb(r, g, b)' / 'rgba(…)' (as getComputedStyle reports) → sRGB components in [0, 1]. */
export function rgb(colour: string): number[] {
  if (colour.startsWith('#')) return [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16) / 255);
  const parts = colour.match(/[\d.]+/g);
  if (!parts || parts.length < 3) throw new Error(`not a colour: ${colour}`);
  return parts.slice(0, 3).map((v) => Number(v) / 255);
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

const luminance = (colour: string) => {
  const [r, g, b] = rgb(colour).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const SIMULATIONS: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of a colour as seen with a simulated deficiency (applied to linear RGB). */
export function lab(hex: string, matrix: number[][]): [number, number, number] {
  const l = rgb(hex).map(linear);
  const [r, g, b] = matrix.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])));
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
