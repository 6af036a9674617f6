import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n';

export interface TableRow {
  key: string;
  /** The row's header cell (th scope="row"). */
  header: string;
  cells: string[];
  /** Raw values for tests and tools, e.g. `{ 'data-value': '0.27' }`. */
  attributes?: Record<string, string | undefined>;
}

/** A real table for a chart's numbers: caption, column headers and row headers scoped for screen readers. */
export function DataTable({ caption, columns, rows, testId }: { caption: string; columns: string[]; rows: TableRow[]; testId?: string }) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} {...r.attributes}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, i) => (
                <td key={i} className="num">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ChartFigureProps {
  title: string;
  /** Headings stay in order: h2 for a section of the page, h3 inside one. */
  level?: 2 | 3;
  hint?: ReactNode;
  /** Shown between the heading and the chart (e.g. the figures the chart is about). */
  before?: ReactNode;
  /** What the chart shows, for screen readers (the chart itself is one image to them; the table has the numbers). */
  label: string;
  testId: string;
  table: { columns: string[]; rows: TableRow[] };
  children: ReactNode;
  aside?: ReactNode;
}

/**
 * A chart with its heading, an accessible name and its numbers as a table behind a disclosure. Every chart on the
 * Analytics page and the wallboard goes through here, so none lacks its table view.
 */
export function ChartFigure({ title, level = 2, hint, before, label, testId, table, children, aside }: ChartFigureProps) {
  const t = useT();
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="card chart-card" aria-labelledby={headingId} data-testid={testId}>
      <Heading id={headingId}>{title}</Heading>
      {hint && <p className="muted small">{hint}</p>}
      {before}
      <div className={aside ? 'chart-card__body chart-card__body--aside' : 'chart-card__body'}>
        <div className="chart" role="img" aria-label={label} data-testid={`${testId}-chart`}>
          {children}
        </div>
        {aside}
      </div>
      <details className="chart-card__table">
        <summary>{t.analytics.showTable}</summary>
        <DataTable caption={label} columns={table.columns} rows={table.rows} testId={`${testId}-table`} />
      </details>
    </section>
  );
}
