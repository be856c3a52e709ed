/**
 * The training panel as a figure (docs/finite.md §5.3): networks of the first NTK instance trained by
 * gradient descent on the link's circle data (trainingView), for every width and both initializations,
 * against the linearized network's exact prediction `kernelFlow` after `steps` steps. Per series: the
 * network's function on θ (null unless trained), its RMS distance to kernelFlow, the relative change of its
 * empirical kernel on the data, the loss after every step (up to the divergence), and its status. Without
 * an NTK instance the series are empty and `notice` says why. The SVG is the panel's charts: the
 * functions of the link's `init`, the loss against the step, distance and kernel change against width.
 */
import {
  INITS,
  LOSS_FLOOR,
  type TrainingView,
  trainingGrid,
  trainingRequest,
  trainingView,
} from '../core/finite/training';
import { kernelLabel } from '../core/kernels/registry';
import type { LinkState } from '../link';
import { instanceText, readIntegers, readPoints } from '../link';
import type { CsvTable } from './csv';
import type { FigureLinks } from './links';
import { figureArray, figureNumber } from './numbers';
import { colourOf } from './palette';
import { figureText } from './unicode';
import { DASHED, REFERENCE_COLOUR, renderChart, svgDocument, type SvgSeries, WIDTH } from './svg';

const NO_NTK = 'no NTK instance in the kernel list: nothing to train';
const INIT_LABEL = { gaussian: 'Gaussian', orthogonal: 'orthogonal' } as const;

