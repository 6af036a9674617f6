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
  /** Individual boards: others' rows ranked below this are never shown (no bottom ranks). */
  visibleRanks?: number | null;
  /** Why rows are missing, e.g. `individual-boards-off`. */
  notice?: string | null;
}

export type ApplyResult =
  | { kind: 'applied'; state: BoardState; changedIds: string[] }
  | { kind: 'ignored'; reason: 'other-board' | 'stale' }
  | { kind: 'refetch' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders rows by rank, then by name (ties share a rank in competition ranking). */
export function compareRows(a: BoardRow, b: BoardRow): number {
  // Rank 0 is an unranked (withheld) department: after the ranked ones.
  const rank = (r: BoardRow) => (r.rank > 0 ? r.rank : Number.MAX_SAFE_INTEGER);
  return rank(a) - rank(b) || collator.compare(a.name, b.name) || collator.compare(String(a.memberId), String(b.memberId));
}

export function sortRows(rows: readonly BoardRow[]): BoardRow[] {
  return [...rows].sort(compareRows);
}

/**
 * Merges changed rows into the list by `memberId` (a changed row replaces the old one) and re-sorts. With
 * `visibleRanks`, rows ranked below it leave the list (no bottom ranks), except the reader's own (`keepId`).
 */
export function mergeRows(
  current: readonly BoardRow[],
  changed: readonly BoardRow[],
  visibleRanks?: number | null,
  keepId?: string | null,
): BoardRow[] {
  const byId = new Map<string, BoardRow>();
  for (const row of current) byId.set(String(row.memberId), row);
  for (const row of changed) {
    byId.set(String(row.memberId), { ...byId.get(String(row.memberId)), ...row });
  }
  const rows = [...byId.values()].filter(
    (r) => visibleRanks == null || r.rank <= visibleRanks || (keepId != null && String(r.memberId) === keepId),
  );
  return sortRows(rows);
}

export function fromSnapshot(snapshot: BoardSnapshot): BoardState {
  return {
    board: snapshot.board,
    window: snapshot.window,
    period: snapshot.period,
    version: snapshot.version,
    rows: sortRows(snapshot.rows ?? []),
    me: snapshot.me ?? null,
    visibleRanks: snapshot.visibleRanks ?? null,
    notice: snapshot.notice ?? null,
  };
}

function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

/**
 * Applies a `BoardChanged` push to the board state:
 * - a push for another board or window is ignored;
 * - a push for another period (the week rolled over, a season ended or started) asks for a fresh snapshot, and so does a
 *   `refresh` push (a consent change: the server never sends a person's old and new id together);
 * - a push that is not newer than what we have is ignored;
 * - otherwise its rows are merged in by `memberId`.
 */
export function applyBoardChange(state: BoardState, change: BoardChange): ApplyResult {
  if (!same(change.board, state.board) || !same(change.window, state.window)) {
    return { kind: 'ignored', reason: 'other-board' };
  }
  if (change.period !== state.period || change.refresh) return { kind: 'refetch' };
  if (!(change.version > state.version)) return { kind: 'ignored', reason: 'stale' };

  const changedRows = change.rows ?? [];
  const visibleRanks = change.visibleRanks ?? state.visibleRanks ?? null;
  let me = state.me;
  if (me) {
    const myId = String(me.memberId);
    const mine = changedRows.find((r) => String(r.memberId) === myId);
    // My own row keeps my name and "isYou" (pushes carry what others see).
    if (mine) me = { ...me, ...mine, name: me.name, pseudonym: me.pseudonym, isYou: me.isYou };
  }
  const rows = mergeRows(state.rows, changedRows, visibleRanks, me ? String(me.memberId) : null).map((r) =>
    me && String(r.memberId) === String(me.memberId) ? { ...r, name: me.name, pseudonym: me.pseudonym, isYou: me.isYou } : r,
  );
  return {
    kind: 'applied',
    state: { ...state, version: change.version, rows, me, visibleRanks },
    changedIds: changedRows.map((r) => String(r.memberId)),
  };
}

/** The rows to show: the top `limit` by rank. */
export function topRows(rows: readonly BoardRow[], limit: number): BoardRow[] {
  return rows.slice(0, limit);
}
