import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { Paged, RuleChange, RuleChangeKind } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import { Pager } from './Pager';
import { signed } from './rescore';

const PAGE_SIZE = 10;

/** The audit of rule previews and applies: who, when, what, and how the totals moved. */
export function RuleHistory({ reloadKey }: { reloadKey: number }) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<RuleChangeKind | 'all'>('all');
  const [page, setPage] = useState(1);
  const filterId = useId();
  const n = (x: number) => formatNumber(x, lang);
  const { data, error, loading } = useLoad<Paged<RuleChange>>(
    (signal) => api.admin.ruleHistory(kind, page, PAGE_SIZE, signal),
    [kind, page, reloadKey],
    true,
  );

  return (
    <section className="card history" aria-labelledby="history-title" aria-busy={loading} data-testid="rules-history">
      <div className="page__head">
        <h2 id="history-title">{t.admin.history}</h2>
        <div className="field field--inline">
          <label htmlFor={filterId}>{t.admin.historyShow}</label>
          <select
            id={filterId}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as RuleChangeKind | 'all');
              setPage(1);
            }}
          >
            <option value="all">{t.admin.historyAll}</option>
            <option value="apply">{t.admin.historyApplies}</option>
            <option value="preview">{t.admin.historyPreviews}</option>
          </select>
        </div>
      </div>
      <p className="muted small">{t.admin.historyIntro}</p>
      {error != null && (
        <p className="form-error" role="alert">
          {t.admin.loadError} {errorMessages(error, t).join(' ')}
        </p>
      )}
      {data && data.items.length === 0 && <p className="empty">{t.admin.historyEmpty}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="sr-only">{t.admin.history}</caption>
            <thead>
              <tr>
                <th scope="col">{t.admin.when}</th>
                <th scope="col">{t.admin.who}</th>
                <th scope="col">{t.admin.what}</th>
                <th scope="col">{t.admin.totals}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id} data-testid="history-row" data-kind={c.kind} data-version={c.version}>
                  <td>
                    <time dateTime={c.at}>{formatDateTime(c.at, lang)}</time>
                  </td>
                  <td>{c.actor}</td>
                  <td>{c.kind === 'apply' ? t.admin.appliedVersion(c.version) : t.admin.previewOf(c.version)}</td>
                  <td>
                    {c.summary
                      ? t.admin.totalsLine(
                          n(c.summary.totalBefore),
                          n(c.summary.totalAfter),
                          signed(c.summary.totalDelta, n),
                          c.summary.employeesAffected,
                        )
                      : t.admin.none}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} busy={loading} onPage={setPage} testId="history-pager" />
      )}
    </section>
  );
}
