import { useId } from 'react';
import type { AnalyticsTrend, DepartmentReturn, ReturnModel } from '../../api/types';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { chartColors, DayLines } from './charts';
import { formatDay, formatMoney } from './format';

/** The return model's assumptions, shown beside every return figure (they are estimates, and admins may change them). */
function Assumptions({ model }: { model: ReturnModel }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const headingId = useId();
  const money = (v: number) => formatMoney(v, model.currency, lang, a);
  return (
    <aside className="assumptions" aria-labelledby={headingId} data-testid="return-assumptions" data-version={model.version}>
      <h4 id={headingId}>{a.assumptions}</h4>
      <p className="muted small">{a.modelVersion(model.version)}</p>
      <dl className="assumptions__list">
        <div>
          <dt>{a.hourlyCost}</dt>
          <dd>{money(model.hourlyCost)}</dd>
        </div>
      </dl>
      <h5>{a.minutesPerAction}</h5>
      <dl className="assumptions__list">
        {Object.entries(model.minutesPerAction).map(([action, minutes]) => (
          <div key={action}>
            <dt>{a.actions[action] ?? action}</dt>
            <dd>{t.analytics.duration.minutes(minutes)}</dd>
          </div>
        ))}
      </dl>
      <h5>{a.valuePerOutcome}</h5>
      <dl className="assumptions__list">
        {Object.entries(model.valuePerOutcome).map(([outcome, value]) => (
          <div key={outcome}>
            <dt>{a.outcomes[outcome] ?? outcome}</dt>
            <dd>{money(value)}</dd>
          </div>
        ))}
      </dl>
      {(model.sources ?? []).length > 0 && (
        <>
          <h5>{a.modelSources}</h5>
          <ul className="assumptions__sources small">
            {model.sources.map((source, i) => (
              <li key={i}>{source}</li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

/** Cost, value and net return of the department's work in the window, the net return over time, and the model beside it. */
export function ReturnSection({ figures, trend, department }: { figures: DepartmentReturn; trend: AnalyticsTrend | null; department: string }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const money = (v: number | null) => formatMoney(v, figures.currency, lang, a);
  const points = trend?.points ?? [];
  return (
    <ChartFigure
      level={3}
      title={a.returnTitle}
      label={a.returnChart(department)}
      testId="analytics-return"
      before={
        <dl className="key-figures key-figures--small" data-testid="return-figures">
          {(
            [
              ['cost', figures.cost, money(figures.cost)],
              ['value', figures.value, money(figures.value)],
              ['net', figures.net, money(figures.net)],
              [
                'ratio',
                figures.ratio,
                figures.ratio == null ? a.notMeasurable : new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 }).format(figures.ratio),
              ],
            ] as const
          ).map(([key, value, text]) => (
            <div key={key} className="key-figures__item" data-figure={key} data-value={value == null ? '' : String(value)}>
              <dt>{a[key]}</dt>
              <dd>{text}</dd>
            </div>
          ))}
          {figures.counts &&
            Object.entries(figures.counts).map(([key, n]) => (
              <div key={key} className="key-figures__item" data-figure={key} data-value={String(n)}>
                <dt>{a.counts[key] ?? key}</dt>
                <dd>{formatNumber(n, lang)}</dd>
              </div>
            ))}
        </dl>
      }
      aside={figures.model?.minutesPerAction ? <Assumptions model={figures.model} /> : undefined}
      table={{
        columns: [a.date, a.figures.netReturn],
        rows: points.map((p) => ({ key: p.date, header: formatDay(p.date, lang), cells: [money(p.value)], attributes: { 'data-date': p.date } })),
      }}
    >
      {points.length === 0 ? (
        <p className="muted">{a.noTrend}</p>
      ) : (
        <DayLines
          data={points.map((p) => ({ date: p.date, net: p.value }))}
          category="date"
          series={[{ key: 'net', name: a.figures.netReturn, color: chartColors.leaders }]}
          format={(v) => money(v)}
          formatCategory={(d) => formatDay(d, lang)}
        />
      )}
    </ChartFigure>
  );
}
