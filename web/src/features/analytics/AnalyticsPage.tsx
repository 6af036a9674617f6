import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { AnalyticsWindow, BenchmarkFigureRef, BenchmarksDocument, DepartmentAnalytics } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useLive } from '../../live/LiveProvider';
import { useHashParam } from '../../router';
import { isAdmin } from '../admin/AdminPage';
import { useMe } from '../auth/session';
import { analyticsHref, ownDepartment, type VisibleDepartment } from './access';
import { ChannelChart } from './ChannelChart';
import { DepartmentsChart } from './DepartmentsChart';
import { KeyFigures } from './KeyFigures';
import { LiftChart } from './LiftChart';
import { MaturityCard } from './MaturityCard';
import { ReturnSection } from './ReturnSection';
import { FirstResponseTrend, ReadRateTrend } from './TrendCharts';
import { sameId, useAnalyticsLive } from './useAnalyticsLive';

export const ANALYTICS_WINDOWS: AnalyticsWindow[] = ['rolling30', 'day', 'week', 'month', 'quarter', 'season', 'all'];
const TREND_DAYS = 90;
/** Live pushes come about once a second at most; the trends and the return follow at most this often. */
const FOLLOW_MS = 2000;

/** Every figure of the study, from the department's answer and the benchmarks document (its source as the API writes it). */
function studyFigures(figures: DepartmentAnalytics | null, doc: BenchmarksDocument | null): BenchmarkFigureRef[] {
  const all = [...(figures?.benchmarks ?? [])];
  for (const study of doc?.studies ?? []) {
    for (const f of study.figures) {
      if (!all.some((b) => b.id === f.id)) all.push({ id: f.id, label: f.label, value: f.value, source: `${study.source} (${study.year})` });
    }
  }
  return all;
}

/** The study's read-rate baselines (R&D, product management), for charts of several departments. */
function readRateBaselines(benchmarks: BenchmarkFigureRef[]): BenchmarkFigureRef[] {
  return benchmarks.filter((b) => b.id.includes('.readRate.'));
}

/**
 * Engagement of a department against the study's leaders and laggards: key figures, trends, channel coverage,
 * maturity, return and challenge lift — team figures only. Live: the figures follow `AnalyticsChanged` pushes.
 */
