import type { DepartmentAnalytics } from '../../api/types';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import { formatMinutes, formatRate } from './format';

/** The headline figures of a department (or the company) for the window, as a description list. */
export function KeyFigures({ figures, testId }: { figures: DepartmentAnalytics; testId: string }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const rate = (v: number | null) => formatRate(v, lang, a);
  const rows: [key: string, value: number | null, text: string][] = [
    ['routedItems', figures.routedItems, formatNumber(figures.routedItems, lang)],
    ['readRate', figures.readRate, rate(figures.readRate)],
    ['firstResponseMedian', figures.firstResponse.medianMinutes, formatMinutes(figures.firstResponse.medianMinutes, a)],
    ['firstResponseP90', figures.firstResponse.p90Minutes, formatMinutes(figures.firstResponse.p90Minutes, a)],
    ['resolutionMedian', figures.resolution.medianMinutes, formatMinutes(figures.resolution.medianMinutes, a)],
    ['resolvedRate', figures.resolvedRate, rate(figures.resolvedRate)],
    ['insightRate', figures.insightRate, rate(figures.insightRate)],
    ['handoffRate', figures.handoffRate, rate(figures.handoffRate)],
    ['sharedBothActedRate', figures.sharedBothActedRate, rate(figures.sharedBothActedRate)],
    ['slaMetRate', figures.slaMetRate, rate(figures.slaMetRate)],
    ['participationRate', figures.participationRate, rate(figures.participationRate)],
  ];
  return (
    <dl className="key-figures" data-testid={testId}>
      {rows.map(([key, value, text]) => (
        <div key={key} className="key-figures__item" data-figure={key} data-value={value == null ? '' : String(value)}>
          <dt>{a.figures[key]}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
