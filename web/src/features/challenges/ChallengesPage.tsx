import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { Challenge, ChallengeMetric, ChallengeRequest, ChallengeScope, Department } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../format';
import { isConnected, useHubEvent, useLive } from '../../live/LiveProvider';
import { useMe } from '../auth/session';
import { applyChallengeChange, isLive, myValue, progressPercent, replaceChallenge, toLocalInput } from './challenges';

const METRICS: ChallengeMetric[] = ['action-count', 'category-points', 'read-rate', 'median-first-response', 'insights-created', 'items-resolved'];
const ACTIONS = ['read', 'reply', 'tag', 'forward', 'insight', 'resolve', 'reopen'];
const CATEGORIES = ['listening', 'responding', 'insight', 'collaboration'];
const REREAD_MS = 2000;

function canCreate(roles: readonly string[]): boolean {
  return roles.includes('Admin') || roles.includes('Manager');
}

/** Challenges: everyone sees theirs with live progress; managers and admins create, schedule and cancel them. */
export function ChallengesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { connection, status, generation } = useLive();
  const connected = status === 'connected' && isConnected(connection);
  const [list, setList] = useState<Challenge[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [stamp, setStamp] = useState(0);
  const reload = useCallback(() => setStamp((n) => n + 1), []);

  useEffect(() => {
    const abort = new AbortController();
    api
      .challenges(abort.signal)
      .then((l) => {
        setList(l);
        setFailed(false);
      })
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [stamp]);

  // Watch each running challenge's board: the hub then pushes ChallengeChanged (progress) and BoardChanged (ranks).
  const liveIds = useMemo(() => (list ?? []).filter(isLive).map((c) => String(c.id)).sort().join(','), [list]);
  useEffect(() => {
    if (!connected || !connection || !liveIds) return;
    const ids = liveIds.split(',');
    for (const id of ids) connection.invoke('WatchBoard', `challenge-${id}`, 'all').catch(() => undefined);
    return () => {
      if (isConnected(connection)) {
        for (const id of ids) connection.invoke('UnwatchBoard', `challenge-${id}`, 'all').catch(() => undefined);
      }
    };
  }, [connected, connection, generation, liveIds]);

  // A push carries what every watcher may see; my own value and reward come from the API, read again shortly after pushes
  // (at most once per challenge every few seconds, however many pushes arrive).
  const rereads = useRef(new Map<string, number>());
  useEffect(() => {
    const timers = rereads.current;
    return () => {
      for (const timer of timers.values()) window.clearTimeout(timer);
      timers.clear();
    };
  }, []);
  useHubEvent<Challenge>('ChallengeChanged', (change) => {
    setList((current) => (current ? applyChallengeChange(current, change) : current));
    const id = String(change.id);
    if (rereads.current.has(id)) return;
    rereads.current.set(
      id,
      window.setTimeout(() => {
        rereads.current.delete(id);
        api
          .challenge(id)
          .then((fresh) => setList((current) => (current ? replaceChallenge(current, fresh) : current)))
          .catch(() => undefined);
      }, REREAD_MS),
    );
  });

  useEffect(() => {
    document.title = `${t.challenges.title} · ${t.common.appName}`;
  }, [t]);

  return (
    <section aria-labelledby="challenges-title" className="challenges">
      <h1 id="challenges-title">{t.challenges.title}</h1>
      <p className="muted">{t.challenges.intro}</p>
      {canCreate(me.roles) && <ChallengeForm isAdmin={me.roles.includes('Admin')} ownDepartment={me.departmentId} onCreated={reload} />}
      {failed && (
        <div className="card" role="alert">
          <p>{t.common.genericError}</p>
          <button type="button" className="btn" onClick={reload}>
            {t.common.retry}
          </button>
        </div>
      )}
      {list === null && !failed && <p className="muted">{t.common.loading}</p>}
      {list !== null && list.length === 0 && <p className="muted">{t.challenges.none}</p>}
      <ul className="challenge-list" aria-label={t.challenges.listLabel}>
        {(list ?? []).map((c) => (
          <ChallengeCard key={String(c.id)} challenge={c} onChanged={(next) => setList((l) => (l ?? []).map((x) => (x.id === next.id ? next : x)))} />
        ))}
      </ul>
    </section>
  );
}

function ChallengeCard({ challenge: c, onChanged }: { challenge: Challenge; onChanged: (c: Challenge) => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const mine = myValue(c, { departmentId: me.departmentId ? String(me.departmentId) : null });
  const percent = progressPercent(c.metric, mine, c.target);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const titleId = useId();
  const value = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  const done = c.rewardedMe;
  // Figures of a challenge with a team below the minimum group size are withheld (no total, no count).
  const withheld = c.scope === 'team-vs-team' && c.units.some((u) => u.rank === 0 && u.value === null);

  const command = (name: 'schedule' | 'cancel') => {
    setError(null);
    api
      .challengeCommand(c.id, name)
      .then(onChanged)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : t.common.genericError));
  };

  return (
    <li className="card challenge" data-testid="challenge" data-challenge-id={c.id} data-status={c.status} aria-labelledby={titleId}>
      <div className="challenge__head">
        <h2 id={titleId} className="challenge__name">
          {c.name}
        </h2>
        <span className={`tag tag--${c.status}`} data-testid="challenge-status">
          {t.challenges.statuses[c.status]}
        </span>
      </div>
      {c.description && <p>{c.description}</p>}
      <p className="muted challenge__meta">
        {t.challenges.metricText(c.metric, c.action, c.category, c.target)} · {t.challenges.scopes[c.scope]}
        {c.departments.length > 0 && `: ${c.departments.map((d) => d.name).join(' · ')}`}
        {c.recurrence === 'weekly' && ` · ${t.challenges.weekly}`}
      </p>
      <p className="muted challenge__meta">
        {dates.format(new Date(c.startsAt))} – {dates.format(new Date(c.endsAt))} · {t.challenges.rewardText(c.rewardPoints, c.rewardBadge)}
      </p>
      <div className="challenge__progress">
        <span id={`${titleId}-label`}>{c.scope === 'company' ? t.challenges.together : c.scope === 'team-vs-team' ? t.challenges.myTeam : t.challenges.mine}</span>
        <progress
          className="badge__bar challenge__bar"
          data-testid="challenge-progress"
          data-value={mine ?? ''}
          max={100}
          value={percent}
          aria-labelledby={`${titleId}-label`}
          aria-valuetext={t.challenges.progressText(value(mine), value(c.target))}
        />
        <span data-testid="challenge-progress-text">
          {value(mine)} / {value(c.target)}
        </span>
        {done && <span className="tag tag--me">{t.challenges.done}</span>}
      </div>
      {c.rewardedCount !== null && c.rewardedCount > 0 && (
        <p className="muted challenge__meta" data-testid="challenge-rewarded">
          {t.challenges.rewardedCount(c.rewardedCount)}
        </p>
      )}
      {withheld && (
        <p className="muted challenge__meta" data-testid="challenge-withheld">
          {t.challenges.withheld}
        </p>
      )}
      {c.units.length > 0 && (
        <ol className="challenge__board" aria-label={t.challenges.board}>
          {c.units.slice(0, 5).map((u) => (
            <li
              key={String(u.id)}
              className={u.isYou ? 'challenge__unit challenge__unit--me' : 'challenge__unit'}
              data-testid="challenge-unit"
              data-member-id={u.id}
              data-value={u.value ?? ''}
            >
              <span className="board-row__rank">{u.rank > 0 ? u.rank : '–'}</span> <span className="challenge__unit-name">{u.name}</span>
              <progress
                className="badge__bar"
                max={100}
                value={progressPercent(c.metric, u.value, c.target)}
                aria-label={t.challenges.unitProgress(u.name)}
                aria-valuetext={t.challenges.progressText(value(u.value), value(c.target))}
              />
              <span>{value(u.value)}</span>
              {u.reached && <span className="sr-only"> {t.challenges.reached}</span>}
              {u.reached && <span aria-hidden="true"> ✓</span>}
            </li>
          ))}
        </ol>
      )}
      {c.canManage && (
        <div className="challenge__actions">
          {c.status === 'draft' && (
            <button type="button" className="btn btn--small btn--primary" onClick={() => command('schedule')}>
              {t.challenges.schedule}
            </button>
          )}
          {(c.status === 'draft' || c.status === 'scheduled' || c.status === 'active') && (
            <button type="button" className="btn btn--small" onClick={() => command('cancel')}>
              {t.challenges.cancel}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function ChallengeForm({ isAdmin, ownDepartment, onCreated }: { isAdmin: boolean; ownDepartment: string | null; onCreated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [departments, setDepartments] = useState<Department[]>([]);
  const now = new Date();
  // The start offered is "now" to the minute; left as it is, it means "start now" whenever the form is sent.
  const [startNow] = useState(() => toLocalInput(now));
  const [form, setForm] = useState({
    name: '',
    description: '',
    metric: 'action-count' as ChallengeMetric,
    action: 'read',
    category: 'listening',
    target: '10',
    startsAt: startNow,
    endsAt: toLocalInput(new Date(now.getTime() + 7 * 24 * 3600 * 1000)),
    scope: 'department' as ChallengeScope,
    department: ownDepartment ? String(ownDepartment) : '',
    teams: [] as string[],
    rewardPoints: '50',
    rewardBadge: '',
    recurrence: 'none' as 'none' | 'weekly',
    schedule: true,
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    api
      .departments(abort.signal)
      .then((list) => {
        setDepartments(list);
        setForm((f) => (f.department ? f : { ...f, department: list[0] ? String(list[0].id) : '' }));
      })
      .catch(() => undefined);
    return () => abort.abort();
  }, []);

  const allowed = isAdmin ? departments : departments.filter((d) => String(d.id) === String(ownDepartment));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fieldError = (field: string) =>
    errors[field]?.length ? (
      <p id={`${id}-${field}-error`} className="field-error" data-testid="field-error">
        {errors[field].join(' ')}
      </p>
    ) : null;
  const describedBy = (field: string) => (errors[field]?.length ? `${id}-${field}-error` : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const request: ChallengeRequest = {
      name: form.name,
      description: form.description,
      metric: form.metric,
      action: form.metric === 'action-count' ? form.action : null,
      category: form.metric === 'category-points' ? form.category : null,
      target: form.target === '' ? null : Number(form.target),
      startsAt: form.startsAt === startNow ? new Date().toISOString() : form.startsAt ? new Date(form.startsAt).toISOString() : null,
      endsAt: form.endsAt ? new Date(form.endsAt).toISOString() : null,
      scope: form.scope,
      departmentIds: form.scope === 'department' ? [form.department].filter(Boolean) : form.scope === 'team-vs-team' ? form.teams : [],
      rewardPoints: form.rewardPoints === '' ? null : Number(form.rewardPoints),
      rewardBadge: form.rewardBadge.trim() || null,
      recurrence: form.recurrence,
      schedule: form.schedule,
    };
    setBusy(true);
    setErrors({});
    setMessage(null);
    api
      .createChallenge(request)
      .then(() => {
        setMessage(t.challenges.created);
        setForm((f) => ({ ...f, name: '', description: '', rewardBadge: '' }));
        onCreated();
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError) {
          setErrors(err.problem.errors ?? {});
          setMessage(err.message);
        } else setMessage(t.common.genericError);
      })
      .finally(() => setBusy(false));
  };

  return (
    <details className="card challenge-form">
      <summary>{t.challenges.newChallenge}</summary>
      <form onSubmit={submit} noValidate aria-label={t.challenges.newChallenge}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t.challenges.name}</label>
          <input id={`${id}-name`} name="name" value={form.name} onChange={(e) => set('name', e.target.value)} aria-describedby={describedBy('name')} aria-invalid={!!errors.name} />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>{t.challenges.description}</label>
          <textarea id={`${id}-description`} name="description" value={form.description} onChange={(e) => set('description', e.target.value)} />
          {fieldError('description')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-metric`}>{t.challenges.metric}</label>
          <select id={`${id}-metric`} name="metric" value={form.metric} onChange={(e) => set('metric', e.target.value as ChallengeMetric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t.challenges.metrics[m]}
              </option>
            ))}
          </select>
          {fieldError('metric')}
        </div>
        {form.metric === 'action-count' && (
          <div className="field">
            <label htmlFor={`${id}-action`}>{t.challenges.action}</label>
            <select id={`${id}-action`} name="action" value={form.action} onChange={(e) => set('action', e.target.value)}>
              {ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t.challenges.actions[a] ?? a}
                </option>
              ))}
            </select>
            {fieldError('action')}
          </div>
        )}
        {form.metric === 'category-points' && (
          <div className="field">
            <label htmlFor={`${id}-category`}>{t.challenges.category}</label>
            <select id={`${id}-category`} name="category" value={form.category} onChange={(e) => set('category', e.target.value)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t.challenges.categories[c] ?? c}
                </option>
              ))}
            </select>
            {fieldError('category')}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-target`}>{t.challenges.targetLabel(form.metric)}</label>
          <input id={`${id}-target`} name="target" type="number" min={0} step="any" value={form.target} onChange={(e) => set('target', e.target.value)} aria-describedby={describedBy('target')} aria-invalid={!!errors.target} />
          {fieldError('target')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>{t.challenges.startsAt}</label>
          <input id={`${id}-start`} name="startsAt" type="datetime-local" value={form.startsAt} onChange={(e) => set('startsAt', e.target.value)} aria-describedby={describedBy('startsAt')} aria-invalid={!!errors.startsAt} />
          {fieldError('startsAt')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>{t.challenges.endsAt}</label>
          <input id={`${id}-end`} name="endsAt" type="datetime-local" value={form.endsAt} onChange={(e) => set('endsAt', e.target.value)} aria-describedby={describedBy('endsAt')} aria-invalid={!!errors.endsAt} />
          {fieldError('endsAt')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t.challenges.scope}</label>
          <select id={`${id}-scope`} name="scope" value={form.scope} onChange={(e) => set('scope', e.target.value as ChallengeScope)}>
            <option value="department">{t.challenges.scopes.department}</option>
            {isAdmin && <option value="team-vs-team">{t.challenges.scopes['team-vs-team']}</option>}
            {isAdmin && <option value="company">{t.challenges.scopes.company}</option>}
          </select>
          {fieldError('scope')}
        </div>
        {form.scope === 'department' && (
          <div className="field">
            <label htmlFor={`${id}-department`}>{t.challenges.department}</label>
            <select id={`${id}-department`} name="department" value={form.department} onChange={(e) => set('department', e.target.value)}>
              {allowed.map((d) => (
                <option key={String(d.id)} value={String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
            {fieldError('departmentIds')}
          </div>
        )}
        {form.scope === 'team-vs-team' && (
          <fieldset className="field">
            <legend>{t.challenges.teams}</legend>
            {allowed.map((d) => (
              <label key={String(d.id)} className="field--inline challenge-form__check">
                <input
                  type="checkbox"
                  checked={form.teams.includes(String(d.id))}
                  onChange={(e) =>
                    set('teams', e.target.checked ? [...form.teams, String(d.id)] : form.teams.filter((x) => x !== String(d.id)))
                  }
                />{' '}
                {d.name}
              </label>
            ))}
            {fieldError('departmentIds')}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor={`${id}-points`}>{t.challenges.rewardPoints}</label>
          <input id={`${id}-points`} name="rewardPoints" type="number" min={0} value={form.rewardPoints} onChange={(e) => set('rewardPoints', e.target.value)} aria-describedby={describedBy('rewardPoints')} aria-invalid={!!errors.rewardPoints} />
          {fieldError('rewardPoints')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-badge`}>{t.challenges.rewardBadge}</label>
          <input id={`${id}-badge`} name="rewardBadge" value={form.rewardBadge} onChange={(e) => set('rewardBadge', e.target.value)} />
          {fieldError('rewardBadge')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-recurrence`}>{t.challenges.recurrence}</label>
          <select id={`${id}-recurrence`} name="recurrence" value={form.recurrence} onChange={(e) => set('recurrence', e.target.value as 'none' | 'weekly')}>
            <option value="none">{t.challenges.once}</option>
            <option value="weekly">{t.challenges.weekly}</option>
          </select>
          {fieldError('recurrence')}
        </div>
        <div className="field--inline challenge-form__check">
          <input id={`${id}-schedule`} type="checkbox" name="schedule" checked={form.schedule} onChange={(e) => set('schedule', e.target.checked)} />
          <label htmlFor={`${id}-schedule`}>{t.challenges.scheduleNow}</label>
        </div>
        <div>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t.challenges.create}
          </button>
        </div>
        {message && (
          <p role="status" data-testid="challenge-form-message">
            {message}
          </p>
        )}
      </form>
    </details>
  );
}
