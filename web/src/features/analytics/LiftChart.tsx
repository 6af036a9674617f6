import type { DepartmentLift } from '../../api/types';
import { formatDateTime } from '../../format';
import { label, useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { chartColors, CategoryBars } from './charts';
import { formatMinutes, formatRate } from './format';

/** The gamification effect: read rate (and in the table also first response and insights) before vs during each challenge and season. */
export function LiftChart({ lift, department }: { lift: DepartmentLift; department: string }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const rate = (v: number) => formatRate(v, lang, a);
  const named = lift.entries.map((e) => ({ ...e, title: `${label(a.liftKinds, e.kind)}: ${e.name}` }));
  return (
    <ChartFigure
      level={3}
      title={a.lift}
      hint={a.liftHint}
      label={a.liftChart(department)}
      testId="analytics-lift"
      table={{
        columns: [
          a.lift,
          `${a.figures.readRate} · ${a.before}`,
          `${a.figures.readRate} · ${a.during}`,
          `${a.figures.firstResponseMedian} · ${a.before}`,
          `${a.figures.firstResponseMedian} · ${a.during}`,
          `${a.figures.insightRate} · ${a.before}`,
          `${a.figures.insightRate} · ${a.during}`,
        ],
        rows: named.map((e) => ({
          key: `${e.kind}-${e.id}`,
          header: `${e.title} (${formatDateTime(e.start, lang)} – ${formatDateTime(e.end, lang)})`,
          cells: [
            formatRate(e.before.readRate, lang, a),
            formatRate(e.during.readRate, lang, a),
            formatMinutes(e.before.firstResponseMedianMinutes, a),
            formatMinutes(e.during.firstResponseMedianMinutes, a),
            formatRate(e.before.insightRate, lang, a),
            formatRate(e.during.insightRate, lang, a),
          ],
          attributes: { 'data-kind': e.kind, 'data-id': e.id },
        })),
      }}
    >
      {named.length === 0 ? (
        <p className="muted">{a.noLift}</p>
      ) : (
        <CategoryBars
          data={named.map((e) => ({ name: e.name, before: e.before.readRate, during: e.during.readRate }))}
          category="name"
          series={[
            { key: 'before', name: a.before, color: chartColors.baseline },
            { key: 'during', name: a.during, color: chartColors.ours },
          ]}
          format={rate}
          domain={[0, 1]}
        />
      )}
    </ChartFigure>
  );
}
