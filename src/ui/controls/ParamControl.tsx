/**
 * One parameter (a row of the kernel registry or of the link's global table) as a labelled control:
 * a slider plus a numeric field for numbers, a checkbox for 0/1 switches, a select for words and for a
 * number with a discrete set of allowed values (`NumberParam.allowed`: a native select is reached with Tab,
 * changed with the arrow keys and announced with its label, value and help by screen readers).
 * Typed values go through the link's own validation (`coerceParam`), so a field clamps exactly as a link
 * would and says so.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { NumberParam, ParamSpec, ParamValue } from '../../core/kernels/registry';
import { formatValue } from '../../core/kernels/registry';
import { coerceParam } from '../../link';
import { integerArrow, sliderModel, sliderNeighbours } from './sliderModel';
import { FieldNotes, useDraftField } from './useDraftField';
import './controls.css';

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  /** commit = false while a slider is being dragged (the address is replaced, not pushed) */
  onChange(value: ParamValue, commit: boolean): void;
  onCommit(): void;
  /** prefix that makes ids and labels unique, e.g. "kernel 2" */
  context: string;
  /**
   * While the slider has focus: the values one arrow-key step either side of the current one, so that a
   * view can have them computed in advance and redraw a key press in the same frame (docs/performance.md).
   */
  onNeighbours?(values: number[]): void;
}

export function ParamControl({ spec, value, onChange, onCommit, context, onNeighbours }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  if (spec.kind === 'choice' || spec.allowed !== undefined) {
    return (
      <SelectControl spec={spec} value={value} onChange={onChange} context={context} onNeighbours={onNeighbours} />
    );
  }
  if (spec.toggle) {
    return (
      <div className="param param-toggle">
        <input
          id={id}
          type="checkbox"
          checked={value === 1}
          aria-describedby={helpId}
          onChange={(e) => onChange(e.target.checked ? 1 : 0, true)}
        />
        <label htmlFor={id}>{spec.label}</label>
        <small id={helpId} className="help">
          {spec.help}
        </small>
      </div>
    );
  }
  return (
    <NumberControl
      spec={spec}
      value={value as number}
      onChange={onChange}
      onCommit={onCommit}
      context={context}
      onNeighbours={onNeighbours}
    />
  );
}

/**
 * A choice among words, or among a discrete parameter's allowed numbers (`NumberParam.allowed`): a select,
 * committed on every change. For numbers, the values an arrow key selects next are reported while the
 * select has focus (computed in advance, like a slider's neighbours).
 */
function SelectControl({
  spec,
  value,
  onChange,
  context,
  onNeighbours,
}: Pick<Props, 'spec' | 'value' | 'onChange' | 'context' | 'onNeighbours'>) {
  const id = useId();
  const helpId = `${id}-help`;
  const discrete = spec.kind === 'number' ? spec : null;
  const options =
    spec.kind === 'choice'
      ? spec.options
      : (spec.allowed ?? []).map((v) => ({ value: String(v), label: formatValue(v) }));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (focused && discrete) onNeighbours?.(sliderNeighbours(discrete, value as number));
  }, [focused, value, discrete, onNeighbours]);
  return (
    <div className="param">
      <label htmlFor={id}>{spec.label}</label>
      <select
        id={id}
        value={String(value)}
        aria-label={`${spec.label}, ${context}`}
        aria-describedby={helpId}
        onChange={(e) => onChange(discrete ? Number(e.target.value) : e.target.value, true)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <small id={helpId} className="help">
        {spec.help}
      </small>
    </div>
  );
}

/** Arrow keys of a range input and the way each moves its value (up and right are up, as the browser has it). */
const ARROW_DIRECTION: Record<string, -1 | 1 | undefined> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
};

function NumberControl({
  spec,
  value,
  onChange,
  onCommit,
  context,
  onNeighbours,
}: Props & { spec: NumberParam; value: number }) {
  const id = useId();
  const model = sliderModel(spec);
  // neighbours are for arrow keys: not reported while the pointer drags the slider past them
  const [focused, setFocused] = useState(false);
  const dragging = useRef(false);
  const reportNeighbours = () => onNeighbours?.(sliderNeighbours(spec, value));
  useEffect(() => {
    if (focused && !dragging.current) onNeighbours?.(sliderNeighbours(spec, value));
  }, [focused, value, spec, onNeighbours]);
  const { inputProps, message, clearMessage } = useDraftField(
    String(value),
    (draft) => coerceParam(spec, draft),
    (v) => onChange(v, true),
  );

  const range = `${formatValue(spec.min)}–${formatValue(spec.max)}`;
  return (
    <div className="param">
      <label htmlFor={`${id}-field`}>
        {spec.label} <span className="range">({range})</span>
      </label>
      <div className="param-inputs">
        <input
          type="range"
          aria-label={`${spec.label}, ${context} (slider)`}
          aria-describedby={`${id}-help`}
          aria-valuetext={formatValue(value)}
          min={model.min}
          max={model.max}
          step={model.step}
          value={model.toSlider(Math.min(spec.max, Math.max(spec.min, value)))}
          onChange={(e) => {
            const position = Number(e.target.value);
            let v = model.fromSlider(position);
            // an increment that is neither a drag nor a key (a screen reader's swipe calls stepUp/stepDown)
            // moves an integer by 1, where one slider step is finer than a value and would round back
            const at = model.toSlider(value);
            if (spec.integer && !dragging.current && v === value && position !== at)
              v = integerArrow(spec, value, position > at ? 1 : -1);
            clearMessage();
            if (v !== value) onChange(Math.min(spec.max, Math.max(spec.min, v)), false);
          }}
          onPointerDown={() => (dragging.current = true)}
          onPointerCancel={() => (dragging.current = false)}
          onLostPointerCapture={() => (dragging.current = false)}
          onPointerUp={() => {
            dragging.current = false;
            onCommit();
            reportNeighbours();
          }}
          onKeyDown={(e) => {
            dragging.current = false;
            const dir = spec.integer ? ARROW_DIRECTION[e.key] : undefined;
            if (dir === undefined) return;
            // an integer moves by exactly 1 (the slider's own step is finer or coarser on a non-linear scale)
            e.preventDefault();
            const v = integerArrow(spec, value, dir);
            clearMessage();
            if (v !== value) onChange(v, false);
          }}
          onKeyUp={onCommit}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            onCommit();
          }}
        />
        <input
          id={`${id}-field`}
          className="number"
          type="text"
          inputMode="decimal"
          aria-describedby={`${id}-help ${id}-msg`}
          {...inputProps}
        />
      </div>
      <FieldNotes id={id} help={spec.help} message={message} />
    </div>
  );
}
