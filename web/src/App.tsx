import { ToastProvider } from './components/Toasts';
import { SignInPage } from './features/auth/SignInPage';
import { SessionProvider, useSession } from './features/auth/session';
import { I18nProvider, useT } from './i18n';
import { Header, AppLayout } from './Layout';
import { LiveProvider } from './live/LiveProvider';

function Root() {
  const t = useT();
  const { state, reload } = useSession();

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
            <SignInPage />
          </main>
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
          <AppLayout />
        </LiveProvider>
      );
  }
}

export function App() {
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
