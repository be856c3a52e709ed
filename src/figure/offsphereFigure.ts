/**
 * The off-sphere panel as a figure (links.md §2): k(x, z) at the points x of a grid over [−R, R]² in the
 * plane of the first two axes, z from the link (zn, za); the SVG shows the maps as drawn (heatmaps with
 * the unit circle, the origin and z, the difference map of da and db) and the ray view.
 */
import { kernelLabel } from '../core/kernels/registry';
import { planeGrid, planeMaps, planeValues, rayProfile } from '../core/offsphere/plane';
import { pointFromPolar } from '../core/offsphere/polar';
import type { LinkState } from '../link';
import { instanceText } from '../link';
import type { ColourScheme } from './colour';
import type { CsvTable } from './csv';
import { colourBar, mapImage } from './map';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { escapeXml, renderSvg } from './svg';

/** Grid cells per side of the figure's maps (links.md leaves the grid to the team; README documents it). */
const FIGURE_PLANE_SIZE = 64;
const RAY_SAMPLES = 401;

export function offsphereFigure(state: LinkState, link: string) {
  const z = pointFromPolar(state.zn, state.za);
  const unit = state.norm === 'unit';
  const grid = planeGrid(state.R, FIGURE_PLANE_SIZE);
  const values = planeValues(state.kernels, unit, z, grid);
  const names = state.kernels.map(instanceText);
  const points = Array.from({ length: grid.length / 2 }, (_, i) => [
    figureNumber(grid[2 * i]),
    figureNumber(grid[2 * i + 1]),
  ]);

  const json = {
    panel: 'offsphere',
    link,
    z: [figureNumber(z[0]), figureNumber(z[1])],
    R: state.R,
    size: FIGURE_PLANE_SIZE,
    points,
    series: names.map((kernel, i) => ({ kernel, value: figureArray(values[i]) })),
  };

  const csv: CsvTable = {
    link,
    coordinates: ['x1', 'x2'],
    coordinateValues: [points.map((p) => p[0]), points.map((p) => p[1])],
    columns: names.map((name, i) => ({ name, values: values[i] })),
  };

  return { json, csv, svg: () => offsphereSvg(state, link) };
}

const MAP = 220;
const GAP = 36;
const COLUMNS = 3;

