import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { PrivacySettings, PrivacySettingsView } from '../../api/types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

/** Admin → Privacy: the works-council switches, with their history. */
export function PrivacySettingsPage() {
  const { t, lang } = useI18n();
  const [view, setView] = useState<PrivacySettingsView | null>(null);
  const [draft, setDraft] = useState<PrivacySettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const sizeId = useId();

  useEffect(() => {
    const abort = new AbortController();
    api
      .privacySettings(abort.signal)
      .then((v) => {
        setView(v);
        setDraft({ individualBoards: v.individualBoards, minimumGroupSize: v.minimumGroupSize, managersSeeIndividuals: v.managersSeeIndividuals });
      })
      .catch(() => setMessage({ kind: 'error', text: t.privacy.admin.failed }));
    return () => abort.abort();
  }, [t]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    setMessage(null);
    api
      .savePrivacySettings(draft)
      .then((v) => {
        setView(v);
        setMessage({ kind: 'ok', text: t.privacy.admin.saved });
      })
      .catch(() => setMessage({ kind: 'error', text: t.privacy.admin.failed }))
      .finally(() => setBusy(false));
  };

  const onOff = (b: boolean) => (b ? t.privacy.admin.on : t.privacy.admin.off);

  return (
    <section className="page" data-testid="privacy-settings">
      <h1>{t.privacy.admin.title}</h1>
      <p className="muted">{t.privacy.admin.intro}</p>
      {draft && (
        <form className="form" onSubmit={onSubmit}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.individualBoards}
              data-testid="privacy-individual-boards"
              onChange={(e) => setDraft({ ...draft, individualBoards: e.target.checked })}
            />{' '}
            {t.privacy.admin.individualBoards}
          </label>
          <p className="muted small">{t.privacy.admin.individualBoardsHelp}</p>
          <div className="field">
            <label htmlFor={sizeId}>{t.privacy.admin.minimumGroupSize}</label>
            <input
              id={sizeId}
              type="number"
              min={1}
              max={50}
              required
              value={draft.minimumGroupSize}
              data-testid="privacy-minimum-group-size"
              onChange={(e) => setDraft({ ...draft, minimumGroupSize: Number(e.target.value) })}
            />
            <p className="muted small">{t.privacy.admin.minimumGroupSizeHelp}</p>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.managersSeeIndividuals}
              data-testid="privacy-managers-see-individuals"
              onChange={(e) => setDraft({ ...draft, managersSeeIndividuals: e.target.checked })}
            />{' '}
            {t.privacy.admin.managersSeeIndividuals}
          </label>
          <p className="muted small">{t.privacy.admin.managersSeeIndividualsHelp}</p>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t.privacy.admin.save}
          </button>
          {message && (
            <p className={message.kind === 'ok' ? 'muted' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
              {message.text}
            </p>
          )}
        </form>
      )}
      {view && (
        <section aria-label={t.privacy.admin.history}>
          <h2>{t.privacy.admin.history}</h2>
          {view.history.length === 0 ? (
            <p className="muted">{t.privacy.admin.none}</p>
          ) : (
            <ul data-testid="privacy-history">
              {view.history.map((h) => (
                <li key={`${h.at}-${h.actor}`}>
                  {t.privacy.admin.changed(h.actor, formatDateTime(h.at, lang))}: {t.privacy.admin.individualBoards}{' '}
                  {onOff(h.individualBoards)} · {t.privacy.admin.minimumGroupSize} {h.minimumGroupSize} ·{' '}
                  {t.privacy.admin.managersSeeIndividuals} {onOff(h.managersSeeIndividuals)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
