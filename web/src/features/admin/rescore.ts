import type { BadgeEntry, RescoreRow } from '../../api/types';

export type SortKey = 'delta' | 'name' | 'department' | 'before' | 'after';
export type SortDir = 'asc' | 'desc';

/** The diff's rows in the chosen order; ties by name, then by id, so the order never jumps. */
export function sortRows(rows: readonly RescoreRow[], key: SortKey, dir: SortDir): RescoreRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (r: RescoreRow): number | string => {
    switch (key) {
      case 'delta':
        return r.delta;
      case 'before':
        return r.pointsBefore;
      case 'after':
        return r.pointsAfter;
      case 'department':
        return r.departmentName ?? '';
      case 'name':
        return r.name;
    }
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const primary = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    if (primary !== 0) return sign * primary;
    return a.name.localeCompare(b.name) || a.employeeId.localeCompare(b.employeeId);
  });
}

/** The next order when a column header is pressed: numbers start biggest first, names A to Z. */
export function nextSort(current: { key: SortKey; dir: SortDir }, key: SortKey): { key: SortKey; dir: SortDir } {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' || key === 'department' ? 'asc' : 'desc' };
}

/** Badge names by id, from the proposed and the current rules (a badge may exist in only one). */
export function badgeNames(...sets: (readonly BadgeEntry[] | undefined)[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const set of sets) for (const b of set ?? []) if (b?.id && !names.has(b.id)) names.set(b.id, b.name || b.id);
  return names;
}

/** A signed number for a delta: +5, −3 (a real minus sign), 0. */
export function signed(n: number, format: (n: number) => string): string {
  if (n > 0) return `+${format(n)}`;
  if (n < 0) return `−${format(Math.abs(n))}`;
  return format(0);
}
