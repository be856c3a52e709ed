/**
 * How the recurrent NTK weights time: |∂K(x, x)/∂x_t| of the chosen sequence against the steps before the end
 * (log scale), with the geometric envelope χʲ drawn through its highest point, and the sentence saying whether
 * σ_w is below, at or above the critical value (sequencesText.ts). Steps where the derivative is exactly 0 (a
 * value of 0 under ReLU) leave a gap.
 */
import { memo, useMemo } from 'react';
import type { Activation } from '../../../core/rntk/recursion';
import { memoryText } from '../../../core/views/sequencesText';
import { type SequencesResult, weightsDomain } from '../../../core/views/sequencesView';
import { seriesColour } from '../../../figure/palette';
import { LineChart, type Curve } from '../../charts/LineChart';
import { formatReadout } from '../../charts/format';
import { sequenceName } from './SequenceEditor';

export const TimeWeights = memo(function TimeWeights({
  data,
  act,
  sw,
}: {
  data: SequencesResult;
  /** the parameters `data` was computed with */
  act: Activation;
  sw: number;
}) {
  const weights = data.weights[0];
  const { chi } = data.memory;
  const T = weights.steps.length;
  const name = sequenceName(weights.sequence, T);
  const magnitude = useMemo(
    () => weights.sensitivity.map((v) => (Math.abs(v) > 0 && Number.isFinite(v) ? Math.abs(v) : Number.NaN)),
    [weights],
  );
  const curves = useMemo<Curve[]>(() => {
    const own: Curve = {
      id: weights.sequence,
      label: `|∂K(x, x)/∂xₜ| of ${name}`,
      colour: seriesColour(weights.sequence - 1),
      values: magnitude,
    };
    // the envelope A·(j + 2)·χʲ (ReLU: exact up to |x_t|, src/core/rntk/sensitivity.ts) or A·χʲ (erf) through the
    // highest point, in logs so that χʲ never underflows
    const linear = act === 'relu';
    const logShape = (j: number) => j * Math.log(chi) + (linear ? Math.log(j + 2) : 0);
    let logA = Number.NEGATIVE_INFINITY;
    magnitude.forEach((v, j) => {
      if (Number.isFinite(v)) logA = Math.max(logA, Math.log(v) - logShape(j));
    });
    if (!(chi > 0) || !Number.isFinite(logA)) return [own];
    return [
      own,
      {
        id: 'envelope',
        label: `${linear ? '(j + 2)·χʲ' : 'χʲ'} (χ = ${formatReadout(chi)} per step back), through the highest point`,
        colour: 'var(--fg)',
        values: weights.steps.map((j) => Math.exp(logA + logShape(j))),
        reference: true,
        dashed: true,
      },
    ];
  }, [weights, magnitude, chi, name, act]);
  const domain = weightsDomain(magnitude);
  return (
    <figure className="time-weights" data-testid="sequences-weights">
      <figcaption>How the kernel weights time</figcaption>
      <p className="memory-text" data-testid="sequences-memory" data-regime={data.memory.regime}>
        {memoryText(data.memory, act, sw)}
      </p>
      {domain ? (
        <LineChart
          xs={weights.steps}
          curves={curves}
          xDomain={[0, Math.max(1, T - 1)]}
          yDomain={domain}
          x={{ label: 'steps before the end (0 = last step)' }}
          y={{ label: '|∂K(x, x)/∂xₜ|', log: true }}
          readoutTitle={(i) => `${weights.steps[i]} step${weights.steps[i] === 1 ? '' : 's'} before the end`}
          readoutLines={(i) => <div>{`∂K(x, x)/∂xₜ = ${formatReadout(weights.sensitivity[i])}`}</div>}
          summary={`The sensitivity of K(x, x) to each step of ${name}, against the steps before the end, on a log scale: ${memoryText(data.memory, act, sw)}.`}
          testId="sequences-weights-chart"
          height={240}
        />
      ) : (
        <p className="comparison-none">
          K(x, x) does not depend on any step of {name} here (all its derivatives are 0: e.g. σ_u = 0).
        </p>
      )}
    </figure>
  );
});
