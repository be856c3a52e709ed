/**
 * The off-sphere plane maps from two workers at once: a fine map is split into two halves of rows
 * (planeMaps with rows, src/core/offsphere/plane.ts), computed on the `offsphere` and `offsphere2` lanes in
 * parallel and joined; a coarse map (a drag of z) is one call, where a second message would cost more
 * than it saves.
 */
import { joinPlaneRows, planeSize, type PlaneRequest, type PlaneResult } from '../core/offsphere/plane';
import type { Started, Timed } from './api';
import { callWorker, type Lane } from './client';

const LANES: readonly Lane[] = ['offsphere', 'offsphere2'];
/** Maps with fewer rows than this are computed in one piece. */
const SPLIT_FROM_SIZE = 128;

/**
 * `computeMs`: from the first piece's start to the last piece's end in the workers (their clocks are
 * compared through performance.timeOrigin), without the time the page takes to receive the pieces; never
 * more than the page waited (should the clocks disagree).
 */
export async function computePlane(req: PlaneRequest): Promise<PlaneResult & Timed> {
  const size = planeSize(req);
  if (size < SPLIT_FROM_SIZE) return callWorker(LANES[0]!, (w) => w.plane(req));
  const half = Math.ceil(size / 2);
  const rows = [
    { from: 0, to: half },
    { from: half, to: size },
  ];
  const asked = performance.now();
  const pieces: (PlaneResult & Started)[] = await Promise.all(
    rows.map((r, i) => callWorker(LANES[i]!, (w) => w.plane(req, r))),
  );
  const waited = performance.now() - asked;
  const start = Math.min(...pieces.map((p) => p.startedAt));
  const end = Math.max(...pieces.map((p) => p.startedAt + p.computeMs));
  return { ...joinPlaneRows(pieces), computeMs: Math.min(end - start, waited) };
}
