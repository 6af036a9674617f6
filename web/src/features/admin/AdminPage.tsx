import type { ReactNode } from 'react';
import { useT, type Messages } from '../../i18n';
import { routeHref, useSubRoute } from '../../router';
import { useMe } from '../auth/session';
import { AnalyticsModelPage } from './AnalyticsModelPage';
import { AuditPage } from './AuditPage';
import { FlagsPage } from './FlagsPage';
import { ImportPage } from './ImportPage';
import { NotAllowed } from './NotAllowed';
import { RetentionPage } from './RetentionPage';
import { PrivacySettingsPage } from './PrivacySettingsPage';
import { RulesPage } from './RulesPage';
import { TriagePage } from './TriagePage';
import { WallboardTokensPage } from '../wallboard/WallboardTokensPage';
import { ApiKeysPage } from '../people/ApiKeysPage';
import { DepartmentsPage } from '../people/DepartmentsPage';
import { PeoplePage } from '../people/PeoplePage';

interface Section {
  id: string;
  label: (t: Messages) => string;
  render: () => ReactNode;
}

/** The admin area's tabs, in order; the first is the default. Adding a tab is one line here. */
const sections = [
  { id: 'rules', label: (t) => t.admin.rules, render: () => <RulesPage /> },
  { id: 'flags', label: (t) => t.admin.flags, render: () => <FlagsPage /> },
  { id: 'triage', label: (t) => t.triageAdmin.tab, render: () => <TriagePage /> },
  { id: 'import', label: (t) => t.admin.import, render: () => <ImportPage /> },
  { id: 'wallboards', label: (t) => t.wallboard.tokens, render: () => <WallboardTokensPage /> },
  { id: 'retention', label: (t) => t.retention.tab, render: () => <RetentionPage /> },
  { id: 'privacy', label: (t) => t.privacy.admin.tab, render: () => <PrivacySettingsPage /> },
  { id: 'analytics-model', label: (t) => t.analyticsModel.tab, render: () => <AnalyticsModelPage /> },
  { id: 'people', label: (t) => t.identity.peopleTab, render: () => <PeoplePage /> },
  { id: 'departments', label: (t) => t.identity.departmentsTab, render: () => <DepartmentsPage /> },
  { id: 'api-keys', label: (t) => t.identity.apiKeysTab, render: () => <ApiKeysPage /> },
  { id: 'audit', label: (t) => t.audit.tab, render: () => <AuditPage /> },
] as const satisfies readonly Section[];

export type AdminSection = (typeof sections)[number]['id'];

export function isAdmin(roles: readonly string[] | null | undefined): boolean {
  return (roles ?? []).includes('Admin');
}

export function adminHref(section: AdminSection): string {
  return `${routeHref('admin')}/${section}`;
}

/** The admin area, for admins only. */
export function AdminPage() {
  const t = useT();
  const me = useMe();
  const sub = useSubRoute();
  const section = sections.find((s) => s.id === sub) ?? sections[0];

  if (!isAdmin(me.roles)) return <NotAllowed />;

  return (
    <div className="admin" data-testid="admin" data-section={section.id}>
      <nav className="tabs" aria-label={t.admin.sections}>
        {sections.map((s) => (
          <a
            key={s.id}
            className="tabs__link"
            href={adminHref(s.id)}
            aria-current={s.id === section.id ? 'page' : undefined}
            data-testid={`admin-tab-${s.id}`}
          >
            {s.label(t)}
          </a>
        ))}
      </nav>
      {section.render()}
    </div>
  );
}
