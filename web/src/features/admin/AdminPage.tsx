import { useT } from '../../i18n';
import { routeHref, useSubRoute } from '../../router';
import { useMe } from '../auth/session';
import { FlagsPage } from './FlagsPage';
import { ImportPage } from './ImportPage';
import { NotAllowed } from './NotAllowed';
import { RulesPage } from './RulesPage';
import { TriagePage } from './TriagePage';
import { WallboardTokensPage } from '../wallboard/WallboardTokensPage';

export type AdminSection = 'rules' | 'flags' | 'triage' | 'import' | 'wallboards';

export function isAdmin(roles: readonly string[] | null | undefined): boolean {
  return (roles ?? []).includes('Admin');
}

export function adminHref(section: AdminSection): string {
  return `${routeHref('admin')}/${section}`;
}

/** The admin area: rules, anti-gaming flags and the feedback file import, for admins only. */
export function AdminPage() {
  const t = useT();
  const me = useMe();
  const sub = useSubRoute();
  const section: AdminSection =
    sub === 'flags' || sub === 'triage' || sub === 'import' || sub === 'wallboards' ? sub : 'rules';

  if (!isAdmin(me.roles)) return <NotAllowed />;

  return (
    <div className="admin" data-testid="admin" data-section={section}>
      <nav className="tabs" aria-label={t.admin.sections}>
        {(['rules', 'flags', 'triage', 'import', 'wallboards'] as const).map((s) => (
          <a
            key={s}
            className="tabs__link"
            href={adminHref(s)}
            aria-current={s === section ? 'page' : undefined}
            data-testid={`admin-tab-${s}`}
          >
            {s === 'rules'
              ? t.admin.rules
              : s === 'flags'
                ? t.admin.flags
                : s === 'triage'
                  ? t.triageAdmin.tab
                  : s === 'import'
                    ? t.admin.import
                    : t.wallboard.tokens}
          </a>
        ))}
      </nav>
      {section === 'rules' ? (
        <RulesPage />
      ) : section === 'flags' ? (
        <FlagsPage />
      ) : section === 'triage' ? (
        <TriagePage />
      ) : section === 'import' ? (
        <ImportPage />
      ) : (
        <WallboardTokensPage />
      )}
    </div>
  );
}
