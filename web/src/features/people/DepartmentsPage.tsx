import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import type { AdminDepartment } from '../../api/types';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';

/** Admin → Departments: create and rename (the slug stays, so links and boards keep working). */
export function DepartmentsPage() {
  const { t } = useI18n();
  const [departments, setDepartments] = useState<AdminDepartment[]>([]);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const headingId = useId();
  const nameId = useId();
  const renameId = useId();

  const load = useCallback(async () => {
    try {
      setDepartments(await api.adminDepartments());
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(work: () => Promise<unknown>) {
    setError(null);
    setStatus(null);
    try {
      await work();
      setStatus(t.identity.saved);
      await load();
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    }
  }

  return (
    <section className="card" aria-labelledby={headingId} data-testid="departments-admin">
      <h2 id={headingId}>{t.identity.departmentsTitle}</h2>
      <p className="muted small">{t.identity.departmentsIntro}</p>
      {status && <p role="status">{status}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table className="data-table" data-testid="departments-table">
          <thead>
            <tr>
              <th scope="col">{t.identity.name}</th>
              <th scope="col">{t.identity.headcount}</th>
              <th scope="col">
                <span className="sr-only">{t.identity.rename}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} data-testid="department-row">
                <td>
                  {renaming?.id === d.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void run(async () => {
                          await api.renameDepartment(d.id, renaming.name.trim());
                          setRenaming(null);
                        });
                      }}
                    >
                      <label htmlFor={renameId} className="sr-only">
                        {t.identity.name}
                      </label>
                      <input
                        id={renameId}
                        value={renaming.name}
                        required
                        maxLength={100}
                        onChange={(e) => setRenaming({ id: d.id, name: e.target.value })}
                      />{' '}
                      <button type="submit" className="btn btn--small btn--primary">
                        {t.identity.save}
                      </button>{' '}
                      <button type="button" className="btn btn--small btn--ghost" onClick={() => setRenaming(null)}>
                        {t.identity.cancel}
                      </button>
                    </form>
                  ) : (
                    <>
                      {d.name}
                      {d.isTriage && <span className="tag"> {t.identity.triage}</span>}
                    </>
                  )}
                </td>
                <td>{d.headcount}</td>
                <td>
                  {renaming?.id !== d.id && (
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => setRenaming({ id: d.id, name: d.name })}>
                      {t.identity.rename}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await api.createDepartment(name.trim());
            setName('');
          });
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>{t.identity.newDepartment}</label>
          <input id={nameId} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn btn--primary btn--small">
          {t.identity.createDepartment}
        </button>
      </form>
    </section>
  );
}
