/**
 * How the off-sphere small multiples fill their space: the number of columns that gives the largest maps
 * such that every map fits the width and all rows fit the height available. With the height of a
 * projector's screen (1920×1080: 4 kernels and a difference map) this gives two rows of three large maps
 * rather than one row of five small ones; on a laptop, rows of maps as large as `maxWidth`.
 */

export interface MapGridSpace {
  /** width of the maps' container (px) */
  width: number;
  /** height all rows of maps may take (px) */
  height: number;
  /** gap between maps (px) */
  gap: number;
  /** height a map takes beyond its width: caption, axes, colour legend (px) */
  chrome: number;
  minWidth: number;
  maxWidth: number;
}

export interface MapGrid {
  columns: number;
  /** width of one map, axes included (px) */
  mapWidth: number;
}

export function mapGrid(count: number, space: MapGridSpace): MapGrid {
  const { width, height, gap, chrome, minWidth, maxWidth } = space;
  let best: MapGrid = { columns: 1, mapWidth: 0 };
  let bestRows = Infinity;
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const byWidth = Math.floor((width - gap * (columns - 1)) / columns);
    const byHeight = Math.floor((height - gap * (rows - 1)) / rows) - chrome;
    const mapWidth = Math.min(byWidth, byHeight, maxWidth);
    // ties (a size limit reached): fewer rows first, then the fewest columns for them (3 + 2, not 4 + 1)
    if (mapWidth > best.mapWidth || (mapWidth === best.mapWidth && rows < bestRows)) {
      best = { columns, mapWidth };
      bestRows = rows;
    }
  }
  if (best.mapWidth >= minWidth) return best;
  // too little room for readable maps: maps of `minWidth` (or the whole width, if narrower), as many in a row
  // as the width holds; the page scrolls
  const columns = Math.max(1, Math.min(count, Math.floor((width + gap) / (minWidth + gap))));
  return { columns, mapWidth: Math.min(minWidth, Math.floor((width - gap * (columns - 1)) / columns)) };
}
