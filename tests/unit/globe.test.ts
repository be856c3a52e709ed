/**
 * The globe raster (src/ui/charts/globe.ts): the pixel → sphere map agrees with d3's orthographic projection
 * (which draws the graticule over the canvas), and bilinear sampling reproduces smooth functions.
 */
import { geoOrthographic } from 'd3';
import { describe, expect, it } from 'vitest';
import { globeRadius, globeRaster, paintRaster, sampleRaster } from '../../src/ui/charts/globe';

const nLat = 128;
const nLon = 256;
/** The grid of docs/function-space.md. */
const latitude = (i: number) => (Math.PI * (i + 0.5)) / nLat - Math.PI / 2;
const longitude = (j: number) => (2 * Math.PI * j) / nLon;
const gridOf = (f: (lat: number, lon: number) => number) => {
  const g = new Float64Array(nLat * nLon);
  for (let i = 0; i < nLat; i++) for (let j = 0; j < nLon; j++) g[i * nLon + j] = f(latitude(i), longitude(j));
  return g;
};

describe('globe raster', () => {
  const size = 200;
  for (const [lon, lat] of [
    [0, 20],
    [-120, -60],
    [179, 89],
    [45, 0],
  ]) {
    it(`pixels show the point d3.geoOrthographic places there (centre ${lon}°, ${lat}°)`, () => {
      const raster = globeRaster(size, lon, lat, nLat, nLon);
      const projection = geoOrthographic()
        .rotate([-lon, -lat])
        .scale(globeRadius(size))
        .translate([size / 2, size / 2]);
      // a smooth function of the position: the value at a pixel must match its value at d3's inverse point
      const f = (la: number, lo: number) => Math.cos(la) * Math.cos(lo) + 0.5 * Math.sin(la);
      const grid = gridOf(f);
      let inside = 0;
      for (let at = 0; at < size * size; at += 37) {
        const px = at % size;
        const py = Math.floor(at / size);
        const [x, y] = [px + 0.5, py + 0.5];
        const rho = Math.hypot(x - size / 2, y - size / 2) / globeRadius(size);
        if (rho > 1.0001) expect(raster.corner[at], `pixel ${px},${py} is outside`).toBe(-1);
        if (rho > 0.98) continue; // near the rim d3 and the raster may disagree on the last sub-pixel
        const point = projection.invert!([x, y])!;
        // beyond the last row of cell centres (within 0.7° of a pole) the raster holds the last row's value
        if (Math.abs(point[1]) > (180 / Math.PI) * latitude(nLat - 1)) continue;
        const expected = f((point[1] * Math.PI) / 180, (point[0] * Math.PI) / 180);
        // bilinear error of a smooth function on a 1.4° grid: ≲ (π/128)²/8 · |f''| ≈ 1e-4
        expect(Math.abs(sampleRaster(raster, grid, at) - expected)).toBeLessThan(5e-4);
        inside++;
      }
      expect(inside).toBeGreaterThan(500);
    });
  }

  it('paints through the lookup table, transparent outside the disc', () => {
    const size = 64;
    const raster = globeRaster(size, 0, 0, nLat, nLon);
    const grid = gridOf((la) => Math.sin(la)); // −1 at the south pole, 1 at the north pole
    const lut = Uint32Array.from({ length: 256 }, (_, i) => 0xff000000 + i);
    const out = new Uint32Array(size * size);
    paintRaster(raster, grid, -1, 1, lut, out);
    expect(out[0]).toBe(0); // a corner of the square
    const top = out[2 * size + size / 2] & 0xff;
    const bottom = out[(size - 3) * size + size / 2] & 0xff;
    const centre = out[(size / 2) * size + size / 2] & 0xff;
    expect(top).toBeGreaterThan(230);
    expect(bottom).toBeLessThan(25);
    expect(Math.abs(centre - 127.5)).toBeLessThan(4);
  });
});
