/**
 * A colour image as a PNG data URI, so that heatmaps can sit inside a standalone SVG figure (an <image>
 * with a data: URI opens in browsers and in Inkscape). Encoded by fast-png; runs in node and workers.
 */
import { encode } from 'fast-png';

function base64(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}

export function pngDataUri(rgba: Uint8ClampedArray, width: number, height: number): string {
  const png = encode({
    width,
    height,
    data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength),
    channels: 4,
    depth: 8,
  });
  return `data:image/png;base64,${base64(png)}`;
}
