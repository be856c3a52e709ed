/**
 * "Share with the room" (presentation mode; README "Share with the room"): a modal dialog with a QR code of
 * the view's absolute link, large enough to scan from the seats, and the link's short form; a link over
 * QR_MAX_CHARS characters is shown as text, with the reason. The native <dialog> keeps focus inside, closes
 * on Escape, and focus returns to the button that opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { currentUrl } from '../../state/urlSync';
import { CopyLink } from './CopyLink';
import { QR_MAX_CHARS, qrDrawing, readableLink } from './shareLink';
import './share.css';

export function ShareWithRoom() {
  const [link, setLink] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (link !== null && !dialog.current?.open) dialog.current?.showModal();
  }, [link]);
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="share-open"
        aria-label="Share with the room"
        aria-haspopup="dialog"
        onClick={() => setLink(currentUrl())}
      >
        Share
        <span className="share-open-more" aria-hidden="true">
          {' '}
          with the room
        </span>
      </button>
      {link !== null && (
        <dialog
          ref={dialog}
          className="share-dialog"
          aria-labelledby="share-title"
          onClose={() => {
            setLink(null);
            opener.current?.focus();
          }}
        >
          <ShareContent link={link} onClose={() => dialog.current?.close()} />
        </dialog>
      )}
    </>
  );
}

function ShareContent({ link, onClose }: { link: string; onClose(): void }) {
  const qr = qrDrawing(link);
  const linkId = useId();
  return (
    <>
      <h2 id="share-title">Open this view on your phone</h2>
      {qr ? (
        <>
          <svg
            className="share-qr"
            viewBox={`0 0 ${qr.size} ${qr.size}`}
            shapeRendering="crispEdges"
            role="img"
            aria-label={`QR code of the link ${link}`}
            data-testid="share-qr"
          >
            <rect width={qr.size} height={qr.size} fill="#ffffff" />
            <path d={qr.path} fill="#000000" />
          </svg>
          <p className="share-short">{readableLink(link)}</p>
        </>
      ) : (
        <>
          <p className="share-why">
            This link is {link.length} characters long. Above {QR_MAX_CHARS} characters a QR code gets too dense to scan
            from a seat (long links carry many regression points or data-set names), so here is the link as text:
          </p>
          <label htmlFor={linkId}>Link of this view</label>
          <textarea id={linkId} className="share-text" readOnly value={link} rows={6} />
          <CopyLink />
        </>
      )}
      <div className="share-actions">
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog moves focus into itself (WAI-ARIA dialog pattern) */}
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </>
  );
}
