import { MyPrivacyCard } from '../privacy/MyPrivacyCard';
import { label, useI18n, type Messages } from '../../i18n';
import { formatDateTime, formatNumber } from '../../format';
import type { Award, Badge } from '../../api/types';
import { useMe } from '../auth/session';
import { earnedBadges, levelBar, nextBadges } from './badges';
import { YourData } from './YourData';
import { ChangePassword } from '../password/ChangePassword';

const MAX_AWARDS = 6;

/** Own action, a share of a colleague's resolve or insight, or points returned when a resolution was reopened. */
function whyKind(award: Award, words: Messages['me']): string {
  if (award.rule.endsWith(':clawback')) return words.whyClawback;
  if (award.rule.endsWith(':shared')) return words.whyShared;
  return award.own === false ? words.whyShared : words.whyOwn;
}

/** Who I am and what I have earned; refreshed by the session after actions and notifications. */
export function MePanel() {
  const { t, lang } = useI18n();
  const me = useMe();
  const categories = Object.entries(me.pointsByCategory ?? {});
  const awards = (me.recentAwards ?? []).slice(0, MAX_AWARDS);
  const bar = levelBar(me.level);
  const earned = earnedBadges(me.badges);
  const upcoming = nextBadges(me.badges, 3);
  const levelLabel =
    bar.max > 0
      ? t.me.levelProgress(formatNumber(bar.value, lang), formatNumber(bar.max, lang), bar.level + 1)
      : t.me.levelMax;

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

      {me.level && (
        <div className="level" data-testid="me-level" data-level={bar.level}>
          <p className="level__title" id="me-level-title">
            {t.me.level(bar.level)}
          </p>
          {bar.max > 0 && (
            <progress
              className="level__bar"
              value={bar.value}
              max={bar.max}
              aria-label={levelLabel}
            />
          )}
          <p className="level__label small muted" id="me-level-label">
            {levelLabel}
          </p>
        </div>
      )}

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
            <li key={`${award.eventId}-${award.rule}-${i}`} className="award" data-testid="award" data-rule={award.rule}>
              <span className="award__points">{t.me.awardPoints(award.points)}</span>
              <span className="award__body">
                <span className="award__reason">{award.reason}</span>
                <span className="award__meta">
                  {label(t.categories, award.category)} · <time dateTime={award.occurredAt}>{formatDateTime(award.occurredAt, lang)}</time>
                </span>
                <details className="award__why" data-testid="award-why">
                  <summary>{t.me.why}</summary>
                  <dl className="award__why-list">
                    <dt>{t.me.whyRule}</dt>
                    <dd data-testid="award-why-rule">
                      {award.rule}
                      {award.ruleVersion != null && ` · ${t.me.whyVersion(award.ruleVersion)}`}
                    </dd>
                    <dt>{t.me.whyKind}</dt>
                    <dd>{whyKind(award, t.me)}</dd>
                    <dt>{t.me.whyPoints}</dt>
                    <dd>
                      {t.me.awardPoints(award.points)} · {label(t.categories, award.category)}
                    </dd>
                  </dl>
                  <p className="small muted">{t.me.whyExplained}</p>
                </details>
              </span>
            </li>
          ))}
        </ul>
      )}

      {me.badges && (
        <section className="badges" aria-labelledby="me-badges-title" data-testid="me-badges">
          <h3 className="me__subtitle" id="me-badges-title">
            {t.me.badges}
          </h3>
          {earned.length === 0 ? (
            <p className="muted small">{t.me.noBadges}</p>
          ) : (
            <>
              <h4 className="badges__group">{t.me.earnedBadges}</h4>
              <ul className="badges__list">
                {earned.map((badge) => (
                  <BadgeItem key={badge.id} badge={badge} />
                ))}
              </ul>
            </>
          )}
          {upcoming.length > 0 ? (
            <>
              <h4 className="badges__group">{t.me.nextBadges}</h4>
              <ul className="badges__list">
                {upcoming.map((badge) => (
                  <BadgeItem key={badge.id} badge={badge} />
                ))}
              </ul>
            </>
          ) : (
            earned.length > 0 && <p className="muted small">{t.me.allBadgesEarned}</p>
          )}
        </section>
      )}

      <ChangePassword />
      {me.employeeId && <YourData />}
      {me.employeeId && <MyPrivacyCard />}
    </aside>
  );
}

function BadgeItem({ badge }: { badge: Badge }) {
  const { t, lang } = useI18n();
  const tier = String(badge.tier ?? '').toLowerCase();
  const current = formatNumber(Math.min(badge.current, badge.target), lang);
  const target = formatNumber(badge.target, lang);
  return (
    <li
      className={`badge badge--${tier}${badge.earned ? ' badge--earned' : ''}`}
      data-testid="badge"
      data-badge-id={badge.id}
      data-earned={badge.earned ? 'true' : 'false'}
    >
      <span className="badge__medal" aria-hidden="true">
        {badge.earned ? '★' : '☆'}
      </span>
      <span className="badge__body">
        <span className="badge__name">{badge.name}</span>
        <span className="badge__tier">{label(t.tiers, badge.tier)}</span>
        <span className="badge__desc">{badge.description}</span>
        {!badge.earned && (
          <span className="badge__progress">
            <progress
              className="badge__bar"
              value={Math.min(badge.current, badge.target)}
              max={Math.max(1, badge.target)}
              aria-label={t.me.badgeProgressLabel(badge.name, current, target)}
            />
            <span className="badge__count" aria-hidden="true">
              {t.me.badgeProgress(current, target)}
            </span>
          </span>
        )}
      </span>
    </li>
  );
}
