import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Department, FeedbackItem, FeedbackPage, StatusFilter } from '../../api/types';
import { useT } from '../../i18n';
import { errorMessages, FeedbackCard } from './FeedbackCard';

export const PAGE_SIZE = 20;

export function InboxPage() {
  const t = useT();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<FeedbackPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const filterId = useId();

  useEffect(() => {
    const controller = new AbortController();
    api
      .departments(controller.signal)
      .then(setDepartments)
      .catch(() => setDepartments([]));
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .feedback(status, page, PAGE_SIZE, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
        setLoading(false);
        // Items went away (resolved elsewhere) and this page is now past the end: step back.
        const pages = Math.max(1, Math.ceil(result.total / (result.pageSize || PAGE_SIZE)));
        if (page > pages) setPage(pages);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
  }, [status, page, reloadKey]);

  const onChange = useCallback((updated: FeedbackItem) => {
    setData((current) =>
      current ? { ...current, items: current.items.map((i) => (String(i.id) === String(updated.id) ? updated : i)) } : current,
    );
  }, []);

  function goTo(next: number) {
    setPage(next);
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }

  const pageSize = data?.pageSize || PAGE_SIZE;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = data?.page ?? page;

  return (
    <section className="page" aria-busy={loading}>
      <div className="page__head">
        <h1 id="inbox-title" ref={headingRef} tabIndex={-1}>
          {t.inbox.title}
        </h1>
        <div className="field field--inline">
          <label htmlFor={filterId}>{t.inbox.filter}</label>
          <select
            id={filterId}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as StatusFilter);
              setPage(1);
            }}
          >
            <option value="open">{t.inbox.filterOpen}</option>
            <option value="resolved">{t.inbox.filterResolved}</option>
            <option value="all">{t.inbox.filterAll}</option>
          </select>
        </div>
      </div>
      <p className="muted">{t.inbox.intro}</p>

      {error != null && (
        <div className="form-error" role="alert">
          <p>
            {t.inbox.loadError} {errorMessages(error, t).join(' ')}
          </p>
          <button type="button" className="btn btn--small" onClick={() => setReloadKey((k) => k + 1)}>
            {t.common.retry}
          </button>
        </div>
      )}

      {!data && loading && <p className="muted">{t.common.loading}</p>}

      {data && data.items.length === 0 && !loading && (
        <p className="empty" data-testid="inbox-empty">
          {t.inbox.empty}
        </p>
      )}

      {data && data.items.length > 0 && (
        <div className="feedback-list" data-testid="feedback-list">
          {data.items.map((item) => (
            <FeedbackCard key={item.id} item={item} departments={departments} onChange={onChange} />
          ))}
        </div>
      )}

      {data && total > 0 && (
        <nav className="pager" aria-label={t.inbox.paging}>
          <button type="button" className="btn" onClick={() => goTo(current - 1)} disabled={current <= 1 || loading}>
            {t.inbox.previousPage}
          </button>
          <span className="pager__info" data-testid="pager-info">
            {t.inbox.pageOf(current, pages, total)}
          </span>
          <button type="button" className="btn" onClick={() => goTo(current + 1)} disabled={current >= pages || loading}>
            {t.inbox.nextPage}
          </button>
        </nav>
      )}
    </section>
  );
}
