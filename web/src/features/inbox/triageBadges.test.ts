import { describe, expect, it } from 'vitest';
import type { ItemSla } from '../../api/types';
import { clocksIn } from './TriageBadges';

const names = { firstResponse: 'first response', resolution: 'resolution' };
const clock = (state: string, dueAt: string) => ({ state, dueAt, breachedAt: null, running: true });

describe('clocksIn', () => {
  it('names the clocks in a state and the earliest due time among them', () => {
    const sla: ItemSla = {
      state: 'breached',
      firstResponse: clock('breached', '2026-03-02T10:00:00Z'),
      resolution: clock('breached', '2026-03-02T09:30:00Z'),
    };
    expect(clocksIn(sla, 'breached', names)).toEqual({ names: 'first response, resolution', due: '2026-03-02T09:30:00Z' });
  });

  it('leaves out clocks in other states', () => {
    const sla: ItemSla = {
      state: 'at-risk',
      firstResponse: clock('met', '2026-03-02T10:00:00Z'),
      resolution: clock('at-risk', '2026-03-05T09:00:00Z'),
    };
    expect(clocksIn(sla, 'at-risk', names)).toEqual({ names: 'resolution', due: '2026-03-05T09:00:00Z' });
  });
});
