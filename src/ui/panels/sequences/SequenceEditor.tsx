/**
 * The sequences' controls: a preset (or "your own"), the chosen sequence, its numbers as a text field
 * (committed on Enter or blur, read by the link's own `seqs` rule, which says what it repaired), and adding or
 * removing a sequence. Drawing is on the sequences chart.
 */
import { useId } from 'react';
import { SEQUENCE_LIMITS, SEQUENCE_PRESETS, sequencePreset } from '../../../core/rntk/presets';
import { GLOBAL_PARAMS, coerceParam, formatLinkNumber, readSequences } from '../../../link';
import { useStore } from '../../../state/store';
import { FieldNotes, useDraftField } from '../../controls/useDraftField';
import { addSequence, removeSequence, replaceSequence } from './editing';

const seqsSpec = GLOBAL_PARAMS.find((p) => p.key === 'seqs')!;

export const sequenceName = (i: number, T: number) => `x${subscript(i)} (${T} step${T === 1 ? '' : 's'})`;

const subscript = (i: number) => String(i).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]);

export function SequenceEditor({ sequences, chosen }: { sequences: number[][]; chosen: number }) {
  const id = useId();
  const seqs = useStore((s) => s.seqs);
  const { setGlobal, setGlobals } = useStore.getState();
  const c = chosen - 1;
  const numbers = sequences[c].map(formatLinkNumber).join(',');
  const name = `x${subscript(chosen)}`;
  const { inputProps, message } = useDraftField(
    numbers,
    (draft) => {
      // a `;` splits the text into several sequences, inserted in the chosen one's place
      const read = coerceParam(seqsSpec, draft);
      // the rule numbers the field's own sequences: the first (or only) one is the chosen sequence
      const several = draft.includes(';');
      const repair = read.repair?.replace(/sequence (\d+)/g, (_, k) => (several ? `${name} part ${k}` : name));
      if (read.value === '' || draft.trim() === '')
        return {
          value: numbers,
          repair: [repair, 'no number given; the sequence is unchanged'].filter(Boolean).join('; '),
        };
      return { value: read.value, repair };
    },
    (v) => setGlobal('seqs', replaceSequence(sequences, c, readSequences(String(v), useStore.getState().seed))),
  );
  const preset = sequencePreset(seqs);
  return (
    <div className="sequence-editor">
      <div className="param">
        <label htmlFor={`${id}-preset`}>sequences</label>
        <select id={`${id}-preset`} value={preset ? seqs : ''} onChange={(e) => setGlobal('seqs', e.target.value)}>
          {SEQUENCE_PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}: {p.label}
            </option>
          ))}
          {!preset && (
            <option value="" disabled>
              your own ({sequences.length} sequence{sequences.length === 1 ? '' : 's'})
            </option>
          )}
        </select>
      </div>
      <div className="param">
        <label htmlFor={`${id}-chosen`}>chosen sequence</label>
        <select id={`${id}-chosen`} value={chosen} onChange={(e) => setGlobal('seq', Number(e.target.value))}>
          {sequences.map((x, i) => (
            <option key={`${i}-${x.length}`} value={i + 1}>
              {sequenceName(i + 1, x.length)}
            </option>
          ))}
        </select>
      </div>
      <div className="param list-field sequence-numbers">
        <label htmlFor={id}>numbers of {sequenceName(chosen, sequences[c].length)}</label>
        <input id={id} type="text" aria-describedby={`${id}-help ${id}-msg`} {...inputProps} />
        <FieldNotes
          id={id}
          help={`Comma-separated, 1–${SEQUENCE_LIMITS.steps} values within ±${SEQUENCE_LIMITS.value}; Enter applies.`}
          message={message}
        />
      </div>
      <div className="sequence-buttons">
        <button
          type="button"
          disabled={sequences.length >= SEQUENCE_LIMITS.sequences}
          onClick={() => setGlobals({ seqs: addSequence(sequences), seq: sequences.length + 1 })}
        >
          Add a sequence
        </button>
        <button
          type="button"
          disabled={sequences.length <= 1}
          onClick={() => setGlobal('seqs', removeSequence(sequences, c))}
        >
          Remove {`x${subscript(chosen)}`}
        </button>
      </div>
    </div>
  );
}
