import { useState } from 'react';
import type { RescoreRow, RescoreTotals } from '../../api/types';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { nextSort, signed, sortRows, type SortDir, type SortKey } from './rescore';

/** Totals of a rescore as a description list. */
export function Totals({ totals, testId }: { totals: RescoreTotals; testId: string }) {
  const { t, lang } = useI18n();
  const n = (x: number) => formatNumber(x, lang);
  const items: [string, string, string][] = [
    ['total-before', t.admin.totalBefore, n(totals.totalBefore)],
    ['total-after', t.admin.totalAfter, n(totals.totalAfter)],
    ['total-delta', t.admin.totalDelta, signed(totals.totalDelta, n)],
    ['employees-affected', t.admin.employeesAffected, n(totals.employeesAffected)],
    ['badges-gained', t.admin.badgesGained, n(totals.badgesGained)],
    ['badges-lost', t.admin.badgesLost, n(totals.badgesLost)],
  ];
  return (
    <dl className="totals" data-testid={testId}>
      {items.map(([key, label, value]) => (
        <div key={key} className="totals__item" data-total={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who gains and who loses under the proposed rules, sortable. */
export function DiffView({
  rows,
  totals,
  badgeNames,
}: {
  rows: RescoreRow[];
  totals: RescoreTotals;
  badgeNames: Map<string, string>;
}) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'delta', dir: 'desc' });
  const n = (x: number) => formatNumber(x, lang);
  const sorted = sortRows(rows, sort.key, sort.dir);
  const badges = (ids: string[]) => (ids.length === 0 ? t.admin.none : ids.map((id) => badgeNames.get(id) ?? id).join(', '));

  const header = (key: SortKey, label: string, numeric: boolean) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort(nextSort(sort, key))}
          data-testid={`diff-sort-${key}`}
          title={t.admin.sortBy(label)}
        >
          {label}
          <span aria-hidden="true" className="sort-button__arrow">
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <section className="diff" aria-labelledby="diff-title" data-testid="diff">
      <h3 id="diff-title">{t.admin.diffTitle}</h3>
      <Totals totals={totals} testId="diff-totals" />
      {rows.length === 0 ? (
        <p className="empty" data-testid="diff-empty">
          {t.admin.diffNone}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="diff-table">
            <caption>{t.admin.diffCaption}</caption>
            <thead>
              <tr>
                {header('name', t.admin.employee, false)}
                {header('department', t.admin.department, false)}
                {header('before', t.admin.before, true)}
                {header('after', t.admin.after, true)}
                {header('delta', t.admin.delta, true)}
                <th scope="col">{t.admin.badgesGained}</th>
                <th scope="col">{t.admin.badgesLost}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.employeeId} data-testid="diff-row" data-employee-id={r.employeeId} data-delta={r.delta}>
                  <th scope="row">{r.name}</th>
                  <td>{r.departmentName ?? t.admin.none}</td>
                  <td className="num">{n(r.pointsBefore)}</td>
                  <td className="num">{n(r.pointsAfter)}</td>
                  <td className={`num delta ${r.delta > 0 ? 'delta--up' : r.delta < 0 ? 'delta--down' : ''}`} data-testid="diff-delta">
                    {signed(r.delta, n)}
                  </td>
                  <td>{badges(r.badgesGained)}</td>
                  <td>{badges(r.badgesLost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
