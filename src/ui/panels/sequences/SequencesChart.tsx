/**
 * The sequences, end-aligned as the recurrent NTK compares them (x = steps relative to the last, 0 = last), the
 * chosen one thicker. "Draw" turns the plot into a pad: a pointer stroke sets the chosen sequence's values at
 * the steps it crosses (editing.ts `drawStroke`); the link follows the stroke and the stroke's end is one
 * history entry.
 */
import { memo, useMemo, useRef, useState, type PointerEvent } from 'react';
import { SEQUENCE_LIMITS } from '../../../core/rntk/presets';
import { seriesColour } from '../../../figure/palette';
import { useStore } from '../../../state/store';
import { LineChart, type Curve, type Frame, type Scales } from '../../charts/LineChart';
import { formatReadout } from '../../charts/format';
import { pointerInSvg } from '../../charts/pointer';
import { drawStroke, replaceSequence } from './editing';
import { sequenceName } from './SequenceEditor';

export const SequencesChart = memo(function SequencesChart({
  sequences,
  chosen,
}: {
  sequences: number[][];
  chosen: number;
}) {
  const c = chosen - 1;
  const [drawing, setDrawing] = useState(false);
  // the chosen sequence as drawn so far, shown at once (the link and the kernels follow from the worker)
  const [stroke, setStroke] = useState<number[] | null>(null);
  const last = useRef<{ step: number; value: number } | null>(null);
  const shown = useMemo(
    () => (stroke ? sequences.map((x, i) => (i === c ? stroke : x)) : sequences),
    [sequences, stroke, c],
  );
  const longest = Math.max(...shown.map((x) => x.length));
  const xs = useMemo(() => Array.from({ length: longest }, (_, i) => i - (longest - 1)), [longest]);
  const curves = useMemo<Curve[]>(
    () =>
      shown.map((x, i) => ({
        id: i + 1,
        label: `${sequenceName(i + 1, x.length)}${i === c ? ' (chosen)' : ''}`,
        colour: seriesColour(i),
        emphasis: i === c,
        // the palette has eight colours: the second eight sequences are dashed (as in the figure)
        dashed: i >= 8,
        // step t (1-based) of a sequence of length T sits at t − T
        values: xs.map((at) => (at + x.length - 1 >= 0 ? x[at + x.length - 1] : Number.NaN)),
      })),
    [shown, xs, c],
  );
  // a fixed, symmetric value range: a stroke cannot move it while it is drawn
  const bound = Math.max(1.2, Math.ceil(Math.max(...sequences.flat().map(Math.abs)) * 1.1 * 10) / 10);
  const T = sequences[c].length;

  const pad = ({ x, y }: Scales, frame: Frame) => {
    const at = (e: PointerEvent<SVGRectElement>) => {
      const [px, py] = pointerInSvg(e);
      // position relative to the last step → 0-based step of the chosen sequence
      return { step: x.invert(px) + T - 1, value: y.invert(py) };
    };
    const move = (e: PointerEvent<SVGRectElement>, commit: boolean) => {
      const point = at(e);
      const next = drawStroke(stroke ?? sequences[c], last.current, point, Math.min(bound, SEQUENCE_LIMITS.value));
      last.current = point;
      setStroke(next);
      useStore.getState().setGlobal('seqs', replaceSequence(sequences, c, [next]), commit);
      if (commit) {
        last.current = null;
        setStroke(null);
      }
    };
    const finish = () => {
      if (last.current === null) return;
      last.current = null;
      if (stroke) useStore.getState().setGlobal('seqs', replaceSequence(sequences, c, [stroke]), true);
      setStroke(null);
    };
    return (
      <rect
        className="draw-pad"
        data-testid="sequences-draw-pad"
        x={frame.left}
        y={frame.top}
        width={Math.max(0, frame.right - frame.left)}
        height={Math.max(0, frame.bottom - frame.top)}
        onPointerDown={(e) => {
          try {
            e.currentTarget.setPointerCapture(e.pointerId);
          } catch {
            // a pointer the browser does not track (synthetic events): draw without capture
          }
          last.current = null;
          move(e, false);
        }}
        onPointerMove={(e) => {
          if (last.current !== null) move(e, false);
        }}
        onPointerUp={(e) => {
          if (last.current !== null) move(e, true);
        }}
        // a stroke the browser takes away (a scroll gesture, a lost capture) ends where it was: one history entry
        onPointerCancel={finish}
        onLostPointerCapture={finish}
      />
    );
  };

  return (
    <figure className="sequences-chart">
      <figcaption>
        The sequences, aligned at their last step{' '}
        <button
          type="button"
          className="draw-toggle"
          aria-pressed={drawing}
          onClick={() => setDrawing((d) => !d)}
          title="Drag over the chart to set the chosen sequence's values"
        >
          {drawing ? 'Stop drawing' : `Draw ${sequenceName(chosen, T).split(' ')[0]}`}
        </button>
      </figcaption>
      <LineChart
        xs={xs}
        curves={curves}
        xDomain={[xs[0], 0]}
        yDomain={[-bound, bound]}
        x={{ label: 'step relative to the last (0 = last)' }}
        y={{ label: 'value x_t' }}
        readoutTitle={(i) => `step ${xs[i]} (relative to the last)`}
        readoutLines={(i) =>
          curves
            .filter((curve) => Number.isFinite(curve.values[i]))
            .map((curve) => <div key={curve.id}>{`${curve.label}: ${formatReadout(curve.values[i])}`}</div>)
        }
        summary={`${sequences.length} scalar sequences of ${sequences.map((x) => x.length).join(', ')} steps, aligned at their last step; the chosen one is ${sequenceName(chosen, T)}.`}
        testId="sequences-chart"
        height={240}
        overlay={drawing ? pad : undefined}
        hint={
          drawing
            ? `Drag over the chart to draw ${sequenceName(chosen, T)}; with a keyboard, type its numbers in the field above.`
            : undefined
        }
      />
    </figure>
  );
});
