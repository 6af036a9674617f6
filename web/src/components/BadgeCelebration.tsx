import { useEffect, useId, useRef } from 'react';
import type { LiveNotification } from '../api/types';
import { useT } from '../i18n';

/** How long the celebration stays up by itself. */
export const CELEBRATION_TIMEOUT = 8000;

const CONFETTI_PIECES = 14;

interface Props {
  notification: LiveNotification;
  onClose: () => void;
}

/**
 * A non-modal, dialog-like overlay for a badge just earned. The close button takes focus, Escape closes it,
 * and it goes away by itself after a few seconds; focus goes back to where it was.
 */
export function BadgeCelebration({ notification, onClose }: Props) {
  const t = useT();
  const titleId = useId();
  const descId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const timer = window.setTimeout(() => onCloseRef.current(), CELEBRATION_TIMEOUT);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
      // Give focus back only if it is still inside the celebration (or nowhere), not if the user moved on.
      const active = document.activeElement;
      if (previous && previous.isConnected && (active === null || active === document.body || active === closeRef.current)) {
        previous.focus();
      }
    };
  }, [notification.id]);

  return (
    <div className="celebration" role="dialog" aria-modal="false" aria-labelledby={titleId} aria-describedby={descId} data-testid="badge-celebration">
      <div className="celebration__confetti" aria-hidden="true">
        {Array.from({ length: CONFETTI_PIECES }, (_, i) => (
          <span key={i} className="celebration__piece" style={{ ['--i' as string]: i }} />
        ))}
      </div>
      <div className="celebration__medal" aria-hidden="true">
        ★
      </div>
      <h2 className="celebration__heading" id={titleId}>
        {t.celebrate.badgeEarned}
      </h2>
      <div id={descId}>
        <p className="celebration__name" data-testid="badge-celebration-name">
          {notification.title}
        </p>
        {notification.message && <p className="celebration__message">{notification.message}</p>}
      </div>
      <button ref={closeRef} type="button" className="btn btn--primary celebration__close" onClick={onClose}>
        {t.celebrate.close}
      </button>
    </div>
  );
}
