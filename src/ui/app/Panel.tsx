/**
 * The frame every panel shares: a section labelled by its heading, the heading with the busy indicator
 * (shown after 300 ms of work, with a progress bar when the work reports one) and the export menu, and the
 * "What am I looking at?" explanation. The panel's own controls and charts are its children. A panel whose
 * body mounts only near the screen (off the sphere) composes PanelHead and PanelNote itself.
 */
import type { ReactNode, Ref } from 'react';
import { PanelExport } from '../export/PanelExport';
import { Linked } from '../help/LinkedText';
import type { PanelId } from './panels';
import './panel.css';

interface PanelHeadProps {
  id: PanelId;
  title: ReactNode;
  busy?: boolean;
  /** fraction done, shown as a progress bar while busy */
  progress?: number;
  progressLabel?: string;
}

export function PanelHead({ id, title, busy = false, progress, progressLabel }: PanelHeadProps) {
  return (
    <header className="panel-head">
      <h2 id={`${id}-heading`}>{title}</h2>
      {busy && (
        <span className="busy" role="status">
          Computing…
          {progress !== undefined && <progress max={1} value={progress} aria-label={progressLabel} />}
        </span>
      )}
      <PanelExport panel={id} />
    </header>
  );
}

interface PanelProps extends PanelHeadProps {
  /** the "What am I looking at?" text */
  note: ReactNode;
  className?: string;
  sectionRef?: Ref<HTMLElement>;
  /** wall time of the panel's last computation, for the bench (`data-compute-ms`) */
  computeMs?: number;
  children: ReactNode;
}

export function Panel({ note, className, sectionRef, computeMs, children, ...head }: PanelProps) {
  return (
    <section
      ref={sectionRef}
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={`${head.id}-heading`}
      data-panel={head.id}
      aria-busy={head.busy ?? false}
      data-compute-ms={computeMs}
    >
      <PanelHead {...head} />
      <PanelNote>{note}</PanelNote>
      {children}
    </section>
  );
}

/** The "What am I looking at?" explanation of a panel, its citations and glossary terms linked (src/linkText.ts). */
export function PanelNote({ children }: { children: ReactNode }) {
  return (
    <details className="panel-note">
      <summary>What am I looking at?</summary>
      <Linked>{children}</Linked>
    </details>
  );
}
