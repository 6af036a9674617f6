import { useEffect } from 'react';
import { useT } from '../../i18n';
import { routeHref } from '../../router';

/** The plain-language privacy page (`#/privacy`), for everyone, signed in or not: what is measured and who sees it. */
export function PrivacyPage({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  useEffect(() => {
    document.title = `${t.privacy.title} · ${t.common.appName}`;
  }, [t]);

  return (
    <article className="page privacy-page" data-testid="privacy-page">
      <h1>{t.privacy.title}</h1>
      <p className="muted">{t.privacy.intro}</p>
      {t.privacy.sections.map((section) => (
        <section key={section.title} className="privacy-page__section">
          <h2>{section.title}</h2>
          {section.paragraphs.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </section>
      ))}
      <p>
        <a href={routeHref(signedIn ? 'leaderboard' : 'inbox')}>{t.privacy.back}</a>
      </p>
    </article>
  );
}

/** A small footer with the privacy link, on every page. */
export function PrivacyFooter() {
  const t = useT();
  return (
    <footer className="footer" data-testid="footer">
      <a href={routeHref('privacy')} data-testid="privacy-link">
        {t.privacy.link}
      </a>
    </footer>
  );
}
