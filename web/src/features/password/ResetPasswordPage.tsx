import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { NewPasswordFields } from './NewPasswordFields';
import { hashParam } from '../../router';

/** The anonymous page an admin's reset link opens (`#/reset-password?email=…&code=…`): set a password of one's own. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState(() => hashParam(window.location.hash, 'email') ?? '');
  const [code, setCode] = useState(() => hashParam(window.location.hash, 'code') ?? '');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const emailId = useId();
  const codeId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) {
      setError(t.password.mismatch);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.resetPassword(email.trim(), code.trim(), next);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.password.resetFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card sign-in" aria-labelledby="reset-title" data-testid="reset-password">
      <h1 id="reset-title">{t.password.resetTitle}</h1>
      {done ? (
        <p role="status" data-testid="reset-done">
          {t.password.resetDone}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p className="small muted">{t.password.resetIntro}</p>
          <label htmlFor={emailId}>{t.password.email}</label>
          <input id={emailId} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
          <label htmlFor={codeId}>{t.password.code}</label>
          <input id={codeId} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" required />
          <NewPasswordFields next={next} repeat={repeat} onNext={setNext} onRepeat={setRepeat} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t.password.reset}
          </button>
        </form>
      )}
      <p>
        <a href="#/inbox">{t.password.backToSignIn}</a>
      </p>
    </section>
  );
}
