import { label, useI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../format';
import { useMe } from '../auth/session';

const MAX_AWARDS = 6;

/** Who I am and what I have earned; refreshed by the session after actions and notifications. */
export function MePanel() {
  const { t, lang } = useI18n();
  const me = useMe();
  const categories = Object.entries(me.pointsByCategory ?? {});
  const awards = (me.recentAwards ?? []).slice(0, MAX_AWARDS);

  return (
    <aside className="card me" aria-labelledby="me-title" data-testid="me-panel">
      <h2 id="me-title" className="me__title">
        {t.me.title}
      </h2>
      <p className="me__name" data-testid="me-name">
        {me.displayName}
      </p>
      <p className="me__dept">
        <span className="sr-only">{t.me.department}: </span>
        <span data-testid="me-department">{me.departmentName ?? t.me.noDepartment}</span>
      </p>

      <p className="me__total">
        <span className="me__total-value" data-testid="me-points" data-points={me.points}>
          {formatNumber(me.points, lang)}
        </span>{' '}
        <span className="me__total-label">{t.me.totalPoints}</span>
      </p>

      <h3 className="me__subtitle">{t.me.byCategory}</h3>
      {categories.length === 0 ? (
        <p className="muted small">{t.me.noCategories}</p>
      ) : (
        <dl className="me__categories" data-testid="me-categories">
          {categories.map(([category, points]) => (
            <div key={category} className="me__category" data-category={category}>
              <dt>{label(t.categories, category)}</dt>
              <dd>{formatNumber(points, lang)}</dd>
            </div>
          ))}
        </dl>
      )}

      <h3 className="me__subtitle">{t.me.recentAwards}</h3>
      {awards.length === 0 ? (
        <p className="muted small">{t.me.noAwards}</p>
      ) : (
        <ul className="awards" data-testid="me-awards">
          {awards.map((award, i) => (
            <li key={`${award.eventId}-${award.rule}-${i}`} className="award" data-testid="award">
              <span className="award__points">{t.me.awardPoints(award.points)}</span>
              <span className="award__body">
                <span className="award__reason">{award.reason}</span>
                <span className="award__meta">
                  {label(t.categories, award.category)} · <time dateTime={award.occurredAt}>{formatDateTime(award.occurredAt, lang)}</time>
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
