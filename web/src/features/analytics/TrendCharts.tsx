import type { AnalyticsTrend, BenchmarkFigureRef } from '../../api/types';
import { useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { chartColors, DayLines } from './charts';
import { benchmarkName, formatDay, formatMinutes, formatMinutesShort, formatRate } from './format';

/** Read rate per day (each the rolling 30 days up to it) with the study's baseline as a labelled line. */
export function ReadRateTrend({ trend, department, benchmarks }: { trend: AnalyticsTrend; department: string; benchmarks: BenchmarkFigureRef[] }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const rate = (v: number) => formatRate(v, lang, a);
  const baseline = trend.baseline;
  const baselineName = baseline ? benchmarkName(baseline.id, [baseline, ...benchmarks], a) : null;
  return (
    <ChartFigure
      level={3}
      title={a.readRateTrend}
      hint={
        <>
          {a.readRateTrendHint}
          {baseline && <span data-testid="read-rate-baseline-source"> {a.source(baseline.source)}</span>}
        </>
      }
      label={a.readRateChart(department)}
      testId="analytics-read-rate"
      table={{
        columns: [a.date, a.figures.readRate, ...(baseline && baselineName ? [baselineName] : [])],
        rows: trend.points.map((p) => ({
          key: p.date,
          header: formatDay(p.date, lang),
          cells: [formatRate(p.value, lang, a), ...(baseline ? [rate(baseline.value)] : [])],
          attributes: { 'data-date': p.date, 'data-value': p.value == null ? '' : String(p.value) },
        })),
      }}
    >
      {trend.points.length === 0 ? (
        <p className="muted">{a.noTrend}</p>
      ) : (
        <DayLines
          data={trend.points.map((p) => ({ date: p.date, value: p.value }))}
          category="date"
          series={[{ key: 'value', name: a.figures.readRate, color: chartColors.ours }]}
          baselines={baseline && baselineName ? [{ value: baseline.value, label: baselineName }] : []}
          format={rate}
          formatCategory={(d) => formatDay(d, lang)}
          domain={[0, 1]}
        />
      )}
    </ChartFigure>
  );
}

/** Time to the first reply per day: median and 90th percentile of the rolling 30 days up to each day. */
export function FirstResponseTrend({ median, p90, department }: { median: AnalyticsTrend; p90: AnalyticsTrend | null; department: string }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const byDate = new Map((p90?.points ?? []).map((p) => [p.date, p.value]));
  const data = median.points.map((p) => ({ date: p.date, median: p.value, p90: byDate.get(p.date) ?? null }));
  const minutes = (v: number) => formatMinutes(v, a);
  return (
    <ChartFigure
      level={3}
      title={a.firstResponseTrend}
      label={a.firstResponseChart(department)}
      testId="analytics-first-response"
      table={{
        columns: [a.date, a.median, a.p90],
        rows: data.map((d) => ({
          key: d.date,
          header: formatDay(d.date, lang),
          cells: [formatMinutes(d.median, a), formatMinutes(d.p90, a)],
          attributes: { 'data-date': d.date },
        })),
      }}
    >
      {data.length === 0 ? (
        <p className="muted">{a.noTrend}</p>
      ) : (
        <DayLines
          data={data}
          category="date"
          series={[
            { key: 'median', name: a.median, color: chartColors.ours },
            { key: 'p90', name: a.p90, color: chartColors.second },
          ]}
          format={minutes}
          formatAxis={(v) => formatMinutesShort(v, a)}
          formatCategory={(d) => formatDay(d, lang)}
        />
      )}
    </ChartFigure>
  );
}
