import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Department, FeedbackItem, FeedbackPage, Id, InboxQuery, StatusFilter } from '../../api/types';
import { channelName, languageName } from '../../format';
import { label, useI18n } from '../../i18n';
import { errorMessages, FeedbackCard, type CardHandle } from './FeedbackCard';
import { FeedbackDetailPanel } from './FeedbackDetailPanel';
import { commandFor } from './keyboard';
import { ShortcutsHelp } from './ShortcutsHelp';

export const PAGE_SIZE = 20;

const CHANNELS = ['facebook', 'linkedin', 'x', 'xing', 'youtube', 'instagram', 'appstore', 'playstore', 'blog', 'email'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];
const PRIORITIES = ['high', 'normal', 'low'];
const LANGUAGES = ['en', 'de'];
const SLA_STATES = ['breached', 'at-risk', 'on-track', 'met'];
const SEARCH_DELAY_MS = 300;

const EMPTY: InboxQuery = { status: 'open', channel: '', sentiment: '', priority: '', language: '', sla: '', q: '' };

/** The server refuses a search without a single letter or digit; such input just means "no search" here. */
function searchable(text: string): string {
  return /[\p{L}\p{N}]/u.test(text) ? text.trim() : '';
}

export function InboxPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<InboxQuery>(EMPTY);
  const [searchText, setSearchText] = useState('');
  // The cursor of every page reached so far: index 0 is the first page (no cursor).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [data, setData] = useState<FeedbackPage | null>(null);
  const [total, setTotal] = useState<{ total: number; capped: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [selected, setSelected] = useState(-1);
  const [detail, setDetail] = useState<{ id: Id; version: number } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cards = useRef(new Map<string, CardHandle | null>());
  const focusAfterRender = useRef<number | null>(null);
  const ids = {
    status: useId(),
    channel: useId(),
    sentiment: useId(),
    priority: useId(),
    language: useId(),
    sla: useId(),
    search: useId(),
  };

  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];
  const items = data?.items ?? [];

  useEffect(() => {
    const controller = new AbortController();
    api
      .departments(controller.signal)
      .then(setDepartments)
      .catch(() => setDepartments([]));
    return () => controller.abort();
  }, []);

  // Typing settles before the list is asked again.
  useEffect(() => {
    const q = searchable(searchText);
    if (q === filter.q) return;
    const timer = window.setTimeout(() => applyFilter({ q }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
    // Only the typed text restarts the timer; the filter it compares with is read as it is then.
  }, [searchText]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .feedback(filter, cursor, PAGE_SIZE, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
        setLoading(false);
        // The count is taken where the list starts; an SLA-filtered list has none.
        if (result.total != null) setTotal({ total: result.total, capped: result.totalIsCapped === true });
        else if (cursor === null) setTotal(null);
        setAnnouncement(t.inbox.results(result.items.length, result.total ?? null, result.totalIsCapped === true));
        setSelected((s) => (result.items.length === 0 ? -1 : Math.min(s, result.items.length - 1)));
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      });
    return () => controller.abort();
    // The announcement uses the language at load time; a language switch need not reload the list.
  }, [filter, cursor, reloadKey]);

  // After an item left the list, the focus goes to the one that took its place.
  useEffect(() => {
    const index = focusAfterRender.current;
    if (index == null) return;
    focusAfterRender.current = null;
    if (index >= 0 && index < items.length) cards.current.get(String(items[index].id))?.focus();
    else headingRef.current?.focus();
  }, [items]);

  function applyFilter(change: Partial<InboxQuery>) {
    setFilter((current) => ({ ...current, ...change }));
    setCursors([null]);
    setSelected(-1);
  }

  const onChange = useCallback(
    (updated: FeedbackItem) => {
      const id = String(updated.id);
      // Resolved under "open" (or reopened under "resolved"): it no longer belongs here.
      const leaves = filter.status !== 'all' && String(updated.status) !== filter.status;
      if (leaves) {
        const index = items.findIndex((i) => String(i.id) === id);
        focusAfterRender.current = Math.min(index, items.length - 2);
        setSelected(focusAfterRender.current);
        setData((current) => current && { ...current, items: current.items.filter((i) => String(i.id) !== id) });
        setAnnouncement(t.inbox.left);
        setTotal((tt) => (tt && !tt.capped ? { ...tt, total: Math.max(0, tt.total - 1) } : tt));
      } else {
        setData((current) => current && { ...current, items: current.items.map((i) => (String(i.id) === id ? updated : i)) });
      }
      setDetail((d) => (d && String(d.id) === id ? { ...d, version: d.version + 1 } : d));
    },
    [filter.status, items, t],
  );

  const select = useCallback((index: number, focus: boolean) => {
    setSelected(index);
    if (focus) {
      const card = cards.current.get(String(items[index]?.id));
      card?.focus();
    }
  }, [items]);

  const closeDetail = useCallback(() => {
    setDetail(null);
    // Back to where the reader was.
    if (selected >= 0 && selected < items.length) cards.current.get(String(items[selected].id))?.focus();
  }, [items, selected]);

  // Keyboard triage. Read through a ref so the one listener always sees the current list and selection.
  const state = useRef({ items, selected, detail, helpOpen, select, closeDetail });
  state.current = { items, selected, detail, helpOpen, select, closeDetail };
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const command = commandFor(event);
      if (!command) return;
      const s = state.current;
      if (s.helpOpen) return; // the dialog handles its own keys
      const current = s.selected >= 0 && s.selected < s.items.length ? s.items[s.selected] : null;
      const card = current ? cards.current.get(String(current.id)) : null;
      switch (command.kind) {
        case 'move': {
          if (s.items.length === 0) return;
          event.preventDefault();
          const next = s.selected < 0 ? 0 : Math.max(0, Math.min(s.items.length - 1, s.selected + command.by));
          s.select(next, true);
          return;
        }
        case 'open':
          if (!current) return;
          event.preventDefault();
          setDetail({ id: current.id, version: 0 });
          return;
        case 'read':
          if (!card) return;
          event.preventDefault();
          card.markRead();
          return;
        case 'form':
          if (!card) return;
          event.preventDefault();
          card.openForm(command.form);
          return;
        case 'search':
          event.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
        case 'help':
          event.preventDefault();
          setHelpOpen(true);
          return;
        case 'close':
          if (s.detail) {
            event.preventDefault();
            s.closeDetail();
          }
          return;
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  function goTo(nextCursors: (string | null)[]) {
    setCursors(nextCursors);
    setSelected(-1);
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }

  const filterSelect = (key: 'channel' | 'sentiment' | 'priority' | 'language' | 'sla', text: string, values: string[], name: (v: string) => string) => (
    <div className="field field--inline">
      <label htmlFor={ids[key]}>{text}</label>
      <select id={ids[key]} data-testid={`inbox-filter-${key}`} value={filter[key]} onChange={(e) => applyFilter({ [key]: e.target.value })}>
        <option value="">{t.inbox.any}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className={`page${detail ? ' page--with-detail' : ''}`} aria-busy={loading}>
      <div className="page__head">
        <h1 id="inbox-title" ref={headingRef} tabIndex={-1}>
          {t.inbox.title}
        </h1>
        <button
          type="button"
          className="btn btn--small btn--ghost"
          onClick={() => setHelpOpen(true)}
          aria-keyshortcuts="?"
          data-testid="shortcuts-button"
        >
          <kbd aria-hidden="true">?</kbd> {t.inbox.shortcutsButton}
        </button>
      </div>
      <p className="muted">{t.inbox.intro}</p>

      <div className="inbox-toolbar" role="search" aria-label={t.inbox.filters}>
        <div className="field field--inline inbox-toolbar__search">
          <label htmlFor={ids.search}>{t.inbox.search}</label>
          <input
            ref={searchRef}
            id={ids.search}
            type="search"
            data-testid="inbox-search"
            value={searchText}
            placeholder={t.inbox.searchPlaceholder}
            aria-keyshortcuts="/"
            maxLength={200}
            onChange={(e) => setSearchText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                const q = searchable(searchText);
                if (q !== filter.q) applyFilter({ q });
              }
            }}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor={ids.status}>{t.inbox.filter}</label>
          <select
            id={ids.status}
            data-testid="inbox-filter-status"
            value={filter.status}
            onChange={(e) => applyFilter({ status: e.target.value as StatusFilter })}
          >
            <option value="open">{t.inbox.filterOpen}</option>
            <option value="resolved">{t.inbox.filterResolved}</option>
            <option value="all">{t.inbox.filterAll}</option>
          </select>
        </div>
        {filterSelect('channel', t.inbox.channel, CHANNELS, channelName)}
        {filterSelect('sentiment', t.inbox.sentiment, SENTIMENTS, (v) => label(t.sentiment, v))}
        {filterSelect('priority', t.inbox.priority, PRIORITIES, (v) => label(t.priority, v))}
        {filterSelect('language', t.inbox.writtenIn, LANGUAGES, (v) => languageName(v, lang))}
        {filterSelect('sla', t.inbox.slaFilter, SLA_STATES, (v) => label(t.inbox.slaStates, v))}
      </div>

      <p className="sr-only" role="status" aria-live="polite" data-testid="inbox-results">
        {announcement}
      </p>

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

      {data && items.length === 0 && !loading && (
        <p className="empty" data-testid="inbox-empty">
          {t.inbox.empty}
        </p>
      )}

      <div className="inbox-layout">
        {data && items.length > 0 && (
          <div className="feedback-list" data-testid="feedback-list">
            {items.map((item, index) => (
              <FeedbackCard
                key={item.id}
                ref={(handle) => {
                  cards.current.set(String(item.id), handle);
                }}
                item={item}
                departments={departments}
                onChange={onChange}
                selected={index === selected}
                onSelect={() => setSelected(index)}
                onOpenDetail={() => {
                  setSelected(index);
                  setDetail({ id: item.id, version: 0 });
                }}
              />
            ))}
          </div>
        )}
        {detail && <FeedbackDetailPanel id={detail.id} version={detail.version} onClose={closeDetail} />}
      </div>

      {data && (items.length > 0 || page > 1) && (
        <nav className="pager" aria-label={t.inbox.paging}>
          <button type="button" className="btn" onClick={() => goTo(cursors.slice(0, -1))} disabled={page <= 1 || loading}>
            {t.inbox.previousPage}
          </button>
          <span className="pager__info" data-testid="pager-info">
            {t.inbox.pageInfo(page, total?.total ?? null, total?.capped ?? false)}
          </span>
          <button
            type="button"
            className="btn"
            onClick={() => data.nextCursor && goTo([...cursors, data.nextCursor])}
            disabled={!data.nextCursor || loading}
          >
            {t.inbox.nextPage}
          </button>
        </nav>
      )}

      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </section>
  );
}
