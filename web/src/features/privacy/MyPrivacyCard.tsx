import { useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { MyPrivacy } from '../../api/types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { routeHref } from '../../router';

/** My consent to be ranked by name: a switch I can flip any time; no points are lost either way. */
export function MyPrivacyCard() {
  const { t, lang } = useI18n();
  const [mine, setMine] = useState<MyPrivacy | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();

  useEffect(() => {
    const abort = new AbortController();
    api
      .myPrivacy(abort.signal)
      .then(setMine)
      .catch(() => undefined);
    return () => abort.abort();
  }, []);

  if (!mine) return null;
  const code = mine.pseudonym.split(' ').pop() ?? '';

  const toggle = (rankedByName: boolean) => {
    const before = mine;
    setBusy(true);
    setMessage(null);
    // Shown at once; put back if the server refuses.
    setMine({ ...mine, rankedByName });
    api
      .setMyPrivacy(rankedByName)
      .then((next) => {
        setMine(next);
        setMessage({ kind: 'ok', text: t.privacy.me.saved });
      })
      .catch(() => {
        setMine(before);
        setMessage({ kind: 'error', text: t.privacy.me.failed });
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="me-privacy" aria-labelledby={`${id}-title`} data-testid="my-privacy">
      <h2 id={`${id}-title`}>
        {t.privacy.me.title}
      </h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={mine.rankedByName}
          disabled={busy}
          data-testid="ranked-by-name"
          onChange={(e) => toggle(e.target.checked)}
        />{' '}
        {t.privacy.me.rankedByName}
      </label>
      <p className="muted small" data-testid="shown-as">
        {mine.rankedByName ? t.privacy.me.shownByName : t.privacy.me.shownAs(t.board.colleague(code))}
        {mine.decidedAt && <> {t.privacy.me.since(formatDateTime(mine.decidedAt, lang))}</>}
      </p>
      <p className="muted small">{t.privacy.me.noPointsLost}</p>
      {message && (
        <p className={message.kind === 'ok' ? 'muted small' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <a className="small" href={routeHref('privacy')}>
        {t.privacy.me.more}
      </a>
    </section>
  );
}
