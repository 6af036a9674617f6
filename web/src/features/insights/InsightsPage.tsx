import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { BacklogItem, InsightWindow, InsightsBoard } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { channelName, formatDateTime, safeHttpUrl } from '../../format';
import { label, useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

const WINDOWS: InsightWindow[] = ['7d', '30d', '90d', 'all'];

/** What customers ask for: backlog items by how much feedback was linked to them. */
export function InsightsPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<InsightWindow>('30d');
  const windowId = useId();
  const { data: board, error, loading, reload } = useLoad<InsightsBoard>((signal) => api.insights(period, signal), [period], true);

  return (
    <section className="page" aria-busy={loading} data-testid="insights" data-window={period}>
      <div className="page__head">
        <h1>{t.insights.title}</h1>
        <div className="field field--inline">
          <label htmlFor={windowId}>{t.insights.window}</label>
          <select id={windowId} data-testid="insights-window" value={period} onChange={(e) => setPeriod(e.target.value as InsightWindow)}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t.insights.windows[w]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted">{t.insights.intro}</p>

      {error != null && (
        <div className="form-error" role="alert">
          <p>
            {t.insights.loadError} {errorMessages(error, t).join(' ')}
          </p>
          <button type="button" className="btn btn--small" onClick={reload}>
            {t.common.retry}
          </button>
        </div>
      )}

      {!board && loading && <p className="muted">{t.common.loading}</p>}

      {board && (
        <p className="muted" role="status" aria-live="polite" data-testid="insights-summary">
          {t.insights.summary(board.backlogItems, board.linkedFeedback)}
        </p>
      )}

      {board && board.items.length === 0 && !loading && (
        <p className="empty" data-testid="insights-empty">
          {t.insights.empty}
        </p>
      )}

      {board && board.items.length > 0 && (
        <ol className="insights-list plain">
          {board.items.map((item) => (
            <li key={item.key}>
              <BacklogCard item={item} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function BacklogCard({ item }: { item: BacklogItem }) {
  const { t, lang } = useI18n();
  const href = safeHttpUrl(item.url);
  const titleId = useId();
  const mix = item.sentiment;
  const sum = Math.max(1, mix.positive + mix.neutral + mix.negative);
  const parts: [keyof typeof mix, number][] = [
    ['positive', mix.positive],
    ['neutral', mix.neutral],
    ['negative', mix.negative],
  ];

  return (
    <article className="card insight" aria-labelledby={titleId} data-testid="insight-item" data-key={item.key} data-feedback-count={item.feedbackCount}>
      <header className="insight__head">
        <h2 id={titleId} className="insight__title" data-testid="insight-title">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {item.title}
            </a>
          ) : (
            item.title
          )}
        </h2>
        <span className="insight__count" data-testid="insight-count">
          {t.insights.feedbackCount(item.feedbackCount)} · {t.insights.linkCount(item.linkCount)}
        </span>
      </header>
      {!href && <p className="muted small">{t.insights.noUrl}</p>}

      <div className="insight__mix" data-testid="insight-sentiment">
        <span className="sr-only">{t.insights.sentimentMix}: </span>
        <div className="mixbar" aria-hidden="true">
          {parts.map(([name, n]) =>
            n > 0 ? <span key={name} className={`mixbar__part mixbar__part--${name}`} style={{ width: `${(100 * n) / sum}%` }} /> : null,
          )}
        </div>
        <ul className="mix-legend plain">
          {parts.map(([name, n]) => (
            <li key={name} data-sentiment={name} data-count={n}>
              <span className={`badge badge--${name}`}>{label(t.sentiment, name)}</span> {n}
            </li>
          ))}
        </ul>
      </div>

      <dl className="feedback__meta">
        <div>
          <dt>{t.insights.departments}</dt>
          <dd data-testid="insight-departments">{item.departments.map((d) => `${d.name} (${d.count})`).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.insights.linkedBy}</dt>
          <dd>{item.linkedBy.map((d) => `${d.name} (${d.count})`).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t.insights.lastLinked}</dt>
          <dd>
            <time dateTime={item.lastLinkedAt}>{formatDateTime(item.lastLinkedAt, lang)}</time>
          </dd>
        </div>
      </dl>

      {(item.feedback.length > 0 || item.otherFeedback > 0) && (
        <details className="insight__feedback">
          <summary>{t.insights.feedback}</summary>
          <ul className="plain" data-testid="insight-feedback">
            {item.feedback.map((f) => (
              <li key={f.id} data-id={f.id}>
                <span className="channel">{channelName(f.channel)}</span>{' '}
                <span className={`badge badge--${f.sentiment}`}>{label(t.sentiment, f.sentiment)}</span>{' '}
                {/* Customer text: plain, never HTML. */}
                <span lang={f.language}>{f.excerpt}</span>
              </li>
            ))}
          </ul>
          {item.otherFeedback > 0 && <p className="muted small">{t.insights.otherFeedback(item.otherFeedback)}</p>}
        </details>
      )}
    </article>
  );
}
