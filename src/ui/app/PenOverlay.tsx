/**
 * Presentation mode's pen (README "Presentation and embed"): with the pen on (the header's Pen button or
 * key P), strokes drawn with mouse, pen or finger appear on a transparent canvas over the panel, to point at
 * a curve. The drawing belongs to what is on screen, so any change of the view (another panel, a story
 * step, Back) clears it; Escape or P again puts the pen away and clears it too.
 */
import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '../../state/store';
import { isInputWidget } from './useKeyboardNavigation';
import './pen.css';

export function PenControl() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isInputWidget(e.target)) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      if (e.key === 'p' || e.key === 'P' || (e.key === 'Escape' && on)) {
        e.preventDefault();
        setOn(e.key !== 'Escape' && !on);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [on]);
  return (
    <>
      <button type="button" className="pen-toggle" aria-pressed={on} aria-keyshortcuts="P" onClick={() => setOn(!on)}>
        <span className="key-hint" aria-hidden="true">
          P
        </span>{' '}
        Pen
      </button>
      {on && <PenOverlay />}
    </>
  );
}

/** The canvas, placed in the panels' area (so it scrolls with them), sized to it. */
function PenOverlay() {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => setHost(document.querySelector<HTMLElement>('main.views')), []);
  return host && createPortal(<PenCanvas host={host} />, host);
}

type Stroke = { x: number; y: number }[];

function drawStrokes(c: HTMLCanvasElement | null, strokes: readonly Stroke[]): void {
  const ctx = c?.getContext('2d');
  if (!c || !ctx) return;
  const ratio = window.devicePixelRatio || 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, c.width, c.height);
  const style = getComputedStyle(c);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.beginPath();
    ctx.moveTo(stroke[0].x, stroke[0].y);
    // a tap draws a dot: a zero-length line has no caps
    if (stroke.length === 1) ctx.lineTo(stroke[0].x + 0.01, stroke[0].y);
    for (const p of stroke.slice(1)) ctx.lineTo(p.x, p.y);
    // a halo in the background colour keeps the ink visible where it crosses a curve of similar colour
    ctx.strokeStyle = style.getPropertyValue('--bg') || '#ffffff';
    ctx.lineWidth = 9;
    ctx.stroke();
    ctx.strokeStyle = style.color;
    ctx.lineWidth = 5;
    ctx.stroke();
  }
}

function PenCanvas({ host }: { host: HTMLElement }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const drawing = useRef(false);
  const [count, setCount] = useState(0);
  const view = useStore((s) => s.change.seq);

  // sized to the panels' area in device pixels; strokes are kept in CSS pixels and redrawn
  useLayoutEffect(() => {
    const fitToHost = () => {
      const c = canvas.current;
      if (!c) return;
      const ratio = window.devicePixelRatio || 1;
      c.width = Math.round(host.clientWidth * ratio);
      c.height = Math.round(host.clientHeight * ratio);
      drawStrokes(c, strokes.current);
    };
    const observer = new ResizeObserver(fitToHost);
    observer.observe(host);
    fitToHost();
    return () => observer.disconnect();
  }, [host]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `view` is the trigger: a new view clears the drawing
  useEffect(() => {
    strokes.current = [];
    drawing.current = false;
    setCount(0);
    drawStrokes(canvas.current, []);
  }, [view]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => ({ x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY });
  return (
    <canvas
      ref={canvas}
      className="pen-overlay"
      aria-hidden="true"
      data-strokes={count}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = true;
        strokes.current.push([point(e)]);
        drawStrokes(e.currentTarget, strokes.current);
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        strokes.current.at(-1)?.push(point(e));
        drawStrokes(e.currentTarget, strokes.current);
      }}
      onPointerUp={() => {
        drawing.current = false;
        setCount(strokes.current.length);
      }}
      onPointerCancel={() => {
        drawing.current = false;
        setCount(strokes.current.length);
      }}
    />
  );
}
