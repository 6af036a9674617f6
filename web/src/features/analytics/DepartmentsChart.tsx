import type { BenchmarkFigureRef } from '../../api/types';
import { useI18n } from '../../i18n';
import { ChartFigure } from './ChartFigure';
import { chartColors, CategoryBars } from './charts';
import { benchmarkName, formatRate } from './format';

export interface DepartmentRate {
  departmentId: string | null;
  departmentName: string | null;
  readRate: number | null;
  withheld: boolean;
}

/**
 * Read rate of departments side by side, as bars against the study's baselines (the company view and the wallboard's
 * engagement view). A withheld department has no bar, and the table says why.
 */
export function DepartmentsChart({
  departments,
  baselines,
  title,
  label,
  testId,
  level = 3,
  height,
}: {
  departments: DepartmentRate[];
  baselines: BenchmarkFigureRef[];
  title: string;
  label: string;
  testId: string;
  level?: 2 | 3;
  height?: number;
}) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const rate = (v: number) => formatRate(v, lang, a);
  const named = baselines.map((b) => ({ value: b.value, label: benchmarkName(b.id, baselines, a) }));
  return (
    <ChartFigure
      level={level}
      title={title}
      label={label}
      testId={testId}
      table={{
        columns: [a.department, a.figures.readRate],
        rows: departments.map((d) => ({
          key: d.departmentId ?? d.departmentName ?? '',
          header: d.departmentName ?? '',
          cells: [d.withheld ? a.withheldShort : formatRate(d.readRate, lang, a)],
          attributes: {
            'data-department-id': d.departmentId ?? undefined,
            'data-value': d.readRate == null ? '' : String(d.readRate),
            'data-withheld': d.withheld ? 'true' : undefined,
          },
        })),
      }}
    >
      <CategoryBars
        data={departments.map((d) => ({ name: d.departmentName ?? '', readRate: d.withheld ? null : d.readRate }))}
        category="name"
        series={[{ key: 'readRate', name: a.figures.readRate, color: chartColors.ours }]}
        baselines={named}
        format={rate}
        domain={[0, 1]}
        height={height}
      />
    </ChartFigure>
  );
}
