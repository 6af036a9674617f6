import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../api/types';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { hashParam } from '../../router';
import { describeActivity } from './ActivityPage';

const person = (name: string | null) => ({ id: name ? 'e1' : null, name, departmentId: 'd1', departmentName: 'R&D' });

const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  id: 'k:1',
  kind: 'kudos',
  occurredAt: '2026-11-28T10:00:00Z',
  actor: person('Lena Müller'),
  receiver: person('Ravi Patel'),
  feedbackId: null,
  points: 5,
  title: null,
  text: null,
  ...over,
});

describe('describeActivity', () => {
  it('names giver and receiver of a kudos in both languages', () => {
    expect(describeActivity(entry({}), en)).toBe('Lena Müller thanked Ravi Patel');
    expect(describeActivity(entry({}), de)).toBe('Lena Müller hat sich bei Ravi Patel bedankt');
  });

  it('says "a colleague" when the privacy settings hide the name', () => {
    expect(describeActivity(entry({ kind: 'resolved', actor: person(null), receiver: null }), en)).toBe(
      'A colleague resolved a feedback item',
    );
  });

  it('puts the badge name into the sentence', () => {
    expect(describeActivity(entry({ kind: 'badge', title: 'First Words', receiver: null }), en)).toBe(
      'Lena Müller earned the badge First Words',
    );
  });
});

describe('hashParam', () => {
  it('reads the wallboard token from the hash', () => {
    expect(hashParam('#/wallboard?token=ghw_abc&rotate=20', 'token')).toBe('ghw_abc');
    expect(hashParam('#/wallboard?token=ghw_abc&rotate=20', 'rotate')).toBe('20');
    expect(hashParam('#/wallboard', 'token')).toBeNull();
  });
});
