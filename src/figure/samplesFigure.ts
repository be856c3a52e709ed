/**
 * The random-functions panel as a figure (docs/function-space.md, "Figures"): one Gaussian-process sample
 * per kernel from the same coefficients (gpSamples), on the circle (curves over θ) or on the sphere
 * (values on the latitude × longitude grid; the SVG draws one equirectangular map per kernel on a shared
 * symmetric diverging scale).
 */
import { kernelLabel } from '../core/kernels/registry';
import { gpSamples, type GpSamplesResult } from '../core/functionSpace/samples';
import type { LinkState } from '../link';
import { instanceText } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { colourBar, mapImage } from './map';
import { figureArray } from './numbers';
import { colourOf } from './palette';
import { escapeXml, linkLines, renderSvg, svgDocument } from './svg';

export function samplesFigure(state: LinkState, links: FigureLinks) {
  const link = links.shown;
  const unit = state.norm === 'unit';
  const result = gpSamples({
    kernels: state.kernels,
    unit,
    domain: state.domain,
    degree: state.deg,
    seed: state.sample,
  });
  const names = state.kernels.map(instanceText);
  const series = names.map((kernel, i) => ({ kernel, value: figureArray(result.values[i]) }));
  const head = {
    panel: 'samples',
    link: links.query,
    domain: result.domain,
    degree: result.degree,
    seed: state.sample,
  };

  if (result.domain === 'circle') {
    const theta = figureArray(result.theta);
    return {
      json: { ...head, theta, series },
      csv: {
        link,
        coordinates: ['theta'],
        coordinateValues: [theta],
        columns: names.map((name, i) => ({ name, values: result.values[i] })),
      } satisfies CsvTable,
      svg: () => circleSvg(state, link, result),
    };
  }

  const { nLat, nLon } = result;
  const longitude = Array.from({ length: nLon }, (_, j) => (2 * Math.PI * j) / nLon);
  const latitude = figureArray(result.latitude);
  const csv: CsvTable = {
    link,
    coordinates: ['latitude', 'longitude'],
    coordinateValues: [
      Float64Array.from({ length: nLat * nLon }, (_, n) => latitude[Math.floor(n / nLon)]),
      Float64Array.from({ length: nLat * nLon }, (_, n) => longitude[n % nLon]),
    ],
    columns: names.map((name, i) => ({ name, values: result.values[i] })),
  };
  return {
    json: { ...head, latitude, longitude: figureArray(longitude), series },
    csv,
    svg: () => sphereSvg(state, link, result),
  };
}

const subtitle = (state: LinkState) =>
  `truncation degree K = ${state.deg}, seed ${state.sample}; ${state.norm === 'unit' ? 'kernels divided by κ(1)' : 'raw kernels'}`;

function circleSvg(state: LinkState, link: string, result: GpSamplesResult & { domain: 'circle' }): string {
  const degrees = Array.from(result.theta, (t) => (t * 180) / Math.PI);
  const [lo, hi] = result.range;
  return renderSvg({
    title: 'Random functions on S¹',
    subtitle: `one Gaussian-process sample per kernel, common random numbers; ${subtitle(state)}`,
    xLabel: 'angle θ on the circle (degrees)',
    yLabel: 'f(θ)',
    xScale: 'linear',
    yScale: 'linear',
    xDomain: [0, 360],
    yDomain: hi > lo ? [lo, hi] : [lo - 1, lo + 1],
    series: result.values.map((y, i) => ({
      label: kernelLabel(state.kernels[i], i),
      colour: colourOf(i),
      x: degrees,
      y,
    })),
    link,
  });
}

const MAP_WIDTH = 360;
const MAP_HEIGHT = 180;
const COLUMNS = 2;
const CELL_WIDTH = MAP_WIDTH + 70;
const CELL_HEIGHT = MAP_HEIGHT + 50;
const LEFT = 50;
const TOP = 76;

function sphereSvg(state: LinkState, link: string, result: GpSamplesResult & { domain: 'sphere' }): string {
  const { nLat, nLon, values } = result;
  const m = Math.max(Math.abs(result.range[0]), Math.abs(result.range[1])) || 1;
  const domain: [number, number] = [-m, m];
  const count = values.length;
  const rows = Math.ceil(count / COLUMNS);
  const width = LEFT + COLUMNS * CELL_WIDTH;
  const barTop = TOP + rows * CELL_HEIGHT;
  const [linkMarkup, linkEnd] = linkLines(link, 20, barTop + 58);
  const height = linkEnd + 4;
  const out: string[] = [
    `<text x="20" y="24" font-size="16" font-weight="bold">Random functions on S² (one Gaussian-process sample per kernel, common random numbers)</text>`,
    `<text x="20" y="44" fill="#444444">${escapeXml(`${subtitle(state)}; equirectangular maps (longitude φ across, latitude up), one colour scale for all`)}</text>`,
  ];
  values.forEach((v, i) => {
    const left = LEFT + (i % COLUMNS) * CELL_WIDTH;
    const top = TOP + Math.floor(i / COLUMNS) * CELL_HEIGHT;
    // the grid runs south to north; the image's first row is the top (north)
    const northUp = new Float64Array(v.length);
    for (let r = 0; r < nLat; r++) northUp.set(v.subarray((nLat - 1 - r) * nLon, (nLat - r) * nLon), r * nLon);
    out.push(
      `<g transform="translate(${left},${top})">`,
      `<text x="0" y="-6" fill="${colourOf(i)}" font-weight="bold">${escapeXml(kernelLabel(state.kernels[i], i))}</text>`,
      mapImage({
        values: northUp,
        columns: nLon,
        rows: nLat,
        domain,
        scheme: 'diverging',
        x: 0,
        y: 0,
        width: MAP_WIDTH,
        height: MAP_HEIGHT,
        pixelated: false,
      }),
      `<rect x="0" y="0" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="none" stroke="#57606a"/>`,
      `<text x="0" y="${MAP_HEIGHT + 14}">0°</text><text x="${MAP_WIDTH / 2}" y="${MAP_HEIGHT + 14}" text-anchor="middle">longitude φ</text><text x="${MAP_WIDTH}" y="${MAP_HEIGHT + 14}" text-anchor="end">360°</text>`,
      `<text x="-4" y="8" text-anchor="end">90°</text><text x="-4" y="${MAP_HEIGHT / 2 + 4}" text-anchor="end">0°</text><text x="-4" y="${MAP_HEIGHT}" text-anchor="end">−90°</text>`,
      '</g>',
    );
  });
  out.push(
    `<g transform="translate(${LEFT},${barTop})">`,
    `<text x="0" y="-4">f (blue negative, red positive), scale [−m, m] with m = max |f| over all kernels</text>`,
    ...colourBar(domain, 'diverging', MAP_WIDTH, 4, '0'),
    '</g>',
    ...linkMarkup,
  );
  return svgDocument(width, height, 'Random functions on S²', out, 11);
}
