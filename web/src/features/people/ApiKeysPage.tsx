import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { ApiKeyInfo, ApiKeyScope } from '../../api/types';
import { formatDateTime } from '../../format';
import { label, useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

const SCOPES: ApiKeyScope[] = ['feedback:write', 'events:write', 'wallboard'];

/** Admin → API keys: create a key with scopes (shown once), list and revoke. */
export function ApiKeysPage() {
  const { t, lang } = useI18n();
  const [keys, setKeys] = useState<ApiKeyInfo[]>([]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const nameId = useId();

  const load = useCallback(async () => {
    try {
      setKeys(await api.apiKeys());
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function create() {
    setError(null);
    setCreated(null);
    try {
      const key = await api.createApiKey(name.trim(), scopes);
      setCreated(key.key);
      setName('');
      setScopes([]);
      await load();
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }

  async function revoke(id: string) {
    setError(null);
    try {
      await api.revokeApiKey(id);
      await load();
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }

  return (
    <section className="card" aria-labelledby={headingId} data-testid="api-keys">
      <h2 id={headingId}>{t.identity.apiKeysTitle}</h2>
      <p className="muted small">{t.identity.apiKeysIntro}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>{t.identity.keyName}</label>
          <input id={nameId} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="field">
          <legend>{t.identity.scopes}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                name="scope"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
              />{' '}
              {label(t.identity.scopeNames, scope)} <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn--primary btn--small">
          {t.identity.createKey}
        </button>
      </form>
      {created && (
        <p role="status" className="break-all" data-testid="api-key-created">
          {t.identity.keyCreated} <code>{created}</code>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {keys.length === 0 ? (
        <p className="muted">{t.identity.noKeys}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="api-keys-table">
            <thead>
              <tr>
                <th scope="col">{t.identity.name}</th>
                <th scope="col">{t.identity.scopes}</th>
                <th scope="col">{t.identity.createdBy}</th>
                <th scope="col">{t.identity.createdAt}</th>
                <th scope="col">{t.identity.status}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row">
                  <td>{key.name}</td>
                  <td>{key.scopes.map((s) => label(t.identity.scopeNames, s)).join(', ')}</td>
                  <td>{key.createdBy ?? '—'}</td>
                  <td>{formatDateTime(key.createdAt, lang)}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="muted">{t.identity.revoked(formatDateTime(key.revokedAt, lang))}</span>
                    ) : (
                      <button type="button" className="btn btn--small btn--ghost" onClick={() => void revoke(key.id)}>
                        {t.identity.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
