import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { DemoAccounts, SignInProvider } from '../../api/types';
import { label, useT } from '../../i18n';
import { useSession } from './session';

export function SignInPage() {
  const t = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoAccounts | null>(null);
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const demoTitleId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .demoAccounts(controller.signal)
      .then((accounts) => setDemo(accounts))
      .catch(() => setDemo(null)); // 404 outside demo mode: nothing to show
    api
      .signInProviders(controller.signal)
      .then((list) => setProviders(list))
      .catch(() => setProviders([])); // single sign-on is optional
    return () => controller.abort();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError) setError(err.problem.detail ?? err.problem.title ?? t.auth.failed);
      else setError(t.common.serverUnreachable);
      passwordRef.current?.select();
    }
  }

  function fillAccount(accountEmail: string) {
    setEmail(accountEmail);
    if (demo) setPassword(demo.password);
    setError(null);
    submitRef.current?.focus();
  }

  return (
    <div className="signin">
      <section className="card signin__card" aria-labelledby="signin-title">
        <h1 id="signin-title" className="signin__title">
          {t.auth.title}
        </h1>
        <p className="muted">{t.auth.intro}</p>
        {providers.length > 0 && (
          <div className="signin__providers" data-testid="signin-providers">
            {providers.map((provider) => (
              <a
                key={provider.id}
                className="btn btn--block"
                href={`${provider.startUrl}?returnUrl=${encodeURIComponent(window.location.pathname + window.location.hash)}`}
              >
                {t.identity.signInWith(provider.displayName)}
              </a>
            ))}
            <p className="muted small">{t.identity.orPassword}</p>
          </div>
        )}
        <form className="form" onSubmit={onSubmit} noValidate aria-describedby={error ? errorId : undefined}>
          <div className="field">
            <label htmlFor={emailId}>{t.auth.email}</label>
            <input
              id={emailId}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{t.auth.password}</label>
            <input
              id={passwordId}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
          {error && (
            <p id={errorId} className="form-error" role="alert" data-testid="signin-error">
              {error}
            </p>
          )}
          <button ref={submitRef} type="submit" className="btn btn--primary btn--block" disabled={busy} aria-busy={busy}>
            {t.auth.signIn}
          </button>
        </form>
      </section>

      {demo && demo.accounts.length > 0 && (
        <section className="card signin__demo" aria-labelledby={demoTitleId} data-testid="demo-accounts">
          <h2 id={demoTitleId}>{t.auth.demoTitle}</h2>
          <p className="muted">{t.auth.demoHint}</p>
          <p>
            {t.auth.demoPassword}: <code data-testid="demo-password">{demo.password}</code>
          </p>
          <ul className="demo-list">
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  className="demo-account"
                  data-testid="demo-account"
                  data-email={account.email}
                  title={t.auth.useAccount(account.email)}
                  onClick={() => fillAccount(account.email)}
                >
                  <span className="demo-account__name">{account.displayName}</span>
                  <span className="demo-account__email">{account.email}</span>
                  <span className="demo-account__meta">
                    <span className="tag">{label(t.roles, account.role)}</span>{' '}
                    {account.department ?? t.auth.noDepartment}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
