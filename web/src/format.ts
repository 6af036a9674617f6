import type { Lang } from './i18n';

const channelNames: Record<string, string> = {
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  x: 'X',
  twitter: 'X',
  xing: 'Xing',
  youtube: 'YouTube',
  instagram: 'Instagram',
  appstore: 'App Store',
  'app-store': 'App Store',
  playstore: 'Google Play',
  blog: 'Blog',
  email: 'Email',
  review: 'Review',
};

export function channelName(channel: string): string {
  return channelNames[channel.toLowerCase()] ?? channel;
}

export function languageName(code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  try {
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(n);
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
