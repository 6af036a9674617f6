import type { DepartmentRow, FairView } from '../../api/types';

/** The ratio a fair-view row is ranked by: the server sends it × 100 as a whole number. */
export function ratioOf(row: DepartmentRow): number {
  return row.score / 100;
}

/** What the ratio is made of, for the row's explanation: points over heads or over routed items. */
export function ratioParts(row: DepartmentRow, view: FairView): { points: number; over: number } {
  return { points: row.points, over: view === 'per-head' ? row.headcount : row.items };
}
