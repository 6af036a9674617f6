import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, apiUpload, CSRF_HEADER, readCsrfCookie } from './http';

function answer(status: number, body: unknown = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('CSRF header', () => {
  it('reads the token from its cookie', () => {
    expect(readCsrfCookie('a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCsrfCookie('a=1')).toBeUndefined();
  });

  it('is sent on writes (JSON and uploads) but not on reads', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok' });
    const fetchMock = vi.fn(async () => answer(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);

    await apiFetch('/api/me');
    await apiFetch('/api/kudos', { method: 'POST', body: { to: 'x' } });
    await apiUpload('/api/admin/imports', new FormData());

    const headers = fetchMock.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1].headers as Record<string, string>);
    expect(headers[0][CSRF_HEADER]).toBeUndefined();
    expect(headers[1][CSRF_HEADER]).toBe('tok');
    expect(headers[2][CSRF_HEADER]).toBe('tok');
  });

  it('asks the server for a token when the cookie is missing, and never sends one with a bearer token', async () => {
    const cookie = { cookie: '' };
    vi.stubGlobal('document', cookie);
    const fetchMock = vi.fn(async (path: string) => {
      if (path === '/api/auth/csrf') {
        cookie.cookie = 'XSRF-TOKEN=fresh';
        return answer(200, { headerName: CSRF_HEADER, token: 'fresh' });
      }
      return answer(204);
    });
    vi.stubGlobal('fetch', fetchMock);

    await apiFetch('/api/notifications/read-all', { method: 'POST' });
    await apiFetch('/api/wallboard', { method: 'POST', bearer: 'wb' });

    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map((c) => c[0])).toEqual(['/api/auth/csrf', '/api/notifications/read-all', '/api/wallboard']);
    expect((calls[1][1].headers as Record<string, string>)[CSRF_HEADER]).toBe('fresh');
    expect((calls[2][1].headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
  });

  it('gets a fresh token and retries once when the server refuses the one in the cookie', async () => {
    const cookie = { cookie: 'XSRF-TOKEN=stale' };
    vi.stubGlobal('document', cookie);
    const refused = { type: 'https://gamifyhub.dev/problems/csrf', title: 'The request has no valid CSRF token.', status: 403 };
    const fetchMock = vi.fn(async (path: string, init?: RequestInit) => {
      if (path === '/api/auth/csrf') {
        cookie.cookie = 'XSRF-TOKEN=fresh';
        return answer(200, { token: 'fresh' });
      }
      return (init?.headers as Record<string, string>)[CSRF_HEADER] === 'fresh' ? answer(204) : answer(403, refused);
    });
    vi.stubGlobal('fetch', fetchMock);

    await apiFetch('/api/kudos', { method: 'POST', body: {} });
    expect((fetchMock.mock.calls as unknown as [string][]).map((c) => c[0])).toEqual(['/api/kudos', '/api/auth/csrf', '/api/kudos']);
  });

  it('turns a refusal into an ApiError with the problem details for both helpers', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok' });
    vi.stubGlobal('fetch', vi.fn(async () => answer(403, { title: 'The request has no valid CSRF token.', status: 403 })));
    await expect(apiFetch('/api/kudos', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    await expect(apiUpload('/api/admin/imports', new FormData())).rejects.toMatchObject({ status: 403 });
  });
});
