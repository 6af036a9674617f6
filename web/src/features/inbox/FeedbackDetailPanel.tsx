import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { FeedbackDetail, Id } from '../../api/types';
import { channelName, formatDateTime, languageName, safeHttpUrl } from '../../format';
import { label, useI18n } from '../../i18n';
import { errorMessages } from './FeedbackCard';
import { ThankButton } from './ThankButton';

interface Props {
  id: Id;
  /** Changes whenever an action on the item went through, so the history reloads. */
  version: number;
  onClose: () => void;
}

/** One item with who did what when, the hand-off chain, linked backlog items and the resolution. Plain text only. */
export function FeedbackDetailPanel({ id, version, onClose }: Props) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<FeedbackDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  // The server's word for someone the reader sees no individual for (a manager while managers see no individuals).
  const who = (name: string) => (name === 'A colleague' ? t.detail.aColleague : name);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api
      .feedbackDetail(id, controller.signal)
      .then(setDetail)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [id, version]);

  // A new item in the panel takes the focus, so a screen reader reads where it is.
  useEffect(() => {
    headingRef.current?.focus();
  }, [id]);

  const item = detail && String(detail.item.id) === String(id) ? detail.item : null;

  return (
    <aside className="detail card" aria-labelledby={titleId} data-testid="feedback-detail" data-id={id}>
      <div className="detail__head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t.detail.title}
        </h2>
        <button type="button" className="btn btn--small btn--ghost" onClick={onClose} data-testid="feedback-detail-close">
          {t.detail.close}
        </button>
      </div>

      {error != null && (
        <p className="form-error" role="alert">
          {t.detail.loadError} {errorMessages(error, t).join(' ')}
        </p>
      )}
      {!item && error == null && <p className="muted">{t.detail.loading}</p>}

      {item && detail && (
        <>
          <p className="muted small">
            {channelName(item.channel)} · {item.author} · {languageName(item.language, lang)} · {label(t.sentiment, String(item.sentiment))} ·{' '}
            {label(t.priority, String(item.priority))} · <span data-testid="detail-status">{label(t.status, String(item.status))}</span>
          </p>
          {/* Customer text is data: plain text, never HTML. */}
          <p className="detail__text" lang={item.language ?? undefined}>
            {item.text}
          </p>
          {(item.tags ?? []).length > 0 && (
            <p>
              {t.inbox.tags}:{' '}
              {(item.tags ?? []).map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </p>
          )}

          <h3>{t.detail.handOffs}</h3>
          <ol className="handoffs" data-testid="detail-handoffs">
            {detail.handOffs.map((h, i) => (
              <li key={i} data-kind={h.kind}>
                <span>
                  {h.kind === 'forwarded' && h.by
                    ? t.detail.forwarded(who(h.by), h.from?.name ?? '—', h.to.name)
                    : t.detail.routed(h.to.name)}
                </span>{' '}
                <time className="muted small" dateTime={h.at}>
                  {formatDateTime(h.at, lang)}
                </time>
                {h.note && <blockquote className="note">{h.note}</blockquote>}
              </li>
            ))}
          </ol>

          {detail.insights.length > 0 && (
            <>
              <h3>{t.detail.insights}</h3>
              <ul className="plain" data-testid="detail-insights">
                {detail.insights.map((link, i) => {
                  const href = safeHttpUrl(link.url);
                  return (
                    <li key={i}>
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                          {link.title}
                        </a>
                      ) : (
                        link.title
                      )}{' '}
                      <span className="muted small">
                        {who(link.by)} · {formatDateTime(link.at, lang)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}

          {detail.resolution && (
            <>
              <h3>{t.detail.resolution}</h3>
              <p data-testid="detail-resolution">
                <span className="muted small">
                  {t.detail.resolvedBy(who(detail.resolution.by))} · {formatDateTime(detail.resolution.at, lang)}
                </span>
              </p>
              <blockquote className="note">{detail.resolution.note}</blockquote>
            </>
          )}

          <h3>{t.detail.history}</h3>
          {detail.history.length === 0 ? (
            <p className="muted">{t.detail.noHistory}</p>
          ) : (
            <ol className="history" data-testid="detail-history">
              {detail.history.map((h) => {
                const href = safeHttpUrl(h.url);
                return (
                  <li key={h.eventId} data-type={h.type} data-testid="detail-history-entry">
                    <strong>{h.hidden ? t.detail.aColleague : h.employeeName}</strong> ({h.departmentName}) {t.detail.actionNames[h.type] ?? h.type}
                    {h.toDepartment && <> {t.detail.to(h.toDepartment.name)}</>}{' '}
                    <time className="muted small" dateTime={h.occurredAt}>
                      {formatDateTime(h.occurredAt, lang)}
                    </time>
                    {h.title && (
                      <div>
                        {href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                            {h.title}
                          </a>
                        ) : (
                          h.title
                        )}
                      </div>
                    )}
                    {h.note && <blockquote className="note">{h.note}</blockquote>}
                    {/* The server marks one entry per colleague to thank; thanks go by entry, so no id is needed. */}
                    {h.canThank && (
                      <ThankButton
                        eventId={h.eventId}
                        receiverName={h.hidden ? t.detail.aColleague : h.employeeName}
                        feedbackId={item.id}
                        thanked={h.thankedByMe ?? false}
                      />
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
