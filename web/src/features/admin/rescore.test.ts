import { describe, expect, it } from 'vitest';
import type { RescoreRow } from '../../api/types';
import { badgeNames, nextSort, signed, sortRows } from './rescore';

const row = (name: string, before: number, after: number, department = 'R&D'): RescoreRow => ({
  employeeId: name.toLowerCase(),
  name,
  departmentId: null,
  departmentName: department,
  pointsBefore: before,
  pointsAfter: after,
  delta: after - before,
  badgesGained: [],
  badgesLost: [],
});

const rows = [row('Ravi', 10, 20), row('Sofia', 50, 40, 'Service'), row('Lena', 5, 15), row('Ann', 7, 9)];

describe('sortRows', () => {
  it('orders by delta, biggest first, ties by name', () => {
    expect(sortRows(rows, 'delta', 'desc').map((r) => r.name)).toEqual(['Lena', 'Ravi', 'Ann', 'Sofia']);
  });

  it('orders by delta, smallest first', () => {
    expect(sortRows(rows, 'delta', 'asc').map((r) => r.name)).toEqual(['Sofia', 'Ann', 'Lena', 'Ravi']);
  });

  it('orders by name and by department', () => {
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['Ann', 'Lena', 'Ravi', 'Sofia']);
    expect(sortRows(rows, 'department', 'desc').map((r) => r.name)).toEqual(['Sofia', 'Ann', 'Lena', 'Ravi']);
  });

  it('leaves the given list alone', () => {
    const copy = [...rows];
    sortRows(rows, 'after', 'asc');
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction of the same column and starts numbers biggest first', () => {
    expect(nextSort({ key: 'delta', dir: 'desc' }, 'delta')).toEqual({ key: 'delta', dir: 'asc' });
    expect(nextSort({ key: 'delta', dir: 'asc' }, 'after')).toEqual({ key: 'after', dir: 'desc' });
    expect(nextSort({ key: 'delta', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  });
});

describe('badgeNames and signed', () => {
  it('prefers the first set that names a badge', () => {
    const names = badgeNames([{ id: 'a', name: 'New A' }], [{ id: 'a', name: 'Old A' }, { id: 'b', name: 'B' }]);
    expect(names.get('a')).toBe('New A');
    expect(names.get('b')).toBe('B');
  });

  it('signs deltas with a plus or a real minus', () => {
    expect(signed(5, String)).toBe('+5');
    expect(signed(-3, String)).toBe('−3');
    expect(signed(0, String)).toBe('0');
  });
});
