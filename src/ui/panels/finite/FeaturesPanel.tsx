/**
 * Random features (docs/finite.md §3, §5.2): how fast a random-feature estimate of the NTK's Gram matrix
 * approaches the exact one. For every NTK instance, ‖K̂ − K‖_F/‖K‖_F on random points of the sphere against
 * the number D of random directions (log–log), with the fitted slope (−½ expected) and a D^{−1/2} line, and
 * the time each estimate took beside the exact Gram matrix's. The work runs in its own worker lane, reports
 * progress and is stopped by a newer request.
 */
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kernelLabel, type KernelInstance } from '../../../core/kernels/registry';
import {
  featureNotes,
  referenceLine,
  type FeaturesRequest,
  type FeaturesResult,
  type FeaturesSeries,
} from '../../../core/views/featuresView';
import { seriesColour } from '../../../figure/palette';
import { useStore } from '../../../state/store';
import type { Timed } from '../../../workerClient/api';
import { callWorker } from '../../../workerClient/client';
import { laneProgress, useProgress } from '../../compute/progress';
import { Panel } from '../../app/Panel';
import { LineChart, type Curve } from '../../charts/LineChart';
import { formatReadout, formatSlope } from '../../charts/format';
import { unicodeMath } from '../../../figure/unicode';
import { computation, useComputation } from '../../compute/useComputation';
import { GlobalParam } from '../../controls/GlobalParam';
import './features.css';

type Result = FeaturesResult & Timed;

const progressSource = laneProgress('features', (worker, report) => worker.onFeaturesProgress(report));

// null: stopped in the worker by a newer request, whose own result follows
const featuresView = computation((req: FeaturesRequest) => callWorker('features', (w) => w.features(req)));

export function FeaturesPanel() {
  const { kernels, n, d, rf, seed } = useStore(
    useShallow((s) => ({ kernels: s.kernels, n: s.n, d: s.d, rf: s.rf, seed: s.seed })),
  );
  const req: FeaturesRequest = { kernels, n, d, rf, seed };
  const { ref, data, request, busy } = useComputation(featuresView, req, {
    failure: 'The random features could not be computed',
    onScreen: true,
    delayMs: 150,
  });
  const progress = useProgress(progressSource, JSON.stringify(req));
  return (
    <Panel
      id="features"
      title="Random features: the NTK from D random directions"
      busy={busy}
      progress={progress}
      progressLabel="Random features progress"
      sectionRef={ref}
      className="features"
      computeMs={data?.computeMs}
      note={
        <>
          Random features replace a kernel by an inner product of D-dimensional random maps: K̂(x, z) = ⟨ψ(x), ψ(z)⟩. For
          the one-hidden-layer NTK the arc-cosine features of D Gaussian directions, [φ₀(x) ⊗ x ; φ₁(x)], give the NTK
          exactly in expectation (Cho & Saul 2009); deeper NTKs follow the recursion layer by layer, with the tensor
          product compressed to D coordinates by a TensorSRHT sketch (Zandieh et al. 2021; Ahle et al. 2020). The chart
          shows the relative error ‖K̂ − K‖<sub>F</sub>/‖K‖<sub>F</sub> of the Gram matrix on random points of S
          <sup>d−1</sup> against D: an average of D independent terms, it falls like D<sup>−1/2</sup> (slope −½ in
          log–log). The table gives the time each estimate took beside the exact Gram matrix&apos;s.
        </>
      }
    >
      <FeaturesControls />
      {data && request ? (
        <FeaturesBody data={data} kernels={request.kernels} />
      ) : (
        <div className="chart-placeholder">Computing the random features…</div>
      )}
    </Panel>
  );
}

/** Memoized: it reads its own state, so a change elsewhere does not redraw it. */
const FeaturesControls = memo(function FeaturesControls() {
  return (
    <div className="panel-actions features-controls">
      <GlobalParam name="rf" context="random features" />
      <GlobalParam name="n" context="random features" />
      <GlobalParam name="seed" context="random features" />
    </div>
  );
});

