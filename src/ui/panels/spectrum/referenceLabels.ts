/**
 * Where the spectrum's reference-line labels go (issue 14 item 4): each on its own line's visible part,
 * inside the plot, clear of the other labels, and crossing as few curves as possible. Pure: pixel
 * geometry in, label boxes out.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  /** the reference line in pixels: y as a function of x, and the x range where it is inside the plot */
  yAt(x: number): number;
  xFrom: number;
  xTo: number;
  width: number;
  height: number;
}

/** Polylines the labels should not cover (the curves and the reference lines), in pixels. */
export type Polyline = readonly (readonly [number, number])[];

/** Positions along the visible part of a line, preferred first (the far end, where the rate shows). */
const ALONG = [0.92, 0.8, 0.68, 0.56, 0.44, 0.32, 0.2, 0.08];
/** Gap between a line and its label, px. */
const GAP = 3;

/**
 * One box per request (null when its line is nowhere inside the plot), placed greedily in order: among
 * the candidate spots above and below the line, the first that overlaps no earlier label and crosses the
 * fewest polyline segments.
 */
export function placeLabels(requests: readonly LabelRequest[], frame: Box, avoid: readonly Polyline[]): (Box | null)[] {
  const placed: Box[] = [];
  return requests.map((r) => {
    if (!(r.xTo > r.xFrom) || r.width > frame.x1 - frame.x0 || r.height > frame.y1 - frame.y0) return null;
    let best: Box | null = null;
    let bestScore = Infinity;
    ALONG.forEach((t, rank) => {
      const cx = r.xFrom + t * (r.xTo - r.xFrom);
      const cy = r.yAt(cx);
      for (const side of [-1, 1]) {
        const box = inside(
          {
            x0: cx - r.width / 2,
            x1: cx + r.width / 2,
            y0: side < 0 ? cy - GAP - r.height : cy + GAP,
            y1: side < 0 ? cy - GAP : cy + GAP + r.height,
          },
          frame,
        );
        if (placed.some((p) => overlaps(p, box))) continue;
        // crossings weigh most; then the preferred spot, then above the line
        const score = crossings(box, avoid) * 100 + rank + (side > 0 ? 0.5 : 0);
        if (score < bestScore) [best, bestScore] = [box, score];
      }
    });
    if (best) placed.push(best);
    return best;
  });
}

/** The box moved (not shrunk) into the frame. */
function inside(b: Box, f: Box): Box {
  const dx = b.x0 < f.x0 ? f.x0 - b.x0 : b.x1 > f.x1 ? f.x1 - b.x1 : 0;
  const dy = b.y0 < f.y0 ? f.y0 - b.y0 : b.y1 > f.y1 ? f.y1 - b.y1 : 0;
  return { x0: b.x0 + dx, x1: b.x1 + dx, y0: b.y0 + dy, y1: b.y1 + dy };
}

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Number of polyline segments that cross or touch the box. */
function crossings(b: Box, lines: readonly Polyline[]): number {
  let n = 0;
  for (const line of lines) for (let i = 1; i < line.length; i++) if (segmentHitsBox(line[i - 1], line[i], b)) n++;
  return n;
}

/** Liang–Barsky clipping: does the segment p–q meet the box? */
function segmentHitsBox(p: readonly [number, number], q: readonly [number, number], b: Box): boolean {
  const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
  let [t0, t1] = [0, 1];
  const edges: [number, number][] = [
    [-dx, p[0] - b.x0],
    [dx, b.x1 - p[0]],
    [-dy, p[1] - b.y0],
    [dy, b.y1 - p[1]],
  ];
  for (const [pe, qe] of edges) {
    if (pe === 0) {
      if (qe < 0) return false;
    } else {
      const t = qe / pe;
      if (pe < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}
