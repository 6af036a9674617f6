import { useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { useLoad } from '../../api/useLoad';
import type { FlagKind, GamingFlag, Id, Paged } from '../../api/types';
import { formatDateTime } from '../../format';
import { label, useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import { NotAllowed } from './NotAllowed';
import { Pager } from './Pager';

const PAGE_SIZE = 25;

/**
 * The end of an id: enough to tell events apart on screen (ids start with their time, so their starts look alike);
 * the whole id is in the title and the row's data.
 */
function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-8)}` : id;
}

/** Anti-gaming flags, newest first, filtered by kind and by employee. */
export function FlagsPage() {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<FlagKind | 'all'>('all');
  const [employee, setEmployee] = useState<{ id: Id; name: string } | null>(null);
  const [page, setPage] = useState(1);
  const kindId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { data, error, loading, reload } = useLoad<Paged<GamingFlag>>(
    (signal) => api.admin.flags({ kind, employeeId: employee?.id }, page, PAGE_SIZE, signal),
    [kind, employee, page],
    true,
  );

  if (error instanceof ApiError && error.status === 403) return <NotAllowed />;

  const goTo = (next: number) => {
    setPage(next);
    headingRef.current?.focus();
  };

  return (
    <section className="page flags" aria-labelledby="flags-title" aria-busy={loading} data-testid="flags">
      <div className="page__head">
        <h1 id="flags-title" ref={headingRef} tabIndex={-1}>
          {t.admin.flagsTitle}
        </h1>
      </div>
      <p className="muted">{t.admin.flagsIntro}</p>

      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={kindId}>{t.admin.flagFilter}</label>
          <select
            id={kindId}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as FlagKind | 'all');
              setPage(1);
            }}
            data-testid="flags-kind"
          >
            {(['all', 'read-too-fast', 'burst'] as const).map((k) => (
              <option key={k} value={k}>
                {label(t.admin.flagKinds, k)}
              </option>
            ))}
          </select>
        </div>
        {employee && (
          <p className="filter-chip" data-testid="flags-employee-filter" data-employee-id={employee.id}>
            <span>{t.admin.employeeFilter(employee.name)}</span>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => {
                setEmployee(null);
                setPage(1);
              }}
            >
              {t.admin.clearEmployee}
            </button>
          </p>
        )}
      </div>

      {error != null && (
        <div className="form-error" role="alert">
          <p>
            {t.admin.loadError} {errorMessages(error, t).join(' ')}
          </p>
          <button type="button" className="btn btn--small" onClick={reload}>
            {t.common.retry}
          </button>
        </div>
      )}

      {!data && loading && <p className="muted">{t.common.loading}</p>}

      {data && data.items.length === 0 && !loading && (
        <p className="empty" data-testid="flags-empty">
          {t.admin.flagsEmpty}
        </p>
      )}

      {data && data.items.length > 0 && (
        <div className="table-wrap card">
          <table className="data-table" data-testid="flags-table">
            <caption className="sr-only">{t.admin.flagsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.admin.when}</th>
                <th scope="col">{t.admin.employee}</th>
                <th scope="col">{t.admin.department}</th>
                <th scope="col">{t.admin.flag}</th>
                <th scope="col">{t.admin.action}</th>
                <th scope="col">{t.admin.event}</th>
                <th scope="col">{t.admin.item}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((f) => (
                <tr
                  key={f.id}
                  data-testid="flag-row"
                  data-flag={f.flag}
                  data-event-id={f.eventId}
                  data-employee-id={f.employeeId}
                  data-feedback-id={f.feedbackId ?? ''}
                >
                  <td>
                    <time dateTime={f.at}>{formatDateTime(f.at, lang)}</time>
                  </td>
                  <td>
                    {employee ? (
                      f.employeeName
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setEmployee({ id: f.employeeId, name: f.employeeName });
                          setPage(1);
                        }}
                        aria-label={t.admin.onlyEmployee(f.employeeName)}
                        data-testid="flag-employee"
                      >
                        {f.employeeName}
                      </button>
                    )}
                  </td>
                  <td>{f.departmentName}</td>
                  <td>
                    <span className={`badge badge--flag-${f.flag}`}>{label(t.admin.flagKinds, f.flag)}</span>
                  </td>
                  <td>{label(t.admin.actions, f.actionType)}</td>
                  <td>
                    <code title={f.eventId}>{shortId(f.eventId)}</code>
                  </td>
                  <td>{f.feedbackId ? <code title={f.feedbackId}>{shortId(f.feedbackId)}</code> : t.admin.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data && <Pager page={data.page} pageSize={data.pageSize} total={data.total} busy={loading} onPage={goTo} testId="flags-pager" />}
    </section>
  );
}