export function AnalyticsPage() {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const me = useMe();
  const admin = isAdmin(me.roles);
  const { status } = useLive();
  const param = useHashParam('department');
  const [win, setWin] = useState<AnalyticsWindow>('rolling30');
  const windowId = useId();
  const departmentId = useId();
  const headingId = useId();

  const company = useLoad((signal) => api.analytics.company(win, signal), [win, lang], true);
  const doc = useLoad((signal) => api.analytics.benchmarks(signal), [lang], true);

  const visible: VisibleDepartment[] = useMemo(
    () =>
      company.data
        ? company.data.departments.filter((d) => d.departmentId).map((d) => ({ id: d.departmentId!, name: d.departmentName ?? '' }))
        : ownDepartment(me),
    [company.data, me],
  );
  const selected = param ?? me.departmentId ?? visible[0]?.id ?? null;

  const figures = useLoad(
    (signal) => (selected ? api.analytics.department(selected, win, signal) : Promise.resolve(null)),
    [selected, win, lang],
    true,
  );
  const shown = figures.data && sameId(figures.data.departmentId, selected) && figures.data.window === win ? figures.data : null;

  // Trends, return and lift follow live changes too, but at most every FOLLOW_MS.
  const [followStamp, setFollowStamp] = useState(0);
  const followTimer = useRef<number | undefined>(undefined);
  const follow = useCallback(() => {
    if (followTimer.current !== undefined) return;
    followTimer.current = window.setTimeout(() => {
      followTimer.current = undefined;
      setFollowStamp((s) => s + 1);
    }, FOLLOW_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(followTimer.current), []);

  const reloadFigures = figures.reload;
  const setFigures = figures.set;
  useAnalyticsLive(
    selected,
    (pushed) => {
      // The push is the rolling-30-days answer; another window is asked for again.
      if (win === 'rolling30') setFigures({ ...pushed, window: 'rolling30' });
      else reloadFigures();
      follow();
    },
    () => {
      reloadFigures();
      follow();
    },
  );

  const withheld = shown?.withheld ?? false;
  const trends = useLoad(
    async (signal) => {
      if (!selected || withheld) return null;
      const trend = (metric: Parameters<typeof api.analytics.trend>[1]) =>
        api.analytics.trend(selected, metric, TREND_DAYS, signal).catch(() => null);
      const [readRate, median, p90, netReturn] = await Promise.all([
        trend('readRate'),
        trend('firstResponseMedian'),
        trend('firstResponseP90'),
        trend('netReturn'),
      ]);
      return { departmentId: selected, readRate, median, p90, netReturn };
    },
    [selected, withheld, followStamp, lang],
    true,
  );
  const returns = useLoad(
    (signal) => (selected && !withheld ? api.analytics.return(selected, win, signal).catch(() => null) : Promise.resolve(null)),
    [selected, win, withheld, followStamp, lang],
    true,
  );
  const lift = useLoad(
    (signal) => (selected && !withheld ? api.analytics.lift(selected, signal).catch(() => null) : Promise.resolve(null)),
    [selected, withheld, followStamp, lang],
    true,
  );

  const benchmarks = studyFigures(shown, doc.data);
  const name = shown?.departmentName ?? visible.find((d) => sameId(d.id, selected))?.name ?? '';
  const currentTrends = trends.data && sameId(trends.data.departmentId, selected) ? trends.data : null;
  const currentReturn = returns.data && sameId(returns.data.departmentId, selected) && returns.data.window === win ? returns.data : null;
  const currentLift = lift.data && sameId(lift.data.departmentId, selected) ? lift.data : null;
  const refused = figures.error instanceof ApiError && (figures.error.status === 403 || figures.error.status === 404);

  return (
    <section
      className="page analytics"
      aria-labelledby={headingId}
      aria-busy={figures.loading}
      data-testid="analytics"
      data-department-id={selected ?? undefined}
      data-window={win}
    >
      <div className="page__head">
        <h1 id={headingId}>{a.title}</h1>
        <span className={`live-status live-status--${status}`} data-testid="live-status" data-status={status}>
          <span className="live-status__dot" aria-hidden="true" />
          {t.board.live[status]}
        </span>
      </div>
      <p className="muted">{a.intro}</p>

      <div className="toolbar">
        {visible.length > 1 && (
          <div className="field field--inline">
            <label htmlFor={departmentId}>{a.department}</label>
            <select
              id={departmentId}
              data-testid="analytics-department"
              value={visible.find((d) => sameId(d.id, selected))?.id ?? ''}
              onChange={(e) => {
                window.location.hash = analyticsHref(e.target.value);
              }}
            >
              {visible.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field--inline">
          <label htmlFor={windowId}>{a.window}</label>
          <select id={windowId} data-testid="analytics-window" value={win} onChange={(e) => setWin(e.target.value as AnalyticsWindow)}>
            {ANALYTICS_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {a.windows[w]}
              </option>
            ))}
          </select>
        </div>
        {shown?.period?.start && shown.period.end && (
          <span className="muted small" data-testid="analytics-period">
            {a.period(`${formatDateTime(shown.period.start, lang)} – ${formatDateTime(shown.period.end, lang)}`)}
          </span>
        )}
      </div>

      {!selected && <p className="empty">{a.noDepartment}</p>}
      {refused && (
        <p className="form-error" role="alert" data-testid="analytics-refused">
          {a.noAccess}
        </p>
      )}
      {figures.error != null && !refused && <LoadError error={figures.error} what={a.loadError} onRetry={figures.reload} />}
      {selected && !shown && figures.loading && <p className="muted">{t.common.loading}</p>}

      {shown && (
        <section className="analytics__department" aria-labelledby={`${headingId}-department`} data-testid="analytics-department-figures">
          <h2 id={`${headingId}-department`}>{name}</h2>
          {shown.withheld ? (
            <p className="notice notice--privacy" role="status" data-testid="analytics-withheld">
              {a.withheld(shown.minimumGroupSize ?? null)}
            </p>
          ) : (
            <>
              {win === 'season' && shown.period === null && <p className="muted">{a.noSeason}</p>}
              <h3 className="sr-only">{a.keyFigures}</h3>
              <KeyFigures figures={shown} testId="analytics-figures" />
              {currentTrends?.readRate && <ReadRateTrend trend={currentTrends.readRate} department={name} benchmarks={benchmarks} />}
              {currentTrends?.median && <FirstResponseTrend median={currentTrends.median} p90={currentTrends.p90} department={name} />}
              <ChannelChart channels={shown.channels} benchmarks={benchmarks} department={name} />
              {shown.maturity && <MaturityCard maturity={shown.maturity} benchmarks={benchmarks} />}
              {currentReturn && <ReturnSection figures={currentReturn} trend={currentTrends?.netReturn ?? null} department={name} />}
              {currentLift && <LiftChart lift={currentLift} department={name} />}
            </>
          )}
        </section>
      )}

      {admin && company.data && (
        <section className="analytics__company" aria-labelledby={`${headingId}-company`} data-testid="analytics-company">
          <h2 id={`${headingId}-company`}>{a.companyFigures}</h2>
          <h3 className="sr-only">{a.keyFigures}</h3>
          <KeyFigures figures={company.data.company} testId="analytics-company-figures" />
          <DepartmentsChart
            departments={company.data.departments}
            baselines={readRateBaselines(benchmarks)}
            title={a.departmentsChart}
            label={a.departmentsChartLabel}
            testId="analytics-departments"
          />
        </section>
      )}
    </section>
  );
}
