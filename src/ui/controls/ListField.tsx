/**
 * A list-valued link parameter (`pts`, `harm`) as a labelled text field: committed on Enter or blur,
 * read by the link's own rule and the row's check (so a field repairs exactly as a link would, and says so).
 */
import { useId } from 'react';
import { GLOBAL_PARAMS, coerceGlobal, type GlobalKey } from '../../link';
import { linkStateOf, useStore } from '../../state/store';
import { FieldNotes, useDraftField } from './useDraftField';
import './controls.css';

interface Props {
  name: GlobalKey & ('pts' | 'harm' | 'data' | 'widths');
  value: string;
  onCommit(value: string): void;
  placeholder?: string;
}

export function ListField({ name, value, onCommit, placeholder }: Props) {
  const id = useId();
  const spec = GLOBAL_PARAMS.find((p) => p.key === name)!;
  const { inputProps, message } = useDraftField(
    value,
    (draft) => coerceGlobal(spec, draft, linkStateOf(useStore.getState())),
    (v) => onCommit(String(v)),
  );
  return (
    <div className="param list-field">
      <label htmlFor={id}>{spec.label}</label>
      <input id={id} type="text" placeholder={placeholder} aria-describedby={`${id}-help ${id}-msg`} {...inputProps} />
      <FieldNotes id={id} help={spec.help} message={message} />
    </div>
  );
}
