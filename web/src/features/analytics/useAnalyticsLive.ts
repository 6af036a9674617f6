import { useEffect, useRef } from 'react';
import type { DepartmentAnalytics, Id } from '../../api/types';
import { isConnected, useHubEvent, useLive } from '../../live/LiveProvider';

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a != null && b != null && a.toLowerCase() === b.toLowerCase();
}

/**
 * Watches one department's figures over the live connection: `WatchAnalytics` now and again after every reconnect
 * (the server forgot the old connection's subscriptions), `UnwatchAnalytics` when leaving. `onChanged` gets the watch's
 * answer and each `AnalyticsChanged` push for the department (its rolling-30-days figures); `onReconnected` runs after a
 * reconnect, since pushes may have been missed while away.
 */
export function useAnalyticsLive(
  departmentId: Id | null,
  onChanged: (figures: DepartmentAnalytics) => void,
  onReconnected: () => void,
): void {
  const { connection, status, generation } = useLive();
  const connected = status === 'connected' && isConnected(connection);
  const generationRef = useRef(generation);
  generationRef.current = generation;
  const firstGeneration = useRef<number | null>(null);
  const reconnectedRef = useRef(onReconnected);
  reconnectedRef.current = onReconnected;
  const changedRef = useRef(onChanged);
  changedRef.current = onChanged;

  useEffect(() => {
    if (!departmentId || !connected || !connection) return;
    // The answer is the department's rolling-30-days figures, as a push would carry them.
    connection
      .invoke<DepartmentAnalytics | null>('WatchAnalytics', departmentId)
      .then((figures) => {
        if (figures && sameId(figures.departmentId, departmentId)) changedRef.current(figures);
      })
      .catch(() => undefined);
    if (firstGeneration.current === null) firstGeneration.current = generation;
    else if (generation !== firstGeneration.current) reconnectedRef.current();
    const watchedIn = generation;
    return () => {
      if (generationRef.current === watchedIn && isConnected(connection)) {
        connection.invoke('UnwatchAnalytics', departmentId).catch(() => undefined);
      }
    };
  }, [departmentId, connected, connection, generation]);

  useHubEvent<DepartmentAnalytics>('AnalyticsChanged', (figures) => {
    if (sameId(figures.departmentId, departmentId)) changedRef.current(figures);
  });
}
