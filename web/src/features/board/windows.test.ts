import { describe, expect, it } from 'vitest';
import type { Season } from '../../api/types';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { BOARD_WINDOWS, isBoardWindow, seasonDates, windowAvailable } from './windows';

const season: Season = {
  id: 'winter-listening-sprint',
  name: 'Winter Listening Sprint',
  start: '2026-11-18',
  end: '2026-12-19',
  startsAt: '2026-11-17T23:00:00Z',
  endsAt: '2026-12-19T23:00:00Z',
};

describe('board windows', () => {
  it('offers day, week, month, quarter, season and all time in that order', () => {
    expect(BOARD_WINDOWS).toEqual(['day', 'week', 'month', 'quarter', 'season', 'all']);
    expect(isBoardWindow('season')).toBe(true);
    expect(isBoardWindow('year')).toBe(false);
  });

  it('offers the season window only while a season is running', () => {
    expect(windowAvailable('season', season)).toBe(true);
    expect(windowAvailable('season', null)).toBe(false);
    expect(windowAvailable('week', null)).toBe(true);
  });

  it('names every window in English and German, the season window after the season', () => {
    for (const t of [en, de]) {
      for (const w of BOARD_WINDOWS.filter((w) => w !== 'season')) {
        expect(t.board.windows[w as Exclude<typeof w, 'season'>]).toBeTruthy();
      }
    }
    expect(en.board.season(season.name)).toBe('Season: Winter Listening Sprint');
    expect(de.board.season(season.name)).toBe('Saison: Winter Listening Sprint');
  });
});

describe('seasonDates', () => {
  it('shows the first and last day as dates, not shifted by the time zone', () => {
    expect(seasonDates(season, 'en')).toBe('18 Nov 2026 – 19 Dec 2026');
    expect(seasonDates(season, 'de')).toBe('18.11.2026 – 19.12.2026');
  });

  it('falls back to the raw text for a date it cannot read', () => {
    expect(seasonDates({ start: 'soon', end: '2026-12-19' }, 'en')).toBe('soon – 19 Dec 2026');
  });
});
