import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { AdminDepartment, Person, RoleName } from '../../api/types';
import { formatDateTime } from '../../format';
import { label, useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

export const ROLE_NAMES: RoleName[] = ['Employee', 'Manager', 'Admin'];
const PAGE_SIZE = 25;

interface Draft {
  name: string;
  email: string;
  departmentId: string;
  roles: RoleName[];
  managedDepartmentIds: string[];
  password: string;
}

const emptyDraft: Draft = { name: '', email: '', departmentId: '', roles: ['Employee'], managedDepartmentIds: [], password: '' };

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
}

/** Admin → People: list and search, add a person, change name, department, roles and managed departments, switch sign-in off. */
export function PeoplePage() {
  const { t, lang } = useI18n();
  const [departments, setDepartments] = useState<AdminDepartment[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Shown once, right after an admin issued it: the server keeps no copy.
  const [resetCode, setResetCode] = useState<{ name: string; link: string; expiresAt: string } | null>(null);
  const headingId = useId();
  const searchId = useId();

  const load = useCallback(async () => {
    try {
      const [result, depts] = await Promise.all([api.people(applied, page, PAGE_SIZE), api.adminDepartments()]);
      setPeople(result.items);
      setTotal(result.total);
      setDepartments(depts);
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }, [applied, page, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  async function run(work: () => Promise<string | null>) {
    setError(null);
    setStatus(null);
    try {
      setStatus(await work());
      await load();
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }

  function onCreate(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const person = await api.createPerson({
        name: draft.name.trim(),
        email: draft.email.trim(),
        departmentId: draft.departmentId || null,
        roles: draft.roles,
        managedDepartmentIds: draft.managedDepartmentIds,
        password: draft.password,
      });
      setDraft(emptyDraft);
      return t.identity.created(person.name);
    });
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const { id, draft: change } = editing;
    void run(async () => {
      await api.changePerson(id, {
        name: change.name.trim(),
        departmentId: change.departmentId || undefined,
        roles: change.roles,
        managedDepartmentIds: change.managedDepartmentIds,
      });
      setEditing(null);
      return t.identity.saved;
    });
  }

  return (
    <section className="card" aria-labelledby={headingId} data-testid="people-admin">
      <h2 id={headingId}>{t.identity.peopleTitle}</h2>
      <p className="muted small">{t.identity.peopleIntro}</p>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setApplied(search.trim());
        }}
      >
        <label htmlFor={searchId}>{t.identity.search}</label>{' '}
        <input id={searchId} type="search" value={search} maxLength={256} onChange={(e) => setSearch(e.target.value)} />{' '}
        <button type="submit" className="btn btn--small">
          {t.identity.searchButton}
        </button>
      </form>

      {status && (
        <p role="status" data-testid="people-status">
          {status}
        </p>
      )}
      {resetCode && (
        <div className="card" role="status" data-testid="reset-code">
          <p>{t.password.issued(resetCode.name, formatDateTime(resetCode.expiresAt, lang))}</p>
          <input readOnly value={resetCode.link} aria-label={t.password.code} data-testid="reset-link" onFocus={(e) => e.target.select()} />{' '}
          <button type="button" className="btn btn--small" onClick={() => void navigator.clipboard?.writeText(resetCode.link)}>
            {t.password.copy}
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="people-error">
          {error}
        </p>
      )}

      <p className="muted small" aria-live="polite">
        {t.identity.total(total)}
      </p>
      <div className="table-wrap">
      <table className="data-table" data-testid="people-table">
        <thead>
          <tr>
            <th scope="col">{t.identity.name}</th>
            <th scope="col">{t.identity.email}</th>
            <th scope="col">{t.identity.department}</th>
            <th scope="col">{t.identity.roles}</th>
            <th scope="col">{t.identity.status}</th>
            <th scope="col">
              <span className="sr-only">{t.identity.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} data-testid="person-row" data-email={person.email}>
              <td>{person.name}</td>
              <td>{person.email}</td>
              <td>{person.departmentName ?? t.identity.noDepartment}</td>
              <td>
                {person.roles.map((r) => label(t.roles, r)).join(', ')}
                {person.roles.includes('Manager') && person.managedDepartmentIds.length > 0 && (
                  <span className="muted small"> ({person.managedDepartmentIds.map(departmentName).join(', ')})</span>
                )}
              </td>
              <td>
                {person.disabled
                  ? t.identity.disabled
                  : person.lockedUntil
                    ? t.identity.lockedUntil(formatDateTime(person.lockedUntil, lang))
                    : t.identity.active}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  data-testid="person-edit"
                  aria-label={t.identity.editing(person.name)}
                  onClick={() =>
                    setEditing({
                      id: person.id,
                      draft: {
                        name: person.name,
                        email: person.email,
                        departmentId: person.departmentId ?? '',
                        roles: person.roles,
                        managedDepartmentIds: person.managedDepartmentIds.filter((d) => d !== person.departmentId),
                        password: '',
                      },
                    })
                  }
                >
                  {t.identity.edit}
                </button>{' '}
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  data-testid="person-toggle"
                  onClick={() => void run(async () => (await api.setPersonDisabled(person.id, !person.disabled), t.identity.saved))}
                >
                  {person.disabled ? t.identity.enable : t.identity.disable}
                </button>{' '}
                {!person.disabled && (
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    data-testid="person-reset-password"
                    onClick={() =>
                      void run(async () => {
                        setResetCode(null);
                        const issued = await api.issuePasswordReset(person.id);
                        setResetCode({ name: person.name, link: window.location.origin + issued.link, expiresAt: issued.expiresAt });
                        return null;
                      })
                    }
                  >
                    {t.password.issue}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <nav className="pager" aria-label={t.identity.page(page, pages)}>
        <button type="button" className="btn btn--small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t.identity.previous}
        </button>{' '}
        <span>{t.identity.page(page, pages)}</span>{' '}
        <button type="button" className="btn btn--small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t.identity.next}
        </button>
      </nav>

      {editing && (
        <PersonForm
          title={t.identity.editing(editing.draft.name)}
          draft={editing.draft}
          departments={departments}
          onChange={(d) => setEditing({ ...editing, draft: d })}
          onSubmit={onSave}
          submitLabel={t.identity.save}
          onCancel={() => setEditing(null)}
          testId="person-edit-form"
        />
      )}

      <PersonForm
        title={t.identity.addPerson}
        draft={draft}
        departments={departments}
        onChange={setDraft}
        onSubmit={onCreate}
        submitLabel={t.identity.create}
        withEmailAndPassword
        testId="person-create-form"
      />
    </section>
  );
}

interface PersonFormProps {
  title: string;
  draft: Draft;
  departments: AdminDepartment[];
  onChange: (draft: Draft) => void;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  onCancel?: () => void;
  withEmailAndPassword?: boolean;
  testId: string;
}

function PersonForm({ title, draft, departments, onChange, onSubmit, submitLabel, onCancel, withEmailAndPassword, testId }: PersonFormProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  return (
    <form className="form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t.identity.name}</label>
        <input id={`${id}-name`} name="name" required maxLength={200} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </div>
      {withEmailAndPassword && (
        <div className="field">
          <label htmlFor={`${id}-email`}>{t.identity.email}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            maxLength={256}
            autoComplete="off"
            value={draft.email}
            onChange={(e) => set({ email: e.target.value })}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-department`}>{t.identity.department}</label>
        <select id={`${id}-department`} name="department" value={draft.departmentId} onChange={(e) => set({ departmentId: e.target.value })}>
          <option value="">{t.identity.noDepartment}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t.identity.roles}</legend>
        {ROLE_NAMES.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              name="role"
              value={role}
              checked={draft.roles.includes(role)}
              onChange={(e) => set({ roles: toggle(draft.roles, role, e.target.checked) })}
            />{' '}
            {label(t.roles, role)}
          </label>
        ))}
      </fieldset>
      {draft.roles.includes('Manager') && (
        <fieldset className="field">
          <legend>{t.identity.manages}</legend>
          {departments
            .filter((d) => d.id !== draft.departmentId)
            .map((d) => (
              <label key={d.id} className="checkbox">
                <input
                  type="checkbox"
                  name="manages"
                  value={d.id}
                  checked={draft.managedDepartmentIds.includes(d.id)}
                  onChange={(e) => set({ managedDepartmentIds: toggle(draft.managedDepartmentIds, d.id, e.target.checked) })}
                />{' '}
                {d.name}
              </label>
            ))}
        </fieldset>
      )}
      {withEmailAndPassword && (
        <div className="field">
          <label htmlFor={`${id}-password`}>{t.identity.initialPassword}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            required
            minLength={12}
            maxLength={1024}
            autoComplete="new-password"
            aria-describedby={`${id}-password-hint`}
            value={draft.password}
            onChange={(e) => set({ password: e.target.value })}
          />
          <p id={`${id}-password-hint`} className="muted small">
            {t.identity.passwordHint}
          </p>
        </div>
      )}
      <button type="submit" className="btn btn--primary btn--small">
        {submitLabel}
      </button>{' '}
      {onCancel && (
        <button type="button" className="btn btn--small btn--ghost" onClick={onCancel}>
          {t.identity.cancel}
        </button>
      )}
    </form>
  );
}
