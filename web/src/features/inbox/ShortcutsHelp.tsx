import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';

/** The "?" dialog: every inbox shortcut, in the user's language. Modal: focus stays inside until it closes. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus?.();
  }, []);

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="shortcuts-help"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            // One focusable control: keep the focus on it.
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id={titleId}>{t.shortcuts.title}</h2>
        <p className="muted">{t.shortcuts.intro}</p>
        <dl className="shortcuts">
          {t.shortcuts.keys.map(([keys, what]) => (
            <div key={keys} className="shortcuts__row">
              <dt>
                {keys.split(' / ').map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" className="btn btn--primary" onClick={onClose}>
          {t.shortcuts.close}
        </button>
      </div>
    </div>
  );
}
