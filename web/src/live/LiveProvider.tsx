import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createLiveConnection, startDelay } from './connection';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

interface LiveValue {
  connection: HubConnection | null;
  status: LiveStatus;
  /** Goes up by one each time the connection (re)connects; effects that watch something depend on it. */
  generation: number;
}

const LiveContext = createContext<LiveValue>({ connection: null, status: 'disconnected', generation: 0 });

/** Opens the `/hubs/live` connection once for the signed-in session and keeps it open. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<HubConnection | null>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const conn = createLiveConnection();
    let stopped = false;
    let timer: number | undefined;

    const connected = () => {
      setStatus('connected');
      setGeneration((g) => g + 1);
    };

    const schedule = (attempt: number, delay: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void start(attempt), delay);
    };

    const start = async (attempt: number) => {
      if (stopped || conn.state !== HubConnectionState.Disconnected) return;
      setStatus(attempt === 0 ? 'connecting' : 'disconnected');
      try {
        await conn.start();
        if (!stopped) connected();
      } catch {
        if (!stopped) schedule(attempt + 1, Math.max(startDelay(attempt), 1000));
      }
    };

    conn.onreconnecting(() => !stopped && setStatus('reconnecting'));
    conn.onreconnected(() => !stopped && connected());
    // Automatic reconnect gave up (or the server closed us): start over.
    conn.onclose(() => {
      if (stopped) return;
      setStatus('disconnected');
      schedule(1, startDelay(1));
    });

    setConnection(conn);
    void start(0);

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      conn.stop().catch(() => undefined);
    };
  }, []);

  const value = useMemo(() => ({ connection, status, generation }), [connection, status, generation]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  return useContext(LiveContext);
}

/** Subscribes to a server → client hub method; the latest handler is always used. */
export function useHubEvent<T>(method: string, handler: (payload: T) => void): void {
  const { connection } = useLive();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => {
    if (!connection) return;
    const listener = (payload: T) => handlerRef.current(payload);
    connection.on(method, listener);
    return () => connection.off(method, listener);
  }, [connection, method]);
}

export function isConnected(connection: HubConnection | null): connection is HubConnection {
  return connection?.state === HubConnectionState.Connected;
}
