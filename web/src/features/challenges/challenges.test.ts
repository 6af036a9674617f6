import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../api/types';
import { applyChallengeChange, myValue, progressPercent, replaceChallenge, toLocalInput } from './challenges';

const base: Challenge = {
  id: 'c1',
  name: 'Read week',
  description: '',
  metric: 'action-count',
  action: 'read',
  category: null,
  target: 4,
  startsAt: '2026-11-30T08:00:00Z',
  endsAt: '2026-12-04T08:00:00Z',
  scope: 'department',
  departments: [{ id: 'd1', name: 'R&D' }],
  rewardPoints: 10,
  rewardBadge: null,
  recurrence: 'none',
  status: 'active',
  occurrence: 1,
  total: 3,
  totalReached: false,
  units: [
    { rank: 1, id: 'e1', name: 'Ravi', value: 2, reached: false, isYou: true },
    { rank: 2, id: 'd1', name: 'R&D', value: 1, reached: false, isYou: false },
  ],
  rewardedCount: 0,
  rewardedMe: false,
  winners: [],
  version: 5,
  mine: 2,
  canManage: true,
};

describe('challenges', () => {
  it('shows my own, my team’s or the company’s value', () => {
    const me = { departmentId: 'd1' };
    expect(myValue(base, me)).toBe(2);
    expect(myValue({ ...base, scope: 'team-vs-team' }, me)).toBe(1);
    expect(myValue({ ...base, scope: 'company' }, me)).toBe(3);
    expect(myValue({ ...base, mine: null }, me)).toBeNull();
    // A team below the minimum group size has no figure, not even for its members.
    const withheld = { ...base, scope: 'team-vs-team' as const, units: [{ ...base.units[1], rank: 0, value: null }] };
    expect(myValue(withheld, me)).toBeNull();
  });

  it('measures progress towards the target, lower being better for a time', () => {
    expect(progressPercent('action-count', 2, 4)).toBe(50);
    expect(progressPercent('action-count', 9, 4)).toBe(100);
    expect(progressPercent('action-count', null, 4)).toBe(0);
    expect(progressPercent('median-first-response', 30, 60)).toBe(100);
    expect(progressPercent('median-first-response', 120, 60)).toBe(50);
  });

  it('takes newer pushes and keeps what only the API answer knows', () => {
    const mineToo = { ...base, rewardedMe: true };
    const pushed = { ...base, version: 6, total: 4, canManage: false, mine: null, rewardedMe: false, rewardedCount: 1 };
    const [merged] = applyChallengeChange([mineToo], pushed);
    expect(merged.total).toBe(4);
    expect(merged.rewardedCount).toBe(1);
    expect(merged.canManage).toBe(true);
    expect(merged.mine).toBe(2);
    expect(merged.rewardedMe).toBe(true);
    expect(applyChallengeChange([base], { ...pushed, version: 4 })[0]).toBe(base);
  });

  it('takes the API’s own view unless a newer push is there', () => {
    const fresh = { ...base, version: 7, mine: 3 };
    expect(replaceChallenge([base], fresh)[0]).toBe(fresh);
    expect(replaceChallenge([fresh], { ...base, version: 6 })[0]).toBe(fresh);
  });

  it('formats a datetime-local value', () => {
    expect(toLocalInput(new Date(2026, 10, 28, 9, 5))).toBe('2026-11-28T09:05');
  });
});
