import { useCallback, useEffect, useId, useState } from 'react';
import { api, type RetentionMode, type RetentionSetting } from '../../api/client';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

/** Admins decide how long events name people: keep, or anonymize/purge after N months (docs/privacy.md#retention). */
export function RetentionPage() {
  const { t, lang } = useI18n();
  const [setting, setSetting] = useState<RetentionSetting | null>(null);
  const [months, setMonths] = useState('');
  const [mode, setMode] = useState<RetentionMode>('anonymize');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const monthsId = useId();

  const show = useCallback((s: RetentionSetting) => {
    setSetting(s);
    setMonths(s.months == null ? '' : String(s.months));
    setMode(s.mode);
  }, []);

  useEffect(() => {
    api.retention().then(show, (err: unknown) => setError(errorMessages(err, t).join(' ')));
  }, [show, t]);

  const save = async () => {
    setError(null);
    setStatus(null);
    try {
      show(await api.setRetention(months.trim() === '' ? null : Number(months), mode));
      setStatus(t.retention.saved);
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  };

  const run = async () => {
    setError(null);
    setStatus(null);
    try {
      const counts = await api.runRetention();
      setStatus(t.retention.ran(formatNumber(counts.events, lang), formatNumber(counts.awards, lang)));
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  };

  return (
    <section className="card" aria-labelledby={headingId} data-testid="retention">
      <h2 id={headingId}>{t.retention.title}</h2>
      <p className="muted small">{t.retention.intro}</p>
      {/* Disabled until the stored setting has loaded, so its arrival cannot overwrite what was typed. */}
      <form
        aria-busy={setting == null}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="plain" disabled={setting == null}>
          <label htmlFor={monthsId}>{t.retention.months}</label>{' '}
          <input
            id={monthsId}
            type="number"
            min={1}
            max={120}
            value={months}
            placeholder={t.retention.keep}
            onChange={(e) => setMonths(e.target.value)}
          />
          <fieldset>
            <legend>{t.retention.mode}</legend>
            {(['anonymize', 'purge'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="retention-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />{' '}
                {m === 'anonymize' ? t.retention.anonymize : t.retention.purge}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn btn--primary btn--small">
            {t.retention.save}
          </button>{' '}
          <button type="button" className="btn btn--small" onClick={() => void run()}>
            {t.retention.runNow}
          </button>
        </fieldset>
      </form>
      {status && <p role="status">{status}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {setting && setting.history.length > 0 && (
        <>
          <h3>{t.retention.history}</h3>
          <ul data-testid="retention-history">
            {setting.history.map((h) => (
              <li key={`${h.at}-${h.actor}`}>
                {h.months == null ? t.retention.keep : t.retention.after(h.months)} ·{' '}
                {h.mode === 'anonymize' ? t.retention.anonymize : t.retention.purge} · {h.actor} · {formatDateTime(h.at, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
