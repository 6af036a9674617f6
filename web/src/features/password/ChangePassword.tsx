import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { NewPasswordFields } from './NewPasswordFields';

/** "Change password" in the me panel: current password required; the server ends every other sign-in. */
export function ChangePassword() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const currentId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setError(t.password.mismatch);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.password.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="change-password" data-testid="change-password">
      <summary>{t.password.changeTitle}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={currentId}>{t.password.current}</label>
        <input
          id={currentId}
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          required
        />
        <NewPasswordFields next={next} repeat={repeat} onNext={setNext} onRepeat={setRepeat} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p role="status" data-testid="password-changed">
            {t.password.changed}
          </p>
        )}
        <button type="submit" className="btn btn--small" disabled={busy}>
          {t.password.change}
        </button>
      </form>
    </details>
  );
}
