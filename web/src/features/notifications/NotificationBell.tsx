import { useT } from '../../i18n';
import { routeHref } from '../../router';
import { useUnread } from './unread';

/** The header's bell: the unread count, linking to the notification centre. */
export function NotificationBell({ current }: { current: boolean }) {
  const t = useT();
  const { unread } = useUnread();
  return (
    <a
      className="bell"
      href={routeHref('notifications')}
      aria-label={t.notifications.bell(unread)}
      aria-current={current ? 'page' : undefined}
      data-testid="notification-bell"
      data-unread={unread}
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </a>
  );
}
