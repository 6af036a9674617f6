import type { Challenge, ChallengeMetric } from '../../api/types';

/**
 * Whose value the headline bar shows: the company's total, my department's (team-vs-team; none while it is below the
 * minimum group size), or my own (department scope) — which only the API answer knows: a pseudonymous row's id is not my
 * employee id, and pushes carry no one's own row.
 */
export function myValue(challenge: Challenge, me: { departmentId: string | null }): number | null {
  if (challenge.scope === 'company') return challenge.total;
  if (challenge.scope === 'team-vs-team') {
    const unit = challenge.units.find((u) => String(u.id) === String(me.departmentId));
    return unit ? unit.value : null;
  }
  return challenge.mine;
}

/** How far a value is towards the target, 0–100. A time is better when lower: at or under the target is 100. */
export function progressPercent(metric: ChallengeMetric, value: number | null, target: number): number {
  if (value === null || !(target > 0)) return 0;
  if (metric === 'median-first-response') {
    if (value <= target) return 100;
    return Math.max(0, Math.min(100, Math.round((target / value) * 100)));
  }
  return Math.max(0, Math.min(100, Math.round((value / target) * 100)));
}

/**
 * Merges a pushed challenge into the list: newer versions replace the old one but keep what only the API answer knows
 * (`canManage`, `mine`, `rewardedMe`: a push carries only what every watcher may see); older pushes are dropped.
 */
export function applyChallengeChange(list: readonly Challenge[], change: Challenge): Challenge[] {
  return list.map((c) =>
    String(c.id) !== String(change.id) || change.version <= c.version
      ? c
      : { ...change, canManage: c.canManage, mine: c.mine, rewardedMe: c.rewardedMe },
  );
}

/** Puts a challenge as the API answered it (the reader's own view) into the list, unless a newer push is there already. */
export function replaceChallenge(list: readonly Challenge[], fresh: Challenge): Challenge[] {
  return list.map((c) => (String(c.id) !== String(fresh.id) || fresh.version < c.version ? c : fresh));
}

/** Challenges whose progress can still move (watched over the hub). */
export function isLive(challenge: Challenge): boolean {
  return challenge.status === 'active' || challenge.status === 'scheduled';
}

/** A `datetime-local` value (local time, minutes) for a date. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
