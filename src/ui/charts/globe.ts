/**
 * The globe's raster, as pure geometry (no DOM): which grid values each pixel of an orthographic view of
 * the unit sphere shows. The grid is the samples grid of docs/function-space.md (cell-centre latitudes
 * ϑ_i = π(i + ½)/nLat − π/2, longitudes φ_j = 2πj/nLon, values row-major). The view matches
 * d3.geoOrthographic().rotate([−lon, −lat]) (the SVG graticule drawn over the canvas).
 */

/** Per pixel of a size×size square: bilinear interpolation corners and weights, or −1 outside the disc. */
export interface GlobeRaster {
  size: number;
  /** index of the lower-left corner value (lat i, lon j) = i·nLon + j, or −1 outside the disc */
  corner: Int32Array;
  /** index of the right neighbour's column (j + 1 wrapped) minus j, so that wrap-around needs no branch */
  east: Int32Array;
  /** nLon, or 0 on the top row (no row above: clamped) */
  north: Int32Array;
  /** weights of the east and north neighbours */
  wx: Float32Array;
  wy: Float32Array;
}

/** Radius of the disc in pixels: half the square, less a pixel for the outline. */
export const globeRadius = (size: number) => size / 2 - 1;

export function globeRaster(size: number, lonDeg: number, latDeg: number, nLat: number, nLon: number): GlobeRaster {
  const n = size * size;
  const raster: GlobeRaster = {
    size,
    corner: new Int32Array(n).fill(-1),
    east: new Int32Array(n),
    north: new Int32Array(n),
    wx: new Float32Array(n),
    wy: new Float32Array(n),
  };
  const lon0 = (lonDeg * Math.PI) / 180;
  const lat0 = (latDeg * Math.PI) / 180;
  // the view's basis in world coordinates: C towards the viewer (the centre point), E east, N north
  const [cl, sl, cp, sp] = [Math.cos(lon0), Math.sin(lon0), Math.cos(lat0), Math.sin(lat0)];
  const C = [cp * cl, cp * sl, sp];
  const E = [-sl, cl, 0];
  const N = [-sp * cl, -sp * sl, cp];
  const r = globeRadius(size);
  const half = size / 2;
  const latScale = nLat / Math.PI;
  const lonScale = nLon / (2 * Math.PI);
  for (let py = 0; py < size; py++) {
    const y = -(py + 0.5 - half) / r;
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5 - half) / r;
      const rho2 = x * x + y * y;
      if (rho2 > 1) continue;
      const z = Math.sqrt(1 - rho2);
      const wx0 = x * E[0] + y * N[0] + z * C[0];
      const wy0 = x * E[1] + y * N[1] + z * C[1];
      const wz0 = x * E[2] + y * N[2] + z * C[2];
      // fractional grid coordinates: latitude rows at cell centres, longitude columns at nodes
      const fi = Math.min(
        nLat - 1,
        Math.max(0, (Math.asin(Math.max(-1, Math.min(1, wz0))) + Math.PI / 2) * latScale - 0.5),
      );
      let fj = Math.atan2(wy0, wx0) * lonScale;
      if (fj < 0) fj += nLon;
      const i = Math.min(nLat - 1, Math.floor(fi));
      const j = Math.floor(fj) % nLon;
      const at = py * size + px;
      raster.corner[at] = i * nLon + j;
      raster.east[at] = j === nLon - 1 ? 1 - nLon : 1;
      raster.north[at] = i === nLat - 1 ? 0 : nLon;
      raster.wx[at] = fj - Math.floor(fj);
      raster.wy[at] = fi - i;
    }
  }
  return raster;
}

/** The value each pixel shows (bilinear in the grid), NaN outside the disc; for tests and exports. */
export function sampleRaster(raster: GlobeRaster, values: ArrayLike<number>, at: number): number {
  const c = raster.corner[at];
  if (c < 0) return NaN;
  const e = c + raster.east[at];
  const n = raster.north[at];
  const wx = raster.wx[at];
  const wy = raster.wy[at];
  return (1 - wy) * ((1 - wx) * values[c] + wx * values[e]) + wy * ((1 - wx) * values[c + n] + wx * values[e + n]);
}

/**
 * Paints values into RGBA pixels (a Uint32Array view of ImageData, little-endian ABGR) through a colour
 * lookup table over [lo, hi]; pixels outside the disc stay transparent.
 */
export function paintRaster(
  raster: GlobeRaster,
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  lut: Uint32Array,
  out: Uint32Array,
): void {
  const top = lut.length - 1;
  const scale = hi > lo ? top / (hi - lo) : 0;
  for (let at = 0; at < out.length; at++) {
    if (raster.corner[at] < 0) {
      out[at] = 0;
      continue;
    }
    const v = sampleRaster(raster, values, at);
    out[at] = lut[Math.max(0, Math.min(top, Math.round((v - lo) * scale)))];
  }
}
