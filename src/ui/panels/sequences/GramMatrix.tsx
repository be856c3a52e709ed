/**
 * The recurrent NTK's Gram matrix K(x_i, x_j) of the sequences as a heatmap (canvas, one pixel per entry, with
 * SVG labels), its raw values on hover or under a keyboard cursor (arrow keys), the normalized value beside
 * them; a click or Enter makes the row's sequence the chosen one.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SequencesResult } from '../../../core/views/sequencesView';
import { colourPixels } from '../../../figure/colour';
import { useStore } from '../../../state/store';
import { ColourLegend } from '../../charts/Heatmap';
import { paintCanvas } from '../../charts/canvasImage';
import { formatReadout } from '../../charts/format';
import { useWidth } from '../../charts/useWidth';

const LABELS = 28;
/** The matrix's largest side, px: 16 rows of 30 px read well on a laptop and from the back of a room. */
const LARGEST = 520;

export const GramMatrix = memo(function GramMatrix({ data }: { data: SequencesResult }) {
  const { gram, sequences } = data;
  const n = sequences.length;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [ref, width] = useWidth<HTMLDivElement>();
  const [cell, setCell] = useState<[number, number] | null>(null);
  const side = Math.max(80, Math.min(width, LARGEST) - LABELS);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of gram) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  // a constant matrix (one sequence) still gets a colour range
  const [low, high] = hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  const domain: [number, number] = [low, high];

  useEffect(
    () => paintCanvas(canvas.current, n, n, (image) => image.data.set(colourPixels(gram, [low, high], 'sequential'))),
    [gram, n, low, high],
  );

  const size = side / n;
  const cellAt = (clientX: number, clientY: number, box: DOMRect): [number, number] => [
    Math.min(n - 1, Math.max(0, Math.floor(((clientY - box.top) / box.height) * n))),
    Math.min(n - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * n))),
  ];
  const choose = (row: number) => useStore.getState().setGlobal('seq', row + 1);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const [i, j] = cell ?? [data.chosen - 1, data.chosen - 1];
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (e.key === 'Enter') {
      e.preventDefault();
      choose(i);
      return;
    }
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    setCell([Math.min(n - 1, Math.max(0, i + m[0])), Math.min(n - 1, Math.max(0, j + m[1]))]);
  };
  const readout = cell && cell[0] < n && cell[1] < n ? cell : null;
  const normalizedAt = ([i, j]: [number, number]) => {
    const scale = Math.sqrt(gram[i * n + i]) * Math.sqrt(gram[j * n + j]);
    return scale > 0 ? formatReadout(gram[i * n + j] / scale) : '— (a diagonal entry is 0)';
  };
  return (
    <figure className="gram-matrix" ref={ref} data-testid="sequences-gram">
      <figcaption>Gram matrix K(xᵢ, xⱼ), raw (σ_v = 1)</figcaption>
      <div className="gram-box" style={{ width: side + LABELS, height: side + LABELS }}>
        <svg width={side + LABELS} height={side + LABELS} aria-hidden="true" className="gram-labels">
          {sequences.map((_, i) => (
            <g key={i}>
              <text x={LABELS - 4} y={LABELS + (i + 0.5) * size} textAnchor="end" dominantBaseline="middle">
                {i + 1}
              </text>
              <text x={LABELS + (i + 0.5) * size} y={LABELS - 6} textAnchor="middle">
                {i + 1}
              </text>
            </g>
          ))}
          <rect
            className="gram-chosen"
            x={LABELS}
            y={LABELS + (data.chosen - 1) * size}
            width={side}
            height={size}
            fill="none"
          />
          {readout && (
            <rect
              className="gram-cursor"
              x={LABELS + readout[1] * size}
              y={LABELS + readout[0] * size}
              width={size}
              height={size}
              fill="none"
            />
          )}
        </svg>
        <canvas ref={canvas} className="gram-image" style={{ left: LABELS, top: LABELS, width: side, height: side }} />
        <div
          className="gram-hit"
          role="group"
          tabIndex={0}
          aria-label={`Gram matrix of ${n} sequences: arrow keys move, Enter chooses the row's sequence`}
          style={{ left: LABELS, top: LABELS, width: side, height: side }}
          onPointerMove={(e) => setCell(cellAt(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect()))}
          onPointerLeave={() => setCell(null)}
          // the keyboard cursor starts on the chosen sequence's own entry, shown at once
          onFocus={() => setCell((at) => at ?? [data.chosen - 1, data.chosen - 1])}
          onBlur={() => setCell(null)}
          onClick={(e) => choose(cellAt(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect())[0])}
          onKeyDown={onKey}
        />
      </div>
      <div className="gram-readout" role="status" data-testid="sequences-gram-readout">
        {readout
          ? `K(x${readout[0] + 1}, x${readout[1] + 1}) = ${formatReadout(gram[readout[0] * n + readout[1]])}; normalized ${normalizedAt(readout)}`
          : 'Point at an entry (or focus the matrix and use the arrow keys) to read it; click a row to choose its sequence.'}
      </div>
      <ColourLegend domain={domain} scheme="sequential" width={side + LABELS} inset={LABELS} />
    </figure>
  );
});
