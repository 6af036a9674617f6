import { useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

const PAGE_SIZE = 50;

/** The audit log, newest first, by area; "Older entries" appends the next page. Read-only by design. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [area, setArea] = useState<string>('');
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [before, setBefore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const filterId = useId();

  useEffect(() => {
    const controller = new AbortController();
    api.admin
      .audit(area || null, before, PAGE_SIZE, controller.signal)
      .then((page) => {
        setEntries((shown) => (before === null ? page.entries : [...shown, ...page.entries]));
        setNext(page.nextBefore);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(errorMessages(err, t).join(' '));
      });
    return () => controller.abort();
  }, [area, before, t]);

  return (
    <section className="card" aria-labelledby={headingId} data-testid="audit-log">
      <h2 id={headingId}>{t.audit.title}</h2>
      <p className="muted small">{t.audit.intro}</p>
      <label htmlFor={filterId}>{t.audit.filter}</label>{' '}
      <select
        id={filterId}
        value={area}
        data-testid="audit-filter"
        onChange={(e) => {
          setBefore(null);
          setArea(e.target.value);
        }}
      >
        <option value="">{t.audit.all}</option>
        {Object.entries(t.audit.areas).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 && !error ? (
        <p className="muted">{t.audit.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t.audit.when}</th>
                <th scope="col">{t.audit.who}</th>
                <th scope="col">{t.audit.what}</th>
                <th scope="col">{t.audit.subject}</th>
                <th scope="col">{t.audit.details}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                  <td>{formatDateTime(entry.at, lang)}</td>
                  <td>{entry.actor}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td className="break-all">
                    {entry.subjectName ? `${entry.subjectName} (${entry.subject})` : (entry.subject ?? '')}
                  </td>
                  <td>
                    <details>
                      <summary>{t.audit.details}</summary>
                      <pre className="small break-all">{JSON.stringify(entry.details, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <button type="button" className="btn btn--small" onClick={() => setBefore(next)} data-testid="audit-more">
          {t.audit.more}
        </button>
      )}
    </section>
  );
}
