import { ToastProvider } from './components/Toasts';
import { SignInPage } from './features/auth/SignInPage';
import { SessionProvider, useSession } from './features/auth/session';
import { I18nProvider, useT } from './i18n';
import { Header, AppLayout } from './Layout';
import { LiveProvider } from './live/LiveProvider';
import { UnreadProvider } from './features/notifications/unread';
import { WallboardPage } from './features/wallboard/WallboardPage';
import { useRoute } from './router';
import { PrivacyFooter, PrivacyPage } from './features/privacy/PrivacyPage';
import { ResetPasswordPage } from './features/password/ResetPasswordPage';

function Root() {
  const t = useT();
  const { state, reload } = useSession();
  const route = useRoute();

  switch (state.status) {
    case 'loading':
      return (
        <>
          <Header />
          <main id="main" className="center" aria-busy="true">
            <p className="muted">{t.common.loading}</p>
          </main>
        </>
      );
    case 'anonymous':
      return (
        <>
          <Header />
          <main id="main">
            {route === 'privacy' ? (
              <PrivacyPage signedIn={false} />
            ) : route === 'reset-password' ? (
              <ResetPasswordPage />
            ) : (
              <>
                <SignInPage />
                <p className="center small">
                  <a href="#/reset-password" data-testid="have-reset-code">
                    {t.password.haveCode}
                  </a>
                </p>
              </>
            )}
          </main>
          <PrivacyFooter />
        </>
      );
    case 'error':
      return (
        <>
          <Header />
          <main id="main" className="center">
            <div className="card" role="alert">
              <p>{t.common.serverUnreachable}</p>
              <button type="button" className="btn btn--primary" onClick={reload}>
                {t.common.retry}
              </button>
            </div>
          </main>
        </>
      );
    case 'authenticated':
      // Keyed by user: signing in as someone else starts from a clean slate (and a new hub connection).
      return (
        <LiveProvider key={state.me.employeeId}>
          <UnreadProvider>
            <AppLayout />
          </UnreadProvider>
        </LiveProvider>
      );
  }
}

export function App() {
  // The wallboard signs in with its own token, never with a person's session.
  const route = useRoute();
  if (route === 'wallboard') {
    return (
      <I18nProvider>
        <WallboardPage />
      </I18nProvider>
    );
  }

  return (
    <I18nProvider>
      <ToastProvider>
        <SessionProvider>
          <Root />
        </SessionProvider>
      </ToastProvider>
    </I18nProvider>
  );
}
