import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { ActivityEntry } from '../../api/types';
import { useMe } from '../auth/session';
import { formatDateTime } from '../../format';
import { useI18n, type Messages } from '../../i18n';

const PAGE = 20;

/** One feed entry as a sentence; names the server hid (privacy settings) read "a colleague". */
/** One line for an entry (also a wallboard highlight, which has the same words but no ids). */
export function describeActivity(
  e: Pick<ActivityEntry, 'kind' | 'title'> & { actor: { name: string | null } | null; receiver: { name: string | null } | null },
  t: Messages,
): string {
  const who = e.actor?.name ?? t.activity.colleague;
  const k = t.activity.kinds;
  switch (e.kind) {
    case 'award':
      return k.award(who, e.title ?? '');
    case 'badge':
      return k.badge(who, e.title ?? '');
    case 'level-up':
      return k['level-up'](who, e.title ?? '');
    case 'top-n':
      return k['top-n'](who);
    case 'resolved':
      return k.resolved(who);
    case 'insight':
      return k.insight(who, e.title ?? '');
    case 'kudos':
      return k.kudos(who, e.receiver?.name ?? t.activity.colleague);
    default:
      return who;
  }
}

/** My department's activity feed: awards, badges, resolved items, insights and kudos, newest first. */
export function ActivityPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [items, setItems] = useState<ActivityEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState(false);
  const headingId = useId();
  const department = me.departmentId;

  const load = useCallback(
    async (after: string | null) => {
      if (!department) return;
      setLoading(true);
      setError(false);
      try {
        const page = await api.activity(department, after, PAGE);
        setItems((list) => (after ? [...list, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch {
        setError(true);
      } finally {
        setLoading(false);
      }
    },
    [department],
  );

  useEffect(() => {
    void load(null);
  }, [load, lang]);

  return (
    <section aria-labelledby={headingId} data-testid="activity-page">
      <h1 id={headingId}>{t.activity.title}</h1>
      {me.departmentName && <p className="muted">{t.activity.intro(me.departmentName)}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t.activity.loadError}
        </p>
      )}
      {!loading && !error && items.length === 0 && <p className="muted">{t.activity.empty}</p>}
      <ol className="activity-list" aria-busy={loading}>
        {items.map((e) => (
          <li key={e.id} className="card activity" data-testid="activity-entry" data-kind={e.kind}>
            <span>{describeActivity(e, t)}</span>
            {e.points > 0 && <span className="badge badge--positive">{t.activity.points(e.points)}</span>}
            {e.text && <blockquote className="note">{e.text}</blockquote>}
            <time className="muted small" dateTime={e.occurredAt}>
              {formatDateTime(e.occurredAt, lang)}
            </time>
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" className="btn" onClick={() => void load(cursor)} disabled={loading}>
          {t.activity.loadMore}
        </button>
      )}
    </section>
  );
}
