import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { useSession } from '../auth/session';

/** The word the server asks an erasure to be confirmed with (see docs/privacy.md). */
export const ERASE_WORD = 'ERASE';

/** "Your data": download everything GamifyHub holds about me, or erase it (with the word and my password). */
export function YourData() {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [word, setWord] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wordId = useId();
  const passwordId = useId();

  async function erase(e: FormEvent) {
    e.preventDefault();
    if (word !== ERASE_WORD) {
      setError(t.me.eraseWordMismatch(ERASE_WORD));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.eraseMe(password);
      await signOut();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.me.eraseFailed);
      setBusy(false);
    }
  }

  return (
    <section className="your-data" aria-labelledby="your-data-title" data-testid="your-data">
      <h3 className="me__subtitle" id="your-data-title">
        {t.me.yourData}
      </h3>
      <p className="small muted">{t.me.yourDataIntro}</p>
      {/* A plain link: the browser sends the sign-in cookie and saves the file the server names. */}
      <a className="btn btn--small" href="/api/me/export" download data-testid="export-my-data">
        {t.me.downloadData}
      </a>

      <details className="your-data__erase">
        <summary>{t.me.eraseTitle}</summary>
        <form onSubmit={(e) => void erase(e)} data-testid="erase-me">
          <p className="small">{t.me.eraseIntro}</p>
          <label htmlFor={wordId}>{t.me.eraseWordLabel(ERASE_WORD)}</label>
          <input id={wordId} value={word} onChange={(e) => setWord(e.target.value)} autoComplete="off" required />
          <label htmlFor={passwordId}>{t.me.erasePasswordLabel}</label>
          <input
            id={passwordId}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn--small btn--danger" disabled={busy}>
            {t.me.eraseButton}
          </button>
        </form>
      </details>
    </section>
  );
}
