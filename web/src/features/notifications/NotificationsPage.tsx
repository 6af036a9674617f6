import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { LiveNotification, NotificationItem } from '../../api/types';
import { useToast } from '../../components/Toasts';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useHubEvent } from '../../live/LiveProvider';
import { inLanguage } from '../../live/notificationText';
import { useUnread } from './unread';

const PAGE = 20;

/** The notification centre: newest first, mark read one by one or all at once, and which types to receive. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const { unread, setUnread } = useUnread();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(false);
  const headingId = useId();

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(false);
      try {
        const page = await api.notifications(after, PAGE);
        setItems((list) => (after ? [...list, ...page.items.filter((n) => !list.some((o) => o.id === n.id))] : page.items));
        setCursor(page.nextCursor);
        setUnread(page.unread);
      } catch {
        setError(true);
      } finally {
        setLoading(false);
      }
    },
    [setUnread],
  );

  // Reload when the language changes: titles come in the request's language.
  useEffect(() => {
    void load(null);
  }, [load, lang]);

  // A new notification shows at the top at once (it is already stored, so a reload would show it too).
  useHubEvent<LiveNotification>('Notification', (n) => {
    setItems((list) => (list.some((o) => o.id === n.id) ? list : [{ ...n, read: false, readAt: null }, ...list]));
  });
  // Read in another tab: the count says so; mark everything here read when it drops to zero.
  useHubEvent<{ unread: number }>('UnreadCount', (p) => {
    if (p.unread === 0) setItems((list) => list.map((n) => (n.read ? n : { ...n, read: true })));
  });

  const markRead = async (id: string) => {
    const r = await api.markNotificationRead(id);
    setItems((list) => list.map((n) => (n.id === id ? { ...n, read: true } : n)));
    setUnread(r.unread);
  };

  const markAll = async () => {
    const r = await api.markAllNotificationsRead();
    setItems((list) => list.map((n) => ({ ...n, read: true })));
    setUnread(r.unread);
  };

  return (
    <section aria-labelledby={headingId} className="notifications" data-testid="notifications-page">
      <div className="page-head">
        <h1 id={headingId}>{t.notifications.title}</h1>
        <button type="button" className="btn btn--small" onClick={() => void markAll()} disabled={unread === 0}>
          {t.notifications.markAllRead}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t.notifications.loadError}
        </p>
      )}
      {!loading && items.length === 0 && !error && <p className="muted">{t.notifications.empty}</p>}
      <ol className="notification-list" aria-busy={loading}>
        {items.map((raw) => {
          const n = inLanguage(raw, lang);
          return (
            <li
              key={n.id}
              className={n.read ? 'card notification' : 'card notification notification--unread'}
              data-testid="notification"
              data-type={n.type}
              data-read={n.read}
            >
              <div className="notification__head">
                <strong>{n.title}</strong>
                {!n.read && <span className="badge badge--neutral">{t.notifications.unread}</span>}
                <span className="muted small">{t.notifications.types[n.type] ?? n.type}</span>
                <time className="muted small" dateTime={n.occurredAt}>
                  {formatDateTime(n.occurredAt, lang)}
                </time>
              </div>
              {n.message && <p>{n.message}</p>}
              {!n.read && (
                <button type="button" className="btn btn--small btn--ghost" onClick={() => void markRead(n.id)}>
                  {t.notifications.markRead}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {cursor && (
        <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading}>
          {t.notifications.loadMore}
        </button>
      )}
      <Preferences />
    </section>
  );
}

function Preferences() {
  const t = useI18n().t;
  const toast = useToast();
  const [types, setTypes] = useState<string[]>([]);
  const [muted, setMuted] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const headingId = useId();

  useEffect(() => {
    const controller = new AbortController();
    api
      .notificationPreferences(controller.signal)
      .then((p) => {
        setTypes(p.types);
        setMuted(new Set(p.muted));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  const save = async () => {
    setSaving(true);
    try {
      const p = await api.setNotificationPreferences([...muted]);
      setMuted(new Set(p.muted));
      toast.push({ kind: 'success', text: t.notifications.saved });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId} data-testid="notification-preferences">
      <h2 id={headingId}>{t.notifications.preferences}</h2>
      <p className="muted small">{t.notifications.preferencesHint}</p>
      <fieldset className="preferences">
        <legend className="sr-only">{t.notifications.mute}</legend>
        {types.map((type) => (
          <label key={type} className="preference">
            <input
              type="checkbox"
              checked={!muted.has(type)}
              data-type={type}
              onChange={(e) =>
                setMuted((set) => {
                  const next = new Set(set);
                  if (e.target.checked) next.delete(type);
                  else next.add(type);
                  return next;
                })
              }
            />{' '}
            {t.notifications.types[type] ?? type}
          </label>
        ))}
      </fieldset>
      <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={saving}>
        {t.notifications.save}
      </button>
    </section>
  );
}