function offsphereSvg(state: LinkState, link: string): string {
  const count = state.kernels.length;
  const z = pointFromPolar(state.zn, state.za);
  const unit = state.norm === 'unit';
  const position = (p: number) => Math.min(Math.max(1, p), count);
  const diffPair: [number, number] | null = count >= 2 ? [position(state.da), position(state.db)] : null;
  const maps = planeMaps({ kernels: state.kernels, unit, z, R: state.R, size: FIGURE_PLANE_SIZE * 2, diff: diffPair });
  const shared: [number, number] = [
    Math.min(...maps.ranges.map((r) => r[0])),
    Math.max(...maps.ranges.map((r) => r[1])),
  ];
  const panels: { title: string; values: Float32Array; domain: [number, number]; scheme: ColourScheme }[] =
    maps.values.map((v, i) => ({
      title: `${kernelLabel(state.kernels[i], i)}, at x = 0: ${maps.atOrigin[i].toPrecision(4)}`,
      values: v,
      domain: state.scale === 'shared' ? shared : maps.ranges[i],
      scheme: 'sequential',
    }));
  if (maps.diff && maps.diffRange && diffPair) {
    const m = Math.max(Math.abs(maps.diffRange[0]), Math.abs(maps.diffRange[1])) || 1;
    panels.push({
      title: `difference ${diffPair[0]} − ${diffPair[1]}`,
      values: maps.diff,
      domain: [-m, m],
      scheme: 'diverging',
    });
  }

  const rows = Math.ceil(panels.length / COLUMNS);
  const cell = MAP + 2 * GAP;
  const width = COLUMNS * cell + 40;
  const mapsHeight = 70 + rows * (cell + 30);
  const ray = rayProfile(state.kernels, unit, z, (state.ray * Math.PI) / 180, state.R, RAY_SAMPLES);
  let lo = 0;
  let hi = 0;
  for (const v of ray.values) for (const t of v) [lo, hi] = [Math.min(lo, t), Math.max(hi, t)];
  const raySvg = renderSvg({
    title: `Along the ray at ${state.ray}°: k(r·x̂, z) for r from 0 to R`,
    subtitle: 'the bias-free NTK grows linearly in r; Laplace peaks near z; bias breaks homogeneity',
    xLabel: 'r = ‖x‖ along the ray',
    yLabel: unit ? 'k(r·x̂, z) / κ(1)' : 'k(r·x̂, z)',
    xScale: 'linear',
    yScale: 'linear',
    xDomain: [0, state.R],
    yDomain: [lo, hi > lo ? hi : lo + 1],
    series: ray.values.map((y, i) => ({
      label: kernelLabel(state.kernels[i], i),
      colour: colourOf(i),
      x: ray.r,
      y,
    })),
    notes: [`link: ${link}`],
  }).replace('<svg xmlns="http://www.w3.org/2000/svg"', `<svg x="0" y="${mapsHeight}"`);
  const rayHeight = Number(/height="(\d+)"/.exec(raySvg)?.[1] ?? 500);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${mapsHeight + rayHeight}" viewBox="0 0 ${width} ${mapsHeight + rayHeight}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">`,
    '<title>Kernels off the sphere</title>',
    `<rect width="${width}" height="${mapsHeight + rayHeight}" fill="#ffffff"/>`,
    `<text x="20" y="24" font-size="16" font-weight="bold">Off the sphere: k(x, z) for x in the plane through 0 and z = (${z[0].toPrecision(3)}, ${z[1].toPrecision(3)})</text>`,
    `<text x="20" y="44" fill="#444444">${escapeXml(`x ∈ [−${state.R}, ${state.R}]²; dashed circle: the unit sphere; ${unit ? 'kernels divided by κ(1)' : 'raw kernels'}`)}</text>`,
  ];
  panels.forEach((p, j) => {
    const left = 20 + (j % COLUMNS) * cell + GAP;
    const top = 70 + Math.floor(j / COLUMNS) * (cell + 30);
    const at = (v: number) => ((v + state.R) / (2 * state.R)) * MAP;
    const size = maps.size;
    out.push(
      `<g transform="translate(${left},${top})">`,
      `<text x="0" y="-6">${escapeXml(p.title)}</text>`,
      mapImage({
        values: p.values,
        columns: size,
        rows: size,
        domain: p.domain,
        scheme: p.scheme,
        x: 0,
        y: 0,
        width: MAP,
        height: MAP,
      }),
      `<rect x="0" y="0" width="${MAP}" height="${MAP}" fill="none" stroke="#57606a"/>`,
      `<circle cx="${at(0)}" cy="${MAP - at(0)}" r="${(MAP / (2 * state.R)).toFixed(2)}" fill="none" stroke="#ffffff" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      `<circle cx="${at(0)}" cy="${MAP - at(0)}" r="2.5" fill="#ffffff" stroke="#000000"/>`,
      `<circle cx="${at(z[0]).toFixed(2)}" cy="${(MAP - at(z[1])).toFixed(2)}" r="5" fill="#ffffff" stroke="#000000" stroke-width="2"/>`,
      `<text x="0" y="${MAP + 14}">−${state.R}</text><text x="${MAP}" y="${MAP + 14}" text-anchor="end">${state.R}</text><text x="${MAP / 2}" y="${MAP + 14}" text-anchor="middle">x₁</text>`,
      ...colourBar(p.domain, p.scheme, MAP, MAP + 22),
      '</g>',
    );
  });
  out.push(raySvg, '</svg>');
  return `${out.join('\n')}\n`;
}
