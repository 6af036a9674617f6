import { useId } from 'react';
import type { BenchmarkFigureRef, Maturity } from '../../api/types';
import { useI18n } from '../../i18n';
import { label } from '../../i18n';
import { nextStepText, reasonText } from './format';

/** The department's stage (laggard, follower, leader) with the reasons in words and the step that would move it up. */
export function MaturityCard({ maturity, benchmarks }: { maturity: Maturity; benchmarks: BenchmarkFigureRef[] }) {
  const { t, lang } = useI18n();
  const a = t.analytics;
  const headingId = useId();
  const stage = label(a.stages, maturity.stage);
  return (
    <section className="card maturity" aria-labelledby={headingId} data-testid="analytics-maturity" data-stage={maturity.stage}>
      <h3 id={headingId}>{a.maturity}</h3>
      <p className="maturity__stage">
        <span className={`stage stage--${maturity.stage}`} data-testid="maturity-stage">
          {a.stage(stage)}
        </span>
        {maturity.score != null && (
          <span className="muted small"> · {a.score(new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(maturity.score))}</span>
        )}
      </p>
      {maturity.reasons.length > 0 && (
        <>
          <h4>{a.reasons}</h4>
          <ul className="maturity__reasons" data-testid="maturity-reasons">
            {maturity.reasons.map((r, i) => (
              <li key={`${r.code}-${i}`} data-code={r.code} data-metric={r.metric}>
                {reasonText(r, benchmarks, lang, a)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{a.nextStep}</h4>
      <p data-testid="maturity-next-step" data-code={maturity.nextStep?.code}>
        {maturity.nextStep ? nextStepText(maturity.nextStep, benchmarks, lang, a) : a.topStage}
      </p>
    </section>
  );
}
