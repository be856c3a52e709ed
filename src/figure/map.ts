/**
 * Heatmaps inside standalone SVG figures: a grid of values as an <image> with a PNG data URI (image.ts),
 * coloured by a scheme of colour.ts, and its colour bar. Shared by the off-sphere maps and the sample maps.
 */
import { colourAt, colourPixels, type ColourScheme } from './colour';
import { pngDataUri } from './image';
import { escapeXml } from './svg';
import { figureText } from './unicode';

export interface MapImage {
  /** row-major values, first row at the top of the image */
  values: ArrayLike<number>;
  columns: number;
  rows: number;
  domain: readonly [number, number];
  scheme: ColourScheme;
  /** where the image goes, in the SVG's coordinates */
  x: number;
  y: number;
  width: number;
  height: number;
  /** show the cells as blocks (the default) rather than smoothed */
  pixelated?: boolean;
}

/** The <image> element of a heatmap. */
export function mapImage(m: MapImage): string {
  const style = m.pixelated === false ? '' : ' style="image-rendering:pixelated"';
  const href = pngDataUri(colourPixels(m.values, m.domain, m.scheme), m.columns, m.rows);
  return `<image x="${m.x}" y="${m.y}" width="${m.width}" height="${m.height}" preserveAspectRatio="none"${style} href="${href}"/>`;
}

/**
 * A horizontal colour bar from x = 0 to `width` at height y, labelled with its ends (and `middle`, if given),
 * numbers as 5.684×10⁻⁷ so that two ends never run into one string.
 */
export function colourBar(
  [lo, hi]: readonly [number, number],
  scheme: ColourScheme,
  width: number,
  y: number,
  middle?: string,
): string[] {
  const steps = 32;
  const w = width / steps;
  const cells = Array.from(
    { length: steps },
    (_, i) =>
      `<rect x="${(i * w).toFixed(2)}" y="${y}" width="${(w + 0.3).toFixed(2)}" height="7" fill="${colourAt(scheme, (i + 0.5) / steps)}"/>`,
  );
  const labels = [
    `<text x="0" y="${y + 18}">${escapeXml(figureText(lo))}</text>`,
    `<text x="${width}" y="${y + 18}" text-anchor="end">${escapeXml(figureText(hi))}</text>`,
  ];
  if (middle !== undefined) labels.push(`<text x="${width / 2}" y="${y + 18}" text-anchor="middle">${middle}</text>`);
  return [...cells, ...labels];
}
