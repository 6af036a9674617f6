import type { BoardChange, BoardRow, BoardSnapshot } from '../../api/types';

/** What the leaderboard page keeps for the board it watches. */
export interface BoardState {
  board: string;
  window: string;
  /** `null` on the season board while no season is running. */
  period: string | null;
  version: number;
  rows: BoardRow[];
  /** My own row when the server sent it (may be outside the top rows). */
  me: BoardRow | null;
}

export type ApplyResult =
  | { kind: 'applied'; state: BoardState; changedIds: string[] }
  | { kind: 'ignored'; reason: 'other-board' | 'stale' }
  | { kind: 'refetch' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders rows by rank, then by name (ties share a rank in competition ranking). */
export function compareRows(a: BoardRow, b: BoardRow): number {
  return a.rank - b.rank || collator.compare(a.name, b.name) || collator.compare(String(a.memberId), String(b.memberId));
}

export function sortRows(rows: readonly BoardRow[]): BoardRow[] {
  return [...rows].sort(compareRows);
}

/** Merges changed rows into the list by `memberId` (a changed row replaces the old one) and re-sorts. */
export function mergeRows(current: readonly BoardRow[], changed: readonly BoardRow[]): BoardRow[] {
  const byId = new Map<string, BoardRow>();
  for (const row of current) byId.set(String(row.memberId), row);
  for (const row of changed) byId.set(String(row.memberId), { ...byId.get(String(row.memberId)), ...row });
  return sortRows([...byId.values()]);
}

export function fromSnapshot(snapshot: BoardSnapshot): BoardState {
  return {
    board: snapshot.board,
    window: snapshot.window,
    period: snapshot.period,
    version: snapshot.version,
    rows: sortRows(snapshot.rows ?? []),
    me: snapshot.me ?? null,
  };
}

function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

/**
 * Applies a `BoardChanged` push to the board state:
 * - a push for another board or window is ignored;
 * - a push for another period (the week rolled over, a season ended or started) asks for a fresh snapshot;
 * - a push that is not newer than what we have is ignored;
 * - otherwise its rows are merged in by `memberId`.
 */
export function applyBoardChange(state: BoardState, change: BoardChange): ApplyResult {
  if (!same(change.board, state.board) || !same(change.window, state.window)) {
    return { kind: 'ignored', reason: 'other-board' };
  }
  if (change.period !== state.period) return { kind: 'refetch' };
  if (!(change.version > state.version)) return { kind: 'ignored', reason: 'stale' };

  const changedRows = change.rows ?? [];
  const rows = mergeRows(state.rows, changedRows);
  let me = state.me;
  if (me) {
    const mine = changedRows.find((r) => String(r.memberId) === String(me!.memberId));
    if (mine) me = { ...me, ...mine };
  }
  return {
    kind: 'applied',
    state: { ...state, version: change.version, rows, me },
    changedIds: changedRows.map((r) => String(r.memberId)),
  };
}

/** The rows to show: the top `limit` by rank. */
export function topRows(rows: readonly BoardRow[], limit: number): BoardRow[] {
  return rows.slice(0, limit);
}
