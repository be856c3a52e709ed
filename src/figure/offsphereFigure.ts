/**
 * The off-sphere panel as a figure (links.md §2): k(x, z) at the points x of a grid over [−R, R]² in the
 * plane of the first two axes, z from the link (zn, za); the SVG shows the maps as drawn (heatmaps with
 * the unit circle, the origin and z, the difference map of da and db) and the ray view.
 */
import { kernelLabel } from '../core/kernels/registry';
import { planeGrid, planeMaps, planeValues, rayProfile } from '../core/offsphere/plane';
import { pointFromPolar } from '../core/offsphere/polar';
import type { LinkState } from '../link';
import { comparison, instanceText, sameComparisonText } from '../link';
import type { ColourScheme } from './colour';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { colourBar, mapImage } from './map';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { escapeXml, renderChart, svgDocument, WIDTH } from './svg';
import { figureText } from './unicode';

/** Grid cells per side of the figure's maps (links.md leaves the grid to the team; README documents it). */
const FIGURE_PLANE_SIZE = 64;
const RAY_SAMPLES = 401;

export function offsphereFigure(state: LinkState, links: FigureLinks) {
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
    link: links.query,
    z: [figureNumber(z[0]), figureNumber(z[1])],
    R: state.R,
    size: FIGURE_PLANE_SIZE,
    points,
    series: names.map((kernel, i) => ({ kernel, value: figureArray(values[i]) })),
  };

  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['x1', 'x2'],
    coordinateValues: [points.map((p) => p[0]), points.map((p) => p[1])],
    columns: names.map((name, i) => ({ name, values: values[i] })),
  };

  return { json, csv, svg: () => offsphereSvg(state, links.shown) };
}

const MAP = 220;
const GAP = 36;
const COLUMNS = 3;

function offsphereSvg(state: LinkState, link: string): string {
  const z = pointFromPolar(state.zn, state.za);
  const unit = state.norm === 'unit';
  // as on screen: no difference map of a kernel with itself (src/link/comparison.ts)
  const pair = comparison(state.kernels, state.da, state.db);
  const diffPair: [number, number] | null = pair.same ? null : [pair.a, pair.b];
  const maps = planeMaps({ kernels: state.kernels, unit, z, R: state.R, size: FIGURE_PLANE_SIZE * 2, diff: diffPair });
  const shared: [number, number] = [
    Math.min(...maps.ranges.map((r) => r[0])),
    Math.max(...maps.ranges.map((r) => r[1])),
  ];
  const panels: {
    title: string;
    atOrigin?: number;
    values: Float32Array;
    domain: [number, number];
    scheme: ColourScheme;
  }[] = maps.values.map((v, i) => ({
    title: kernelLabel(state.kernels[i], i),
    atOrigin: maps.atOrigin[i],
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

  const noDifference = sameComparisonText(state.kernels, pair);
  const rows = Math.ceil(panels.length / COLUMNS);
  const cell = MAP + 2 * GAP;
  const width = Math.max(WIDTH, COLUMNS * cell + 40);
  const mapsHeight = 70 + rows * (cell + 44) + (noDifference ? 20 : 0);
  const ray = rayProfile(state.kernels, unit, z, (state.ray * Math.PI) / 180, state.R, RAY_SAMPLES);
  // the ray view as on screen: the kernels from r = 0 (y from 0), the sphere marked at r = 1
  const rayChart = renderChart(
    {
      title: `Along a ray at ${state.ray}°: k(r·x̂, z) for r from 0 to R`,
      subtitle: 'the bias-free NTK grows linearly in r; Laplace peaks near z; bias breaks homogeneity',
      xLabel: 'r = ‖x‖ along the ray',
      yLabel: unit ? 'k(r·x̂, z) / κ(1)' : 'k(r·x̂, z)',
      xScale: 'linear',
      yScale: 'linear',
      xDomain: [0, state.R],
      yIncludeZero: true,
      series: ray.values.map((y, i) => ({
        label: kernelLabel(state.kernels[i], i),
        colour: colourOf(i),
        x: ray.r,
        y,
      })),
      verticals: state.R >= 1 ? [{ x: 1, label: 'r = 1 (the sphere)' }] : [],
      link,
    },
    mapsHeight,
  );

  const out: string[] = [
    `<text x="20" y="24" font-size="16" font-weight="bold">${escapeXml(`Off the sphere: k(x, z) for x in the plane through 0 and z = (${figureText(z[0], 3)}, ${figureText(z[1], 3)})`)}</text>`,
    `<text x="20" y="44" fill="#444444">${escapeXml(`x ∈ [−${state.R}, ${state.R}]²; dashed circle: the unit sphere; ${unit ? 'kernels divided by κ(1)' : 'raw kernels'}; ${state.scale === 'shared' ? 'one colour scale for all kernels' : 'a colour scale per kernel'}`)}</text>`,
  ];
  panels.forEach((p, j) => {
    const left = 20 + (j % COLUMNS) * cell + GAP;
    const top = 70 + Math.floor(j / COLUMNS) * (cell + 44);
    const at = (v: number) => ((v + state.R) / (2 * state.R)) * MAP;
    const size = maps.size;
    out.push(
      `<g transform="translate(${left},${top})">`,
      `<text x="0" y="-6"${p.atOrigin === undefined ? '' : ` fill="${colourOf(j)}" font-weight="bold"`}>${escapeXml(p.title)}</text>`,
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
      // the axes as on screen: x₁ across, x₂ up, from −R to R
      `<text x="0" y="${MAP + 14}">−${state.R}</text><text x="${MAP}" y="${MAP + 14}" text-anchor="end">${state.R}</text><text x="${MAP / 2}" y="${MAP + 14}" text-anchor="middle">x₁</text>`,
      `<text x="-4" y="${MAP}" text-anchor="end">−${state.R}</text><text x="-4" y="9" text-anchor="end">${state.R}</text><text x="-4" y="${MAP / 2}" dy="0.32em" text-anchor="end">x₂</text>`,
      ...colourBar(p.domain, p.scheme, MAP, MAP + 22, p.scheme === 'diverging' ? '0' : undefined),
      ...(p.atOrigin === undefined
        ? []
        : [`<text x="0" y="${MAP + 54}">${escapeXml(`at x = 0: ${figureText(p.atOrigin)}`)}</text>`]),
      '</g>',
    );
  });
  if (noDifference)
    out.push(
      `<text x="20" y="${mapsHeight - 14}" fill="#57606a">${escapeXml(`No difference map. ${noDifference}`)}</text>`,
    );
  out.push('<g font-size="12">', ...rayChart.markup, '</g>');
  return svgDocument(width, mapsHeight + rayChart.height + 10, 'Kernels off the sphere', out, 11);
}
