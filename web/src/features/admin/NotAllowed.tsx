import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { routeHref } from '../../router';

/** What someone who is not an admin sees on an admin address. The server refuses them as well. */
export function NotAllowed() {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="page" data-testid="not-allowed" aria-labelledby="not-allowed-title">
      <div className="card not-allowed" role="alert">
        <h1 id="not-allowed-title" ref={headingRef} tabIndex={-1}>
          {t.admin.notAllowedTitle}
        </h1>
        <p>{t.admin.notAllowed}</p>
        <a className="btn" href={routeHref('inbox')}>
          {t.admin.backToInbox}
        </a>
      </div>
    </section>
  );
}
