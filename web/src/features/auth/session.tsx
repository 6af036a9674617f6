import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ApiError, onUnauthorized } from '../../api/http';
import type { Me } from '../../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: unknown }
  | { status: 'authenticated'; me: Me };

interface SessionApi {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reloads `/api/me` (points, awards) without flicker. */
  refreshMe: () => Promise<void>;
  /** Retries the initial load after an error. */
  reload: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const refreshSeq = useRef(0);

  useEffect(() => {
    onUnauthorized(() => setState({ status: 'anonymous' }));
    return () => onUnauthorized(null);
  }, []);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api
      .me({ quiet401: true })
      .then((me) => !cancelled && setState({ status: 'authenticated', me }))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'error', error });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const signIn = useCallback(async (email: string, password: string) => {
    await api.login(email, password);
    const me = await api.me({ quiet401: true });
    setState({ status: 'authenticated', me });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      /* the cookie is gone or the server is away: either way we are signed out here */
    }
    setState({ status: 'anonymous' });
  }, []);

  const refreshMe = useCallback(async () => {
    const seq = ++refreshSeq.current;
    try {
      const me = await api.me();
      // Only the newest answer wins; a sign-out in between also wins.
      if (seq !== refreshSeq.current) return;
      setState((current) => (current.status === 'authenticated' ? { status: 'authenticated', me } : current));
    } catch {
      /* keep showing the last known numbers; a 401 already signed us out */
    }
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo(() => ({ state, signIn, signOut, refreshMe, reload }), [state, signIn, signOut, refreshMe, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe outside a signed-in session');
  return state.me;
}
