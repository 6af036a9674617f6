import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { LiveNotification } from './api/types';
import { BadgeCelebration } from './components/BadgeCelebration';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useToast } from './components/Toasts';
import { useMe, useSession } from './features/auth/session';
import { AdminPage, isAdmin } from './features/admin/AdminPage';
import { InboxPage } from './features/inbox/InboxPage';
import { InsightsPage } from './features/insights/InsightsPage';
import { LeaderboardPage } from './features/board/LeaderboardPage';
import { ChallengesPage } from './features/challenges/ChallengesPage';
import { MePanel } from './features/me/MePanel';
import { ActivityPage } from './features/activity/ActivityPage';
import { PrivacyFooter, PrivacyPage } from './features/privacy/PrivacyPage';
import { NotificationBell } from './features/notifications/NotificationBell';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { useI18n, useT } from './i18n';
import { useHubEvent, useLive } from './live/LiveProvider';
import { inLanguage } from './live/notificationText';
import { routeHref, useRoute, type Route } from './router';

// The chart library is loaded with the Analytics page only, not with every page.
const AnalyticsPage = lazy(() => import('./features/analytics/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));

export function Header({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <header className="header">
      <div className="header__inner">
        <a className="brand" href={routeHref('inbox')}>
          <span className="brand__mark" aria-hidden="true">
            ★
          </span>
          {t.common.appName}
        </a>
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}

function NavLink({ route, current, children }: { route: Route; current: Route; children: ReactNode }) {
  return (
    <a className="nav__link" href={routeHref(route)} aria-current={route === current ? 'page' : undefined}>
      {children}
    </a>
  );
}

/** The signed-in app: header, page, and my points. */
export function AppLayout() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { signOut, refreshMe } = useSession();
  const toast = useToast();
  const route = useRoute();
  const { status: liveStatus } = useLive();

  // Badges earned and not yet celebrated, oldest first; the first one is on screen.
  const [celebrations, setCelebrations] = useState<LiveNotification[]>([]);
  const closeCelebration = useCallback(() => setCelebrations((list) => list.slice(1)), []);

  // Rule set texts (award reasons, badge names) come from the server in the request's language.
  const [shownLang, setShownLang] = useState(lang);
  useEffect(() => {
    if (lang === shownLang) return;
    setShownLang(lang);
    void refreshMe();
  }, [lang, shownLang, refreshMe]);

  useHubEvent<LiveNotification>('Notification', (received) => {
    const n = inLanguage(received, lang);
    const points = n.points > 0 ? `+${n.points}` : n.points < 0 ? `−${Math.abs(n.points)}` : undefined;
    switch (n.type) {
      case 'badge':
        setCelebrations((list) => (list.some((c) => c.id === n.id) ? list : [...list, n]));
        break;
      case 'level-up':
        toast.push({ kind: 'success', title: t.celebrate.levelUp(n.title), text: n.message ?? '' });
        break;
      case 'shared-credit':
        toast.push({ kind: 'success', title: n.title || t.celebrate.sharedCredit, text: n.message ?? '', badge: points });
        break;
      case 'kudos':
      case 'top-n':
        toast.push({ kind: 'success', title: n.title || undefined, text: n.message ?? '', badge: points });
        break;
      case 'clawback':
        toast.push({ kind: 'info', title: n.title || t.celebrate.clawback, text: n.message ?? '', badge: points });
        break;
      default:
        toast.push({ kind: 'info', title: n.title || undefined, text: n.message ?? '', badge: points });
    }
    void refreshMe();
  });

  useEffect(() => {
    const page =
      route === 'inbox'
        ? t.inbox.title
        : route === 'admin'
          ? t.admin.title
          : route === 'insights'
            ? t.insights.title
            : route === 'analytics'
              ? t.analytics.title
            : route === 'challenges'
              ? t.challenges.title
              : route === 'activity'
              ? t.activity.title
              : route === 'notifications'
                ? t.notifications.title
                : route === 'privacy'
                  ? t.privacy.title
                  : t.board.title;
    document.title = `${page} · ${t.common.appName}`;
  }, [route, t]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the router's: move focus without navigating.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.common.skipToContent}
      </a>
      <Header>
        <nav className="nav" aria-label={t.header.nav}>
          <NavLink route="inbox" current={route}>
            {t.header.inbox}
          </NavLink>
          <NavLink route="leaderboard" current={route}>
            {t.header.leaderboard}
          </NavLink>
          <NavLink route="challenges" current={route}>
            {t.header.challenges}
          </NavLink>
          <NavLink route="insights" current={route}>
            {t.header.insights}
          </NavLink>
          <NavLink route="analytics" current={route}>
            {t.header.analytics}
          </NavLink>
          {me.departmentId && (
            <NavLink route="activity" current={route}>
              {t.header.activity}
            </NavLink>
          )}
          {isAdmin(me.roles) && (
            <NavLink route="admin" current={route}>
              {t.header.admin}
            </NavLink>
          )}
        </nav>
        <div className="header__user">
          {me.employeeId && <NotificationBell current={route === 'notifications'} />}
          <span className="header__name" title={t.header.signedInAs(me.displayName)}>
            <span className="sr-only">{t.header.signedInAs('')}</span>
            {me.displayName}
          </span>
          <button type="button" className="btn btn--small btn--ghost-light" onClick={() => void signOut()}>
            {t.header.signOut}
          </button>
        </div>
      </Header>
      <div className={route === 'admin' || route === 'analytics' ? 'shell shell--wide' : 'shell'} data-testid="shell" data-live={liveStatus}>
        <main id="main" className="shell__main" tabIndex={-1}>
          {route === 'inbox' ? (
            <InboxPage />
          ) : route === 'admin' ? (
            <AdminPage />
          ) : route === 'insights' ? (
            <InsightsPage />
          ) : route === 'analytics' ? (
            <Suspense fallback={<p className="muted">{t.common.loading}</p>}>
              <AnalyticsPage />
            </Suspense>
          ) : route === 'challenges' ? (
            <ChallengesPage />
          ) : route === 'activity' && me.departmentId ? (
            <ActivityPage />
          ) : route === 'notifications' && me.employeeId ? (
            <NotificationsPage />
          ) : route === 'privacy' ? (
            <PrivacyPage signedIn />
          ) : (
            <LeaderboardPage />
          )}
        </main>
        {route !== 'admin' && route !== 'analytics' && <MePanel />}
      </div>
      <PrivacyFooter />
      {celebrations.length > 0 && (
        <BadgeCelebration key={celebrations[0].id} notification={celebrations[0]} onClose={closeCelebration} />
      )}
    </>
  );
}
