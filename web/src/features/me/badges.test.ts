import { describe, expect, it } from 'vitest';
import type { Badge } from '../../api/types';
import { badgeProgress, earnedBadges, levelBar, nextBadges } from './badges';

function badge(id: string, current: number, target: number, earned = false): Badge {
  return { id, name: id, description: '', tier: 'bronze', secret: false, earned, current, target };
}

describe('nextBadges', () => {
  it('picks the three unearned badges closest to being earned', () => {
    const list = [
      badge('a', 1, 1, true),
      badge('b', 0, 100),
      badge('c', 40, 50),
      badge('d', 3, 10),
      badge('e', 1, 2),
      badge('f', 0, 1),
    ];
    expect(nextBadges(list).map((b) => b.id)).toEqual(['c', 'e', 'd']);
  });

  it('keeps the server order on ties and never returns earned badges', () => {
    const list = [badge('x', 0, 5), badge('y', 1, 1, true), badge('z', 0, 1), badge('w', 0, 3)];
    expect(nextBadges(list, 2).map((b) => b.id)).toEqual(['x', 'z']);
    expect(nextBadges(list, 10)).toHaveLength(3);
  });

  it('copes with missing or empty lists', () => {
    expect(nextBadges(undefined)).toEqual([]);
    expect(nextBadges(null)).toEqual([]);
    expect(earnedBadges(undefined)).toEqual([]);
  });
});

describe('badgeProgress', () => {
  it('is clamped to 0..1 and treats a zero target as done', () => {
    expect(badgeProgress({ current: 5, target: 10 })).toBe(0.5);
    expect(badgeProgress({ current: 20, target: 10 })).toBe(1);
    expect(badgeProgress({ current: -1, target: 10 })).toBe(0);
    expect(badgeProgress({ current: 0, target: 0 })).toBe(1);
  });
});

describe('levelBar', () => {
  it('clamps the value into the level and defaults to level 1', () => {
    expect(levelBar({ level: 3, xpIntoLevel: 12, xpForNextLevel: 100 })).toEqual({ level: 3, value: 12, max: 100 });
    expect(levelBar({ level: 9, xpIntoLevel: 50, xpForNextLevel: 0 })).toEqual({ level: 9, value: 0, max: 0 });
    expect(levelBar(undefined)).toEqual({ level: 1, value: 0, max: 0 });
  });
});