export function trainingFigure(state: LinkState, links: FigureLinks) {
  const points = readPoints(state.pts);
  const widths = readIntegers(state.widths);
  const request = trainingRequest({ ...state, points, widths }, 0);
  const view: TrainingView | null = request && trainingView(request);
  const theta = view?.theta ?? trainingGrid();
  const degrees = Array.from(theta, (t) => (t * 180) / Math.PI);
  const nullable = (v: number | null) => (v === null ? null : figureNumber(v));

  const json = {
    panel: 'training',
    link: links.query,
    ...(request && view
      ? {
          kernel: instanceText(request.kernel),
          lambdaMax: figureNumber(view.lambdaMax),
          eta: state.eta,
          step: figureNumber(view.step),
          steps: state.steps,
        }
      : { notice: NO_NTK }),
    theta: figureArray(theta),
    kernelFlow: view ? figureArray(view.kernelFlow) : [],
    kernelLoss: view ? figureArray(view.kernelLoss) : [],
    series: (view?.runs ?? []).map((r) => ({
      init: r.init,
      m: r.m,
      status: r.status,
      divergedAt: r.divergedAt,
      network: r.network ? figureArray(r.network) : null,
      distance: nullable(r.distance),
      kernelChange: nullable(r.kernelChange),
      loss: figureArray(r.loss),
    })),
    slopes: (view?.slopes ?? []).map((s) => ({
      init: s.init,
      distance: nullable(s.distance),
      kernelChange: nullable(s.kernelChange),
    })),
  };

  const runs = view?.runs ?? [];
  const csv: CsvTable = {
    link: links.shown,
    coordinates: ['theta'],
    coordinateValues: [theta],
    columns: [
      ...(view ? [{ name: 'kernelFlow', values: view.kernelFlow }] : []),
      ...runs.map((r) => ({
        name: `${r.init} m=${r.m}`,
        values: r.network ?? new Float64Array(theta.length).fill(Number.NaN),
      })),
    ],
  };

  const svg = (): string => {
    const title = request
      ? `Training ${kernelLabel(request.kernel, Math.max(0, state.kernels.indexOf(request.kernel)))} networks on the circle`
      : 'Training';
    const shown = runs.filter((r) => r.init === state.init);
    const size = Math.max(1, ...points.map((p) => Math.abs(p.value)));
    const functions = renderChart(
      {
        title: `${INIT_LABEL[state.init]} networks after ${state.steps} steps and the linearized network`,
        subtitle: view
          ? `gradient descent from f = (f_a − f_b)/√2 ≡ 0, η = eta·2/λ_max = ${figureText(view.step, 3)}`
          : NO_NTK,
        xLabel: 'angle θ on the circle (degrees)',
        yLabel: 'f(θ)',
        xScale: 'linear',
        yScale: 'linear',
        xDomain: [0, 360],
        yDomain: [-1.6 * size, 1.6 * size],
        yNice: false,
        series: [
          ...shown.map((r, j) => ({
            label: `m = ${r.m}`,
            detail: r.status === 'trained' ? `distance ${figureText(r.distance ?? 0, 3)}` : statusDetail(r),
            colour: colourOf(j),
            x: degrees,
            y: r.network ?? [],
          })),
          ...(view
            ? [
                {
                  label: 'linearized network (kernel)',
                  colour: REFERENCE_COLOUR,
                  x: degrees,
                  y: view.kernelFlow,
                  dash: DASHED,
                },
              ]
            : []),
          {
            label: `data (${points.length} points)`,
            colour: '#1b1f24',
            x: points.map((p) => p.angle),
            y: points.map((p) => p.value),
            marks: 'rings',
          },
        ],
        link: links.shown,
      },
      0,
      'plot',
    );
    const steps = Array.from({ length: state.steps + 1 }, (_, k) => k);
    const floor = (view?.initialLoss ?? 0) * LOSS_FLOOR;
    // as on screen: a converged loss is drawn at the floor
    const withStart = (loss: Float64Array) => [view?.initialLoss ?? 0, ...Array.from(loss, (l) => Math.max(l, floor))];
    const ends = widths.length > 1 ? [widths[0], widths[widths.length - 1]] : widths;
    const lossSeries: SvgSeries[] = runs
      .filter((r) => ends.includes(r.m))
      .map((r) => ({
        label: `${INIT_LABEL[r.init]}, m = ${r.m}`,
        detail: r.status === 'trained' ? undefined : statusDetail(r),
        colour: colourOf((r.init === 'orthogonal' ? 1 : 0) + (r.m === ends[0] && ends.length > 1 ? 0 : 2)),
        dash: r.init === 'orthogonal' ? DASHED : undefined,
        x: steps,
        y: withStart(r.loss),
      }));
    if (view)
      lossSeries.push({
        label: 'linearized network (kernel)',
        colour: REFERENCE_COLOUR,
        x: steps,
        y: withStart(view.kernelLoss),
      });
    const loss = renderChart(
      {
        title: 'Training loss against the step',
        subtitle:
          'smallest and largest width, both initializations; losses below 10⁻¹² of the initial loss drawn at that floor',
        xLabel: 'gradient step k',
        yLabel: 'loss ½Σ(f − y)²',
        xScale: 'linear',
        yScale: 'log',
        xDomain: [0, state.steps],
        series: lossSeries,
        link: links.shown,
      },
      functions.height,
      'plot-2',
    );
    const widthChart = (quantity: 'distance' | 'kernelChange', top: number, id: string) =>
      renderChart(
        {
          title:
            quantity === 'distance'
              ? 'Distance to the linearized network against width'
              : 'Relative change of the empirical NTK against width',
          xLabel: 'width m',
          yLabel: quantity === 'distance' ? 'RMS_θ (network − linearized)' : '‖Θ_t − Θ₀‖_F / ‖Θ₀‖_F',
          xScale: 'log',
          yScale: 'log',
          xDomain: [widths[0] / 1.5, widths[widths.length - 1] * 1.5],
          series: INITS.map((init, i) => {
            const slope = view?.slopes.find((s) => s.init === init)?.[quantity] ?? null;
            return {
              label: INIT_LABEL[init],
              detail: slope === null ? undefined : `fitted slope ${figureText(slope, 2)}`,
              colour: colourOf(i),
              marks: 'line+dots' as const,
              x: widths,
              y: widths.map((m) => runs.find((r) => r.init === init && r.m === m)?.[quantity] ?? Number.NaN),
            };
          }),
          notes: ['lazy training: both shrink like m^−1/2 as m → ∞'],
          link: links.shown,
        },
        top,
        id,
      );
    const distance = widthChart('distance', functions.height + loss.height, 'plot-3');
    const change = widthChart('kernelChange', functions.height + loss.height + distance.height, 'plot-4');
    return svgDocument(WIDTH, functions.height + loss.height + distance.height + change.height + 10, title, [
      ...functions.markup,
      ...loss.markup,
      ...distance.markup,
      ...change.markup,
    ]);
  };
  return { json, csv, svg };
}

function statusDetail(r: { status: string; divergedAt: number | null }): string {
  return r.status === 'diverged' ? `diverged at step ${r.divergedAt}` : 'skipped: too large to train';
}
