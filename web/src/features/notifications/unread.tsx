import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { useHubEvent, useLive } from '../../live/LiveProvider';

interface UnreadValue {
  unread: number;
  setUnread: (unread: number) => void;
}

const UnreadContext = createContext<UnreadValue>({ unread: 0, setUnread: () => undefined });

/**
 * The signed-in user's unread notification count: loaded once and after every reconnect (notifications that arrived
 * while offline are waiting in the centre), then kept current by the hub's `UnreadCount` pushes, which every open tab of
 * that user receives — reading in one tab clears the bell in all of them.
 */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState(0);
  const { generation } = useLive();

  useEffect(() => {
    const controller = new AbortController();
    api
      .unreadNotifications(controller.signal)
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
    return () => controller.abort();
  }, [generation]);

  useHubEvent<{ unread: number }>('UnreadCount', (payload) => setUnread(payload.unread));

  const set = useCallback((n: number) => setUnread(n), []);
  const value = useMemo(() => ({ unread, setUnread: set }), [unread, set]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): UnreadValue {
  return useContext(UnreadContext);
}
