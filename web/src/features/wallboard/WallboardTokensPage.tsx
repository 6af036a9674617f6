import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { WallboardToken } from '../../api/types';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

/** Admins create a token per TV screen (shown once, as the wallboard's address) and revoke it when the screen is gone. */
export function WallboardTokensPage() {
  const { t, lang } = useI18n();
  const [tokens, setTokens] = useState<WallboardToken[]>([]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const nameId = useId();

  const load = useCallback(async () => {
    try {
      setTokens(await api.wallboardTokens());
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    setError(null);
    try {
      const token = await api.createWallboardToken(name.trim());
      setCreated(`${window.location.origin}${window.location.pathname}#/wallboard?token=${token.token}`);
      setName('');
      await load();
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  };

  const revoke = async (id: string) => {
    await api.revokeWallboardToken(id);
    await load();
  };

  return (
    <section className="card" aria-labelledby={headingId} data-testid="wallboard-tokens">
      <h2 id={headingId}>{t.wallboard.tokens}</h2>
      <p className="muted small">{t.wallboard.tokensHint}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor={nameId}>{t.wallboard.tokenName}</label>{' '}
        <input id={nameId} value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />{' '}
        <button type="submit" className="btn btn--primary btn--small">
          {t.wallboard.create}
        </button>
      </form>
      {created && (
        <p role="status" data-testid="wallboard-token-created" className="break-all">
          {t.wallboard.created(created)}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {tokens.length === 0 ? (
        <p className="muted">{t.wallboard.noTokens}</p>
      ) : (
        <ul>
          {tokens.map((token) => (
            <li key={token.id} data-testid="wallboard-token">
              <strong>{token.name}</strong> · {token.createdBy} · {formatDateTime(token.createdAt, lang)}{' '}
              {token.revokedAt ? (
                <span className="muted">{t.wallboard.revoked}</span>
              ) : (
                <button type="button" className="btn btn--small btn--ghost" onClick={() => void revoke(token.id)}>
                  {t.wallboard.revoke}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
