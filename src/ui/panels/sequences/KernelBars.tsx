/**
 * The chosen sequence against each: bars of the normalized recurrent NTK K(x_c, x_j)/√(K(x_c, x_c)K(x_j, x_j)),
 * and over them the finite RNNs' normalized empirical kernels, mean ± one standard deviation over the networks
 * (a dot and a whisker). A table below gives the raw values: analytic K and the networks' mean ± sd.
 */
import { scaleBand, scaleLinear } from 'd3';
import { memo } from 'react';
import { RNN_MAX_WIDTH, type SequencesFinite, type SequencesResult } from '../../../core/views/sequencesView';
import { seriesColour } from '../../../figure/palette';
import type { Timed } from '../../../workerClient/api';
import { Axis } from '../../charts/Axis';
import { formatReadout } from '../../charts/format';
import { useWidth } from '../../charts/useWidth';
import { sequenceName } from './SequenceEditor';

const MARGIN = { top: 10, right: 12, bottom: 40, left: 64 };
const HEIGHT = 240;

export const KernelBars = memo(function KernelBars({
  data,
  finite,
  finiteBusy,
}: {
  data: SequencesResult;
  /** with its wall time in the worker, for `npm run bench` (data-finite-ms) */
  finite: (SequencesFinite & Timed) | null;
  finiteBusy: boolean;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const { normalized, sequences, chosen, gram } = data;
  const n = sequences.length;
  const c = chosen - 1;
  const spans = normalized.flatMap((v, j) => {
    const f = finite?.normalized[j];
    return [v ?? 0, ...(f ? [f.mean - f.sd, f.mean + f.sd] : [])];
  });
  const y = scaleLinear()
    .domain([Math.min(0, ...spans), Math.max(1, ...spans)])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = scaleBand<number>()
    .domain(sequences.map((_, j) => j))
    .range([MARGIN.left, Math.max(MARGIN.left + 40, width - MARGIN.right)])
    .padding(0.25);
  const centre = (j: number) => (x(j) ?? 0) + x.bandwidth() / 2;
  const finiteText = finite
    ? `finite RNNs: width m = ${finite.m}${finite.m < finite.requestedM ? ` (of ${finite.requestedM} asked: at most ${RNN_MAX_WIDTH}, and one network within this view's work limit)` : ''}, ${finite.networks} network${finite.networks === 1 ? '' : 's'}${finite.networks < finite.requestedNetworks ? ` (of ${finite.requestedNetworks}: this view's work limit)` : ''}, mean ± sd`
    : finiteBusy
      ? 'finite RNNs: computing…'
      : 'finite RNNs: waiting for the controls to rest';
  return (
    <figure className="kernel-bars" ref={ref} data-testid="sequences-bars" data-finite-ms={finite?.computeMs}>
      <figcaption>Normalized kernel of {sequenceName(chosen, sequences[c].length)} against each sequence</figcaption>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`Normalized recurrent NTK of sequence ${chosen} against sequences 1 to ${n}: ${normalized.map((v, j) => `${j + 1}: ${v === null ? 'undefined' : formatReadout(v)}`).join(', ')}`}
      >
        <Axis
          scale={y}
          orient="left"
          at={MARGIN.left}
          ticks={5}
          grid={width - MARGIN.left - MARGIN.right}
          label="normalized K"
          labelOffset={52}
        />
        <line className="axis-line" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(0)} y2={y(0)} />
        {normalized.map((v, j) =>
          v === null ? (
            <text key={j} x={centre(j)} y={y(0) - 4} textAnchor="middle" className="tick-label">
              —
            </text>
          ) : (
            <rect
              key={j}
              data-testid="sequences-bar"
              x={x(j)}
              width={x.bandwidth()}
              y={Math.min(y(v), y(0))}
              height={Math.abs(y(v) - y(0))}
              fill={seriesColour(j)}
            >
              <title>{`${sequenceName(j + 1, sequences[j].length)}: ${formatReadout(v)}`}</title>
            </rect>
          ),
        )}
        {finite?.normalized.map((f, j) =>
          f === null ? null : (
            <g key={j} className="finite-whisker" data-testid="sequences-finite">
              <line x1={centre(j)} x2={centre(j)} y1={y(f.mean - f.sd)} y2={y(f.mean + f.sd)} />
              <circle cx={centre(j)} cy={y(f.mean)} r={4} />
            </g>
          ),
        )}
        {sequences.map((_, j) => (
          <text key={j} x={centre(j)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="tick-label">
            {j + 1}
          </text>
        ))}
        <text className="axis-label" x={(MARGIN.left + width - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">
          sequence
        </text>
      </svg>
      <p className="bars-legend">Bars: the recurrent NTK (infinite width). Dots and whiskers: {finiteText}.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Kernel values (scrolls sideways)">
        <table className="numbers-table" data-testid="sequences-table">
          <caption>K(x{chosen}, xⱼ), raw: the recursion and the finite RNNs</caption>
          <thead>
            <tr>
              <th scope="col">j</th>
              <th scope="col">steps</th>
              <th scope="col">K (recursion)</th>
              <th scope="col">finite RNNs, mean ± sd</th>
              <th scope="col">normalized</th>
            </tr>
          </thead>
          <tbody>
            {sequences.map((x, j) => {
              const f = finite?.raw[j];
              return (
                <tr key={j}>
                  <th scope="row">{j + 1}</th>
                  <td>{x.length}</td>
                  <td>{formatReadout(gram[c * n + j])}</td>
                  <td>{f ? `${formatReadout(f.mean)} ± ${formatReadout(f.sd)}` : '—'}</td>
                  <td>{normalized[j] === null ? '— (K(x, x) = 0)' : formatReadout(normalized[j])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
});
