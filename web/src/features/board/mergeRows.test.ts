import { describe, expect, it } from 'vitest';
import type { BoardChange, BoardRow } from '../../api/types';
import { applyBoardChange, fromSnapshot, mergeRows, sortRows, topRows, type BoardState } from './mergeRows';

const row = (memberId: string, rank: number, score: number, name = memberId): BoardRow => ({ memberId, rank, score, name });

function state(rows: BoardRow[], version = 5, period = '2026-W05'): BoardState {
  return fromSnapshot({ board: 'employees', window: 'week', period, version, rows });
}

function change(rows: BoardRow[], version: number, period = '2026-W05', board = 'employees', window = 'week'): BoardChange {
  return { board, window, period, version, rows };
}

describe('sortRows', () => {
  it('orders by rank, then by name', () => {
    const sorted = sortRows([row('c', 2, 10, 'Carla'), row('a', 1, 20, 'Zoe'), row('b', 2, 10, 'Ben')]);
    expect(sorted.map((r) => r.memberId)).toEqual(['a', 'b', 'c']);
  });
});

describe('mergeRows', () => {
  it('replaces rows by memberId, adds new ones and re-sorts', () => {
    const merged = mergeRows(
      [row('a', 1, 30), row('b', 2, 20), row('c', 3, 10)],
      [row('c', 1, 40), row('a', 2, 30), row('b', 3, 20), row('d', 4, 5)],
    );
    expect(merged.map((r) => [r.memberId, r.rank, r.score])).toEqual([
      ['c', 1, 40],
      ['a', 2, 30],
      ['b', 3, 20],
      ['d', 4, 5],
    ]);
  });

  it('keeps fields a push leaves out (department name)', () => {
    const merged = mergeRows([{ ...row('a', 1, 10), departmentName: 'R&D' }], [row('a', 1, 12)]);
    expect(merged[0]).toMatchObject({ memberId: 'a', score: 12, departmentName: 'R&D' });
  });
});

describe('applyBoardChange', () => {
  const base = state([row('a', 1, 30), row('b', 2, 20)]);

  it('merges a newer push', () => {
    const result = applyBoardChange(base, change([row('b', 1, 35), row('a', 2, 30)], 6));
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.state.version).toBe(6);
    expect(result.state.rows.map((r) => r.memberId)).toEqual(['b', 'a']);
    expect(result.changedIds).toEqual(['b', 'a']);
  });

  it('ignores a push that is not newer', () => {
    expect(applyBoardChange(base, change([row('b', 1, 99)], 5))).toEqual({ kind: 'ignored', reason: 'stale' });
    expect(applyBoardChange(base, change([row('b', 1, 99)], 4))).toEqual({ kind: 'ignored', reason: 'stale' });
  });

  it('ignores a push for another board or window', () => {
    expect(applyBoardChange(base, change([row('x', 1, 1)], 9, '2026-W05', 'departments')).kind).toBe('ignored');
    expect(applyBoardChange(base, change([row('x', 1, 1)], 9, '2026-W05', 'employees', 'all')).kind).toBe('ignored');
  });

  it('asks for a snapshot when the period changes', () => {
    expect(applyBoardChange(base, change([row('a', 1, 1)], 1, '2026-W06'))).toEqual({ kind: 'refetch' });
  });

  it('asks for a snapshot when a season ends or the next one starts', () => {
    const season = fromSnapshot({ board: 'employees', window: 'season', period: 'winter-sprint', version: 5, rows: [row('a', 1, 9)] });
    const ended = { board: 'employees', window: 'season', period: null, version: 6, rows: [] };
    expect(applyBoardChange(season, ended)).toEqual({ kind: 'refetch' });

    const none = fromSnapshot({ board: 'employees', window: 'season', period: null, version: 6, rows: [] });
    expect(none.period).toBeNull();
    expect(applyBoardChange(none, { ...ended, period: 'spring-sprint', version: 7 })).toEqual({ kind: 'refetch' });
  });

  it('updates my own row when it is pushed', () => {
    const withMe: BoardState = { ...base, me: row('z', 40, 2) };
    const result = applyBoardChange(withMe, change([row('z', 35, 4)], 7));
    expect(result.kind === 'applied' && result.state.me).toMatchObject({ rank: 35, score: 4 });
  });
});

describe('topRows', () => {
  it('keeps the first N rows', () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`m${i}`, i + 1, 100 - i));
    expect(topRows(rows, 20)).toHaveLength(20);
  });
});

describe('privacy in pushes', () => {
  it('reads the board again on a consent change instead of being told which pseudonym is whose', () => {
    const before = state([row('a', 1, 30, 'Ann'), row('ravi', 2, 20, 'Ravi Patel'), row('c', 3, 10, 'Carl')]);
    expect(applyBoardChange(before, { ...change([], 6), refresh: true }).kind).toBe('refetch');
  });

  it('drops rows that fall below the visible ranks, but keeps my own and my name on it', () => {
    const mine: BoardRow = { ...row('me', 2, 20, 'Sofia Rossi'), isYou: true };
    const start: BoardState = { ...state([row('a', 1, 30), mine]), me: mine, visibleRanks: 2 };
    const out = applyBoardChange(start, {
      ...change([row('a', 3, 30), { ...row('me', 4, 20, 'Colleague 0001'), pseudonym: true }, row('b', 1, 50)], 6),
      visibleRanks: 2,
    });
    expect(out.kind).toBe('applied');
    if (out.kind !== 'applied') return;
    expect(out.state.rows.map((r) => [r.memberId, r.name])).toEqual([
      ['b', 'b'],
      ['me', 'Sofia Rossi'],
    ]);
  });

  it('sorts withheld departments (rank 0) after the ranked ones', () => {
    expect(sortRows([{ ...row('small', 0, 0), withheld: true }, row('big', 1, 10)]).map((r) => r.memberId)).toEqual(['big', 'small']);
  });
});
