import { useId } from 'react';
import { dictionaries, languages, useI18n, type Lang } from '../i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t.header.language}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="language-switch">
        {languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {dictionaries[code].langName}
          </option>
        ))}
      </select>
    </div>
  );
}
