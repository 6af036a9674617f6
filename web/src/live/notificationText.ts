import type { LiveNotification } from '../api/types';

/** The notification with its title and message in `lang`, when the server sent that translation (English otherwise). */
export function inLanguage<T extends LiveNotification>(n: T, lang: string): T {
  const text = n.translations?.[lang];
  return text ? { ...n, title: text.title, message: text.message } : n;
}
