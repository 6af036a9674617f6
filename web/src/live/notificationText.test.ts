import { describe, expect, it } from 'vitest';
import type { LiveNotification } from '../api/types';
import { inLanguage } from './notificationText';

const note: LiveNotification = {
  id: '1',
  type: 'award',
  title: '+5 points',
  message: 'Replied to a customer',
  points: 5,
  occurredAt: '2026-11-28T08:00:00Z',
  translations: { de: { title: '+5 Punkte', message: 'Einem Kunden geantwortet' } },
};

describe('inLanguage', () => {
  it('uses the translation for the language when there is one', () => {
    expect(inLanguage(note, 'de')).toMatchObject({ title: '+5 Punkte', message: 'Einem Kunden geantwortet', points: 5 });
  });

  it('keeps the English text otherwise', () => {
    expect(inLanguage(note, 'en')).toBe(note);
    expect(inLanguage({ ...note, translations: null }, 'de').title).toBe('+5 points');
  });
});
