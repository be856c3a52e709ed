/**
 * A list-valued link parameter (`pts`, `harm`) as a labelled text field: committed on Enter or blur,
 * read by the link's own rule (so a field repairs exactly as a link would, and says so).
 */
import { useEffect, useId, useState } from 'react';
import { GLOBAL_PARAMS, coerceParam, type GlobalKey } from '../link';

interface Props {
  name: GlobalKey & ('pts' | 'harm');
  value: string;
  onCommit(value: string): void;
  placeholder?: string;
}

export function ListField({ name, value, onCommit, placeholder }: Props) {
  const id = useId();
  const spec = GLOBAL_PARAMS.find((p) => p.key === name)!;
  const [draft, setDraft] = useState(value);
  const [message, setMessage] = useState('');
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === value) return;
    const { value: v, repair } = coerceParam(spec, draft);
    setMessage(repair ?? '');
    setDraft(String(v));
    if (v !== value) onCommit(String(v));
  };
  return (
    <div className="param list-field">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        value={draft}
        placeholder={placeholder}
        aria-describedby={`${id}-help ${id}-msg`}
        aria-invalid={message !== '' || undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
      <small id={`${id}-help`} className="help">
        {spec.help}
      </small>
      <small id={`${id}-msg`} className="field-message" role="status">
        {message}
      </small>
    </div>
  );
}
