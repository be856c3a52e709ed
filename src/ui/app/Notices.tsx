import { useStore } from '../../state/store';

/** The one place where repair notices and errors appear. Link text is rendered as text, never as HTML. */
export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismiss);
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <p className="notice-title">{n.title}</p>
          {n.lines.length > 0 && (
            <ul>
              {n.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <div className="notice-actions">
            {n.action && (
              <button
                type="button"
                onClick={() => {
                  dismiss(n.id);
                  n.action!.run();
                }}
              >
                {n.action.label}
              </button>
            )}
            <button type="button" onClick={() => dismiss(n.id)} aria-label={`Dismiss: ${n.title}`}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
