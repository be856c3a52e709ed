/** The off-sphere small multiples' layout (src/ui/panels/offsphere/mapGrid.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapGrid } from '../../src/ui/panels/offsphere/mapGrid';

const space = { gap: 8, chrome: 60, minWidth: 160, maxWidth: 560 };

describe('mapGrid', () => {
  it('a 1920×1080 projector: five maps in two rows of three, far larger than one row of five', () => {
    const grid = mapGrid(5, { ...space, width: 1888, height: 880 });
    expect(grid.columns).toBe(3);
    expect(grid.mapWidth).toBeGreaterThanOrEqual(360);
  });

  it('a 1024×768 projector: maps no larger than at 1920×1080', () => {
    const small = mapGrid(5, { ...space, width: 992, height: 600 });
    const large = mapGrid(5, { ...space, width: 1888, height: 880 });
    expect(small.mapWidth).toBeLessThanOrEqual(large.mapWidth);
    expect(small.mapWidth).toBeGreaterThanOrEqual(space.minWidth);
  });

  it('every layout fits the width, and the height whenever maps of minWidth can', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 200, max: 2000 }),
        (count, width, height) => {
          const { columns, mapWidth } = mapGrid(count, { ...space, width, height });
          expect(columns).toBeGreaterThanOrEqual(1);
          expect(columns).toBeLessThanOrEqual(count);
          expect(columns * mapWidth + (columns - 1) * space.gap).toBeLessThanOrEqual(width);
          expect(mapWidth).toBeLessThanOrEqual(space.maxWidth);
          const rows = Math.ceil(count / columns);
          if (mapWidth > space.minWidth) {
            expect(rows * (mapWidth + space.chrome) + (rows - 1) * space.gap).toBeLessThanOrEqual(height);
          }
        },
      ),
    );
  });
});
