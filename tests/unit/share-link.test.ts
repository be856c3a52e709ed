import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_MAX_CHARS, qrDrawing, readableLink } from '../../src/ui/app/shareLink';

/** Rasterises a QrDrawing at `scale` pixels per module into RGBA, as a screen would show it. */
function raster({ size, path }: { size: number; path: string }, scale: number) {
  const width = size * scale;
  const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
        rgba.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
  }
  return { rgba, width };
}

describe('share with the room', () => {
  it('draws a QR code that decodes to the link, with a 4-module quiet zone', () => {
    const link = 'https://example.org/ntk/?v=1&kernels=ntk(L=2),laplace&story=b&step=2&present=1&panel=spectrum';
    const qr = qrDrawing(link)!;
    expect(qr.path.startsWith('M4 4h7')).toBe(true); // the top-left finder pattern, after the quiet zone
    const { rgba, width } = raster(qr, 4);
    expect(jsQR(rgba, width, width)?.data).toBe(link);
  });

  it('draws no code for links over 2000 characters', () => {
    const base = 'https://example.org/?v=1&pts=';
    expect(qrDrawing(base + 'a'.repeat(QR_MAX_CHARS - base.length))).not.toBeNull();
    expect(qrDrawing(base + 'a'.repeat(QR_MAX_CHARS - base.length + 1))).toBeNull();
  });

  it('a readable link: no scheme, decoded, whole', () => {
    expect(readableLink('http://127.0.0.1:4173/?v=1&kernels=ntk(L=2),laplace')).toBe(
      '127.0.0.1:4173/?v=1&kernels=ntk(L=2),laplace',
    );
    expect(readableLink('https://host/p/?label=a%20b')).toBe('host/p/?label=a b');
    const long = `https://host/?v=1&pts=${'0:1;'.repeat(40)}`;
    expect(readableLink(long)).toBe(long.slice('https://'.length));
    expect(readableLink('https://host/?a=%E0%A4%A')).toBe('host/?a=%E0%A4%A');
  });
});
