/**
 * Colour scales of the heatmaps, shared by the app's canvases and the figures' images: viridis for values,
 * red–blue (blue negative, red positive) for differences centred on 0. Colour-blind safe.
 */
import { interpolateRdBu, interpolateViridis, rgb } from 'd3';

export type ColourScheme = 'sequential' | 'diverging';

export const colourAt = (scheme: ColourScheme, t: number): string =>
  scheme === 'sequential' ? interpolateViridis(t) : interpolateRdBu(1 - t);

/** 256-entry RGBA lookup table of a scheme. */
function lookupTable(scheme: ColourScheme): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const c = rgb(colourAt(scheme, i / 255));
    table.set([c.r, c.g, c.b, 255], i * 4);
  }
  return table;
}

const TABLES: Record<ColourScheme, Uint8ClampedArray> = {
  sequential: lookupTable('sequential'),
  diverging: lookupTable('diverging'),
};

/** RGBA pixels (row-major, as the values) of values mapped through a scheme over [lo, hi]. */
export function colourPixels(
  values: ArrayLike<number>,
  [lo, hi]: readonly [number, number],
  scheme: ColourScheme,
): Uint8ClampedArray {
  const table = TABLES[scheme];
  const span = hi > lo ? hi - lo : 1;
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const t = Math.round(((values[i] - lo) / span) * 255);
    const j = (Number.isFinite(t) ? Math.min(255, Math.max(0, t)) : 0) * 4;
    out[i * 4] = table[j];
    out[i * 4 + 1] = table[j + 1];
    out[i * 4 + 2] = table[j + 2];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** The scheme's lookup table as packed 32-bit pixels (a Uint32Array view of ImageData: little-endian ABGR). */
export function packedTable(scheme: ColourScheme): Uint32Array {
  const table = TABLES[scheme];
  return Uint32Array.from(
    { length: 256 },
    (_, i) => ((255 << 24) | (table[i * 4 + 2] << 16) | (table[i * 4 + 1] << 8) | table[i * 4]) >>> 0,
  );
}