const FeaturesBody = memo(function FeaturesBody({
  data,
  kernels,
}: {
  data: Result;
  kernels: readonly KernelInstance[];
}) {
  const notes = featureNotes(data, kernels);
  return (
    <>
      {notes.length > 0 && (
        <ul className="features-notes" data-testid="features-notes">
          {notes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {data.series.length > 0 ? (
        <>
          <ErrorChart data={data} kernels={kernels} />
          <FeaturesTable data={data} kernels={kernels} />
        </>
      ) : (
        <p className="comparison-none" data-testid="features-none">
          No NTK in the kernel list: random features are drawn here for NTK instances only. Add one (ReLU NTK) to see
          them.
        </p>
      )}
    </>
  );
});

const slopeText = (s: FeaturesSeries) => (s.slope === null ? 'no slope (one D)' : `slope ${formatSlope(s.slope)}`);

const ErrorChart = memo(function ErrorChart({ data, kernels }: { data: Result; kernels: readonly KernelInstance[] }) {
  const { dims } = data;
  const curves = useMemo<Curve[]>(() => {
    const own = data.series.map((s) => ({
      id: s.index,
      label: `${kernelLabel(kernels[s.index], s.index)} (${s.method}, ${slopeText(s)})`,
      colour: seriesColour(s.index),
      values: dims.map((D) => {
        const q = s.dims.indexOf(D);
        return q < 0 ? NaN : s.error[q];
      }),
    }));
    return [
      ...own,
      {
        id: 'reference',
        label: '1/√D (reference slope −½)',
        colour: 'var(--fg)',
        values: referenceLine(data.series[0], dims),
        reference: true,
      },
    ];
  }, [data, dims, kernels]);
  const values = curves.flatMap((c) => Array.from(c.values).filter((v) => v > 0 && Number.isFinite(v)));
  const yDomain: [number, number] = [Math.min(...values) / 1.5, Math.max(...values) * 1.5];
  const xDomain: [number, number] =
    dims.length > 1 ? [dims[0] / 1.2, dims[dims.length - 1] * 1.2] : [dims[0] / 2, dims[0] * 2];
  return (
    <LineChart
      xs={dims}
      curves={curves}
      xDomain={xDomain}
      yDomain={yDomain}
      x={{ label: 'random directions per layer D (log scale)', log: true }}
      y={{ label: 'relative Gram error ‖K̂ − K‖_F / ‖K‖_F', log: true }}
      readoutTitle={(i) => `D = ${dims[i]}`}
      summary={`Relative Gram error of the random-feature NTK on ${data.n} random points of the sphere S${unicodeMath(`^{${data.d - 1}}`)} against the number of random directions D, for ${data.series.length} NTK instances, with a 1/√D reference line.`}
      testId="features-chart"
      markers
      height={280}
      data={{ rf: String(dims[dims.length - 1]) }}
      overlay={({ x, y }) => (
        <g>
          {data.series.map((s) =>
            s.dims.map((D, q) => (
              <circle key={`${s.index}-${D}`} cx={x(D)} cy={y(s.error[q])} r={3} fill={seriesColour(s.index)} />
            )),
          )}
        </g>
      )}
    />
  );
});

function FeaturesTable({ data, kernels }: { data: Result; kernels: readonly KernelInstance[] }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Random features table (scrolls sideways)">
      <table className="numbers-table" data-testid="features-table">
        <caption>
          Relative Gram error and time of each estimate on {data.n} points of S<sup>{data.d - 1}</sup>; the exact Gram
          matrices took <span data-testid="features-exact-ms">{formatReadout(data.exactMs)}</span> ms
        </caption>
        <thead>
          <tr>
            <th scope="col">D</th>
            {data.series.map((s) => (
              <th key={s.index} scope="col">
                <span className="swatch" style={{ background: seriesColour(s.index) }} aria-hidden="true" />{' '}
                {kernelLabel(kernels[s.index], s.index)}
                <br />
                <small>
                  {s.method}, {slopeText(s)}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.dims.map((D) => (
            <tr key={D}>
              <th scope="row">{D}</th>
              {data.series.map((s) => {
                const q = s.dims.indexOf(D);
                return (
                  <td key={s.index}>
                    {q < 0 ? (
                      '—'
                    ) : (
                      <>
                        {formatReadout(100 * s.error[q])} %<br />
                        <small>{formatReadout(s.ms[q])} ms</small>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">exact</th>
            <td colSpan={Math.max(1, data.series.length)}>
              {formatReadout(data.exactMs)} ms (all {data.series.length} exact Gram matrices, one pass over the pairs)
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
