/**
 * The help dialog (README "References and glossary"): the glossary and the references, each entry with an
 * anchor. A term link in a story, the theorem card or a panel note opens it at that term's entry; the
 * header's button opens it at the top. A modal <dialog>: focus moves into it, Escape or Close closes it and
 * focus returns to what opened it.
 */
import { useEffect, useRef } from 'react';
import { GLOSSARY, TERM_IDS, termAnchor } from '../../glossary';
import { REFERENCE_IDS, REFERENCES, type Reference, referenceAnchor } from '../../references';
import { useHelp } from './helpStore';
import { LinkedText } from './LinkedText';
import './help.css';

const GLOSSARY_SECTION = 'help-glossary';
const REFERENCES_SECTION = 'help-references';

/** The header's entry point. */
export function HelpMenu() {
  const openHelp = useHelp((s) => s.openHelp);
  return (
    <button type="button" aria-haspopup="dialog" onClick={() => openHelp(GLOSSARY_SECTION)}>
      Glossary &amp; references
    </button>
  );
}

/** The dialog, mounted once by the app in every mode (embed mode has no header, but its notes have terms). */
export function HelpDialog() {
  const entry = useHelp((s) => s.entry);
  const { openHelp, closeHelp } = useHelp.getState();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (entry === null) {
      if (el.open) el.close();
      return;
    }
    if (!el.open) el.showModal();
    const target = el.querySelector<HTMLElement>(`#${CSS.escape(entry)}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [entry]);
  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title" onClose={closeHelp} data-testid="help">
      <div className="help-head">
        <h2 id="help-title">Glossary and references</h2>
        <button type="button" onClick={() => openHelp(GLOSSARY_SECTION)}>
          Glossary
        </button>
        <button type="button" onClick={() => openHelp(REFERENCES_SECTION)}>
          References
        </button>
        <button type="button" className="help-close" onClick={closeHelp}>
          Close
        </button>
      </div>
      <section id={GLOSSARY_SECTION} tabIndex={-1} aria-labelledby="help-glossary-title">
        <h3 id="help-glossary-title">Glossary</h3>
        <dl>
          {TERM_IDS.map((id) => (
            <div key={id} id={termAnchor(id)} tabIndex={-1} className="help-entry">
              <dt>{GLOSSARY[id].term}</dt>
              <dd>
                {/* a definition links other terms, not its own */}
                <LinkedText text={GLOSSARY[id].definition} seen={new Set([id])} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section id={REFERENCES_SECTION} tabIndex={-1} aria-labelledby="help-references-title">
        <h3 id="help-references-title">References</h3>
        <ol className="help-references">
          {REFERENCE_IDS.map((id) => (
            <li key={id} id={referenceAnchor(id)} tabIndex={-1} className="help-entry">
              <ReferenceItem reference={REFERENCES[id]} />
            </li>
          ))}
        </ol>
      </section>
    </dialog>
  );
}

function ReferenceItem({ reference: r }: { reference: Reference }) {
  return (
    <>
      {r.authors} ({r.year}).{' '}
      <a href={r.url} target="_blank" rel="noreferrer">
        {r.title}
      </a>
      . {r.venue}.
      {r.proceedings && (
        <>
          {' '}
          <a href={r.proceedings} target="_blank" rel="noreferrer">
            Published version
          </a>
          .
        </>
      )}
    </>
  );
}
