import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { BoardRow } from '../../api/types';

const REFRESH_DELAY_MS = 400;

/**
 * The rows within five places of mine, when I am outside the top rows: "near me" instead of the bottom of the board.
 * Refreshed when the live board's version moves.
 */
export function useNearMe(board: string, window: string, enabled: boolean, liveVersion: number | undefined): BoardRow[] {
  const [rows, setRows] = useState<BoardRow[]>([]);

  useEffect(() => {
    if (!enabled) {
      setRows([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .board(board, window, 1, controller.signal, true)
        .then((snapshot) => setRows(snapshot.rows))
        .catch(() => undefined); // keep what we show; the next push retries
    }, REFRESH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [board, window, enabled, liveVersion]);

  return rows;
}
