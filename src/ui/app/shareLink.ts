/**
 * What "Share with the room" shows for a link (README "Share with the room"): a QR code, drawn as one SVG
 * path, and the link in a readable form to read aloud, type or check against the phone's screen.
 */
import { create } from 'qrcode';

/**
 * Above this many characters the QR code is shown as text only (issue 14): a 2000-character link needs a
 * version 33 code (149 modules a side, 157 with the quiet zone), whose modules are under 5 px in a 750-px
 * code on a 1080-pixel-high projector, too small to scan from the back of a room (a typical 300-character
 * view: version 11, 61 modules). Links this long carry many regression points or data-set names.
 */
export const QR_MAX_CHARS = 2000;

/** White border around the code, in modules: the QR standard's quiet zone (ISO/IEC 18004 §6.3.8). */
const QUIET = 4;

export interface QrDrawing {
  /** modules a side, quiet zone included (the SVG's viewBox) */
  size: number;
  /** the dark modules, as an SVG path in module units */
  path: string;
}

/**
 * The QR code of `text`, or null when it is too long for one (see QR_MAX_CHARS). Error correction L (7 %):
 * a projected code is not damaged or dirty, and the lowest level gives the fewest, largest modules.
 */
export function qrDrawing(text: string): QrDrawing | null {
  if (text.length > QR_MAX_CHARS) return null;
  let modules: ReturnType<typeof create>['modules'];
  try {
    ({ modules } = create(text, { errorCorrectionLevel: 'L' }));
  } catch {
    // more bytes than a version-40 code holds (non-ASCII text); the text is shown instead
    return null;
  }
  const n = modules.size;
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      runs.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * QUIET, path: runs.join('') };
}

/**
 * The link to read aloud, type or check against a phone's screen: without its scheme, the query decoded,
 * whole (a cut link could not be typed): "host/path?v=1&kernels=ntk(L=2),laplace&…".
 */
export function readableLink(url: string): string {
  const bare = url.replace(/^[a-z]+:\/\//i, '');
  try {
    return decodeURIComponent(bare);
  } catch {
    // a stray % in the link: shown as it is
    return bare;
  }
}
