import { useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { ImportSummary } from '../../api/types';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import { NotAllowed } from './NotAllowed';

/** Upload a CSV or JSON-lines file of feedback items and see what was stored and which rows were not, and why. */
export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fileId = useId();
  const resultRef = useRef<HTMLDivElement>(null);

  if (error instanceof ApiError && error.status === 403) return <NotAllowed />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      setSummary(await api.admin.importFile(file));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      resultRef.current?.focus();
    }
  };

  const figures: [keyof ImportSummary, string][] = [
    ['rowsRead', t.adminImport.rowsRead],
    ['stored', t.adminImport.stored],
    ['nearDuplicates', t.adminImport.nearDuplicates],
    ['duplicates', t.adminImport.duplicates],
    ['rejected', t.adminImport.rejected],
  ];

  return (
    <section className="page import" aria-labelledby="import-title" aria-busy={busy} data-testid="import-page">
      <div className="page__head">
        <h2 id="import-title">{t.adminImport.title}</h2>
      </div>
      <p className="muted">{t.adminImport.intro}</p>
      <p className="muted">
        {t.adminImport.columns} <code>channel, externalId, author, text, url, language, createdAt</code>
      </p>

      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor={fileId}>{t.adminImport.file}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            data-testid="import-file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="btn btn--primary" disabled={!file || busy} data-testid="import-submit">
          {busy ? t.adminImport.importing : t.adminImport.import}
        </button>
      </form>

      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {error !== null && (
          <div className="form-error" role="alert" data-testid="import-problem">
            {errorMessages(error, t).map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}

        {summary && (
          <div className="card" data-testid="import-summary" data-rejected={summary.rejected} data-stored={summary.stored}>
            <h3>{t.adminImport.summaryTitle(summary.format.toUpperCase(), summary.seconds)}</h3>
            <dl className="figures">
              {figures.map(([key, name]) => (
                <div key={key} data-testid={`import-${key}`}>
                  <dt>{name}</dt>
                  <dd>{String(summary[key])}</dd>
                </div>
              ))}
            </dl>
            {summary.fatal && (
              <p className="form-error" role="alert" data-testid="import-fatal">
                {t.adminImport.stoppedEarly(summary.fatal)}
              </p>
            )}
            {summary.errors.length === 0 ? (
              <p className="empty" data-testid="import-no-errors">
                {t.adminImport.noErrors}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="import-errors">
                  <caption>{t.adminImport.errorsCaption(summary.errors.length, summary.errorCount)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.adminImport.row}</th>
                      <th scope="col">{t.adminImport.field}</th>
                      <th scope="col">{t.adminImport.message}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.errors.map((e, i) => (
                      <tr key={`${e.row}-${e.field}-${i}`} data-testid="import-error-row" data-row={e.row} data-field={e.field}>
                        <td>{e.row}</td>
                        <td>
                          <code>{e.field}</code>
                        </td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {summary.errorReport && (
              <p>
                <a href={summary.errorReport} download data-testid="import-report-link">
                  {t.adminImport.downloadReport(summary.errorCount)}
                </a>
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
