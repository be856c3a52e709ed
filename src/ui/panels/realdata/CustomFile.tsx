/**
 * The user's own data (docs/realdata.md "Your own data"): a CSV file chosen or dropped here is read in the
 * compute worker (src/core/realdata/csv.ts); it never leaves the browser. Its notices and refusals go to
 * the notice area; the link keeps its name, the label column and the seed of the split.
 */
import { useEffect, useId, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../../state/store';
import { callWorker } from '../../../workerClient/client';
import { ParamControl } from '../../controls/ParamControl';
import { csvHeader } from '../../../core/realdata/csv';
import { controlSpec, fileNameText } from '../../../link';
import { useRealdataRun } from './realdataRun';

/** The text of the last file chosen: kept so that a new label column or seed re-reads it. */
let fileText: { name: string; text: string; hash: string } | null = null;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads the kept file with the link's label column and seed; a refusal becomes an error notice. */
async function readFile(label: number, seed: number): Promise<void> {
  if (!fileText) return;
  const { name, text, hash } = fileText;
  useRealdataRun.setState({ customStatus: { reading: true } });
  try {
    const read = await callWorker('function', (w) =>
      w.readCsv(text, { name, label: label === 0 ? undefined : label - 1, seed }),
    );
    useRealdataRun.setState({
      custom: { ...read, fileName: name, id: `custom:${hash}:${label}:${seed}` },
      customStatus: null,
    });
    if (read.notices.length > 0) useStore.getState().notify('info', `Read ${name}.`, read.notices);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // the header is still offered: the usual fix is another label column
    useRealdataRun.setState({ custom: null, customStatus: { error: message, columns: csvHeader(text) } });
    useStore.getState().notify('error', `${name} cannot be used.`, [message]);
  }
}

export function CustomFile() {
  const id = useId();
  const { file, label, seed } = useStore(useShallow((s) => ({ file: s.file, label: s.label, seed: s.seed })));
  const { custom, customStatus } = useRealdataRun(
    useShallow((s) => ({ custom: s.custom, customStatus: s.customStatus })),
  );
  const [dragging, setDragging] = useState(false);

  // a new label column or seed re-reads the same file
  useEffect(() => {
    void readFile(label, seed);
  }, [label, seed]);

  const choose = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > 64 * 1024 * 1024) {
      useStore
        .getState()
        .notify('error', `${f.name} cannot be used.`, [
          'The file is larger than 64 MB; the limit is 5000 rows × 1000 columns.',
        ]);
      return;
    }
    const text = await f.text();
    fileText = { name: f.name, text, hash: await sha256(text) };
    if (useStore.getState().file !== fileNameText(f.name)) useStore.getState().setGlobal('file', fileNameText(f.name));
    await readFile(useStore.getState().label, useStore.getState().seed);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0]);
  };
  const columns = custom?.columns ?? (customStatus && 'columns' in customStatus ? customStatus.columns : []);
  const expected = file !== '' && (custom === null || fileNameText(custom.fileName) !== file) ? file : null;
  return (
    <div
      className={`custom-file${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>Your CSV file</label>
      <input id={id} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      <p className="help">
        Choose or drop a CSV file: a header row, numeric feature columns and a label column (the last unless you choose
        another). It stays in this browser.
        {expected && (
          <>
            {' '}
            <strong>This link was made with “{expected}”: choose that file to reproduce it.</strong>
          </>
        )}
      </p>
      {customStatus && 'reading' in customStatus && <p role="status">Reading the file…</p>}
      {custom && (
        <p role="status">
          {custom.fileName}: n = {custom.dataset.n} rows, d = {custom.dataset.d} features, {custom.dataset.classes}{' '}
          classes (label column “{custom.labelColumn}”).
        </p>
      )}
      <div className="panel-controls">
        {columns.length > 1 && (
          <div className="param">
            <label htmlFor={`${id}-label`}>label column</label>
            <select
              id={`${id}-label`}
              value={label === 0 || label > columns.length ? columns.length : label}
              onChange={(e) => {
                const column = Number(e.target.value);
                useStore.getState().setGlobal('label', column === columns.length ? 0 : column);
              }}
            >
              {columns.map((name, i) => (
                <option key={`${i}-${name}`} value={i + 1}>
                  {i + 1}. {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ParamControl
          spec={controlSpec('seed')}
          value={seed}
          context="real data, seed of the split"
          onChange={(v, c) => useStore.getState().setGlobal('seed', v as number, c)}
          onCommit={() => useStore.getState().commit()}
        />
      </div>
    </div>
  );
}
