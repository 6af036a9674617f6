import type { BoardWindow, Season } from '../../api/types';
import type { Lang } from '../../i18n';

/** The windows the leaderboard offers, in the order of the Window select. */
export const BOARD_WINDOWS: readonly BoardWindow[] = ['day', 'week', 'month', 'quarter', 'season', 'all'];

export function isBoardWindow(value: string): value is BoardWindow {
  return (BOARD_WINDOWS as readonly string[]).includes(value);
}

/** Whether a window can be chosen now: the season window only while a season is running. */
export function windowAvailable(window: BoardWindow, current: Season | null | undefined): boolean {
  return window !== 'season' || current != null;
}

/**
 * A season's days as people read them, e.g. "18 Nov 2026 – 19 Dec 2026". Its dates are calendar dates in the company's
 * time zone, so they are formatted as dates, never shifted by the browser's time zone.
 */
export function seasonDates(season: Pick<Season, 'start' | 'end'>, lang: Lang): string {
  const format = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (iso: string) => {
    const date = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
  return `${day(season.start)} – ${day(season.end)}`;
}
