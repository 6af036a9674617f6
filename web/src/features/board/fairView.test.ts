import { describe, expect, it } from 'vitest';
import type { DepartmentRow } from '../../api/types';
import { ratioOf, ratioParts } from './fairView';

const row: DepartmentRow = { rank: 1, memberId: 'd1', name: 'Operations', score: 1250, points: 50, headcount: 4, items: 20 };

describe('fair views', () => {
  it('turns the ranked score back into the ratio', () => {
    expect(ratioOf(row)).toBe(12.5);
  });

  it('explains the ratio by the parts of the chosen view', () => {
    expect(ratioParts(row, 'per-head')).toEqual({ points: 50, over: 4 });
    expect(ratioParts(row, 'per-item')).toEqual({ points: 50, over: 20 });
  });
});
