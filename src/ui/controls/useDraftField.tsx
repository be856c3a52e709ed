/**
 * A text field edited as a draft and committed on Enter or blur (Escape restores the value): the draft is
 * read by the link's own rule (`read`, e.g. coerceParam), so a field repairs exactly as a link would and
 * says why in `message`.
 */
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { ParamValue } from '../../core/kernels/registry';
import type { Coerced } from '../../link';

export function useDraftField(value: string, read: (draft: string) => Coerced, onCommit: (value: ParamValue) => void) {
  const [draft, setDraft] = useState(value);
  const [message, setMessage] = useState('');
  // a new value from outside replaces the draft in this same render (not in an effect and a second render)
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft.trim() === value) return;
    const { value: v, repair } = read(draft);
    setMessage(repair ?? '');
    setDraft(String(v));
    if (String(v) !== value) onCommit(v);
  };
  const inputProps = {
    value: draft,
    spellCheck: false,
    'aria-invalid': message !== '' || undefined,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') commit();
      if (e.key === 'Escape') setDraft(value);
    },
  };
  return { inputProps, message, clearMessage: () => setMessage('') };
}

/** The help line and the repair message under a draft field (ids `${id}-help`, `${id}-msg`, as aria-describedby names them). */
export function FieldNotes({ id, help, message }: { id: string; help: string; message: string }) {
  return (
    <>
      <small id={`${id}-help`} className="help">
        {help}
      </small>
      <small id={`${id}-msg`} className="field-message" role="status">
        {message}
      </small>
    </>
  );
}
