import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setRequestLanguage } from '../api/http';
import { de } from './de';
import { en, type Messages } from './en';

export type Lang = 'en' | 'de';
export type { Messages };

export const dictionaries: Record<Lang, Messages> = { en, de };
export const languages: Lang[] = ['en', 'de'];

const STORAGE_KEY = 'gamifyhub.lang';

function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'de';
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    /* storage blocked */
  }
  return 'en';
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Messages;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = initialLang();
    setRequestLanguage(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    setRequestLanguage(next);
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage blocked: the choice lasts for this page only */
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => ({ lang, setLang, t: dictionaries[lang] }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider>');
  return value;
}

/** The strings of the current language. */
export function useT(): Messages {
  return useI18n().t;
}

/** Looks a server-side code up in a label map, falling back to the code itself. */
export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return map[code] ?? map[code.toLowerCase()] ?? code;
}
