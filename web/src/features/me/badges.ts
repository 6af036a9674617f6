import type { Badge, LevelProgress } from '../../api/types';

/** How far along a badge is, from 0 to 1 (a target of 0 or less counts as done). */
export function badgeProgress(badge: Pick<Badge, 'current' | 'target'>): number {
  if (!(badge.target > 0)) return 1;
  return Math.min(1, Math.max(0, badge.current / badge.target));
}

/** The badges I have, in the server's order. */
export function earnedBadges(badges: readonly Badge[] | null | undefined): Badge[] {
  return (badges ?? []).filter((b) => b.earned);
}

/**
 * The next `count` unearned badges to show: the closest to being earned first; ties keep the server's order
 * (which is the rule set's order, roughly easiest first).
 */
export function nextBadges(badges: readonly Badge[] | null | undefined, count = 3): Badge[] {
  return (badges ?? [])
    .map((badge, index) => ({ badge, index, progress: badgeProgress(badge) }))
    .filter((x) => !x.badge.earned)
    .sort((a, b) => b.progress - a.progress || a.index - b.index)
    .slice(0, Math.max(0, count))
    .map((x) => x.badge);
}

/** The level bar's numbers, safe against a missing level or a zero-width level (e.g. the top of a table curve). */
export function levelBar(level: LevelProgress | null | undefined): { level: number; value: number; max: number } {
  const max = Math.max(0, level?.xpForNextLevel ?? 0);
  const value = Math.min(max, Math.max(0, level?.xpIntoLevel ?? 0));
  return { level: level?.level ?? 1, value, max };
}
