/**
 * A panel's export buttons: SVG, PNG (2×) and CSV, the same figures as `npm run -s figure` for the
 * current link (src/ui/export/exports.ts). A failure becomes an error notice.
 */
import { memo, useState } from 'react';
import { linkStateOf, useStore } from '../../state/store';
import { exportPanel, type ExportFormat } from './exports';
import { PANELS, type PanelId } from '../app/panels';
import './export.css';

const FORMATS: readonly { format: ExportFormat; label: string; what: string }[] = [
  { format: 'svg', label: 'SVG', what: 'as SVG' },
  { format: 'png', label: 'PNG', what: 'as PNG at 2× resolution' },
  { format: 'csv', label: 'CSV', what: 'data as CSV' },
];

/** Memoized: it reads its own state, so a change elsewhere (a kernel slider, a new result) does not redraw it. */
export const PanelExport = memo(function PanelExport({ panel }: { panel: PanelId }) {
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const name = PANELS.find((p) => p.id === panel)!.noun;
  const run = async (format: ExportFormat) => {
    if (pending !== null) return;
    setPending(format);
    try {
      await exportPanel(linkStateOf(useStore.getState()), panel, format);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      useStore
        .getState()
        .notify('error', `The ${name} panel could not be exported as ${format.toUpperCase()}.`, [reason]);
    } finally {
      setPending(null);
    }
  };
  return (
    <div className="panel-export" role="group" aria-label={`Download the ${name} panel`}>
      <span className="panel-export-label" aria-hidden="true">
        Download
      </span>
      {FORMATS.map(({ format, label, what }) => (
        <button
          key={format}
          type="button"
          aria-label={`Download the ${name} panel ${what}`}
          aria-busy={pending === format}
          // not `disabled`: a disabled button drops keyboard focus while the file is prepared
          aria-disabled={pending !== null}
          onClick={() => void run(format)}
        >
          {label}
        </button>
      ))}
    </div>
  );
});
