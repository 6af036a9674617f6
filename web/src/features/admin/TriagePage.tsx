import { useEffect, useId, useState } from 'react';
import { channelName } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import { move, splitList, triageApi, type PriorityName, type RoutingRule, type RoutingRulesView, type SlaTargets } from './triageApi';

const PRIORITIES: PriorityName[] = ['high', 'normal', 'low'];
const CHANNELS = ['facebook', 'linkedin', 'x', 'xing', 'youtube', 'instagram', 'appstore', 'playstore', 'blog', 'email'];

/** SLA targets per priority and the ordered routing rules, for admins. */
export function TriagePage() {
  return (
    <div className="triage-admin" data-testid="triage-admin">
      <SlaForm />
      <RoutingForm />
    </div>
  );
}

function SlaForm() {
  const { t } = useI18n();
  const tt = t.triageAdmin;
  const [targets, setTargets] = useState<SlaTargets | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    triageApi
      .sla(controller.signal)
      .then(setTargets)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setMessages(errorMessages(err, t));
      });
    return () => controller.abort();
  }, [t]);

  const set = (p: PriorityName, field: 'firstResponseMinutes' | 'resolutionMinutes', value: string) => {
    if (!targets) return;
    setSaved(false);
    setTargets({ ...targets, [p]: { ...targets[p], [field]: Number(value) } });
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!targets) return;
    setBusy(true);
    try {
      setTargets(await triageApi.saveSla(targets));
      setMessages([]);
      setSaved(true);
    } catch (err) {
      setMessages(errorMessages(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{tt.slaTitle}</h2>
      <p className="muted">{tt.slaIntro}</p>
      {targets && (
        <form onSubmit={save} data-testid="sla-form">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{tt.priority}</th>
                <th scope="col">{tt.firstResponseMinutes}</th>
                <th scope="col">{tt.resolutionMinutes}</th>
              </tr>
            </thead>
            <tbody>
              {PRIORITIES.map((p) => (
                <tr key={p}>
                  <th scope="row">{tt.priorities[p]}</th>
                  {(['firstResponseMinutes', 'resolutionMinutes'] as const).map((field) => (
                    <td key={field}>
                      <input
                        type="number"
                        min={1}
                        required
                        aria-label={`${tt.priorities[p]}: ${field === 'firstResponseMinutes' ? tt.firstResponseMinutes : tt.resolutionMinutes}`}
                        data-testid={`sla-${p}-${field}`}
                        value={targets[p][field]}
                        onChange={(e) => set(p, field, e.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="btn" disabled={busy}>
            {tt.save}
          </button>
          {saved && (
            <span role="status" className="muted small">
              {' '}
              {tt.saved}
            </span>
          )}
        </form>
      )}
      {messages.length > 0 && (
        <ul role="alert" className="notice error-summary">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface DraftRule {
  name: string;
  keywords: string;
  channels: string[];
  departmentIds: string[];
}

const toDraft = (r: RoutingRule): DraftRule => ({ ...r, keywords: r.keywords.join(', ') });

function RoutingForm() {
  const { t } = useI18n();
  const tt = t.triageAdmin;
  const [view, setView] = useState<RoutingRulesView | null>(null);
  const [rules, setRules] = useState<DraftRule[]>([]);
  const [triage, setTriage] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    triageApi
      .routing(controller.signal)
      .then((v) => {
        setView(v);
        setRules(v.rules.map(toDraft));
        setTriage(v.triageDepartmentId);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setMessages(errorMessages(err, t));
      });
    return () => controller.abort();
  }, [t]);

  const update = (i: number, change: Partial<DraftRule>) => {
    setSaved(false);
    setRules(rules.map((r, k) => (k === i ? { ...r, ...change } : r)));
  };
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await triageApi.saveRouting(
        triage,
        rules.map((r) => ({ ...r, keywords: splitList(r.keywords) })),
      );
      setMessages([]);
      setSaved(true);
    } catch (err) {
      setMessages(errorMessages(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (!view) return null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{tt.routingTitle}</h2>
      <p className="muted">{tt.routingIntro}</p>
      <form onSubmit={save} data-testid="routing-form">
        <label>
          {tt.triageDepartment}{' '}
          <select value={triage} onChange={(e) => setTriage(e.target.value)} data-testid="routing-triage">
            {view.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <ol className="routing-rules">
          {rules.map((r, i) => (
            <li key={i} className="routing-rule" data-testid="routing-rule">
              <fieldset>
                <legend>{tt.ruleN(i + 1)}</legend>
                <label>
                  {tt.name} <input value={r.name} required maxLength={100} onChange={(e) => update(i, { name: e.target.value })} />
                </label>
                <label>
                  {tt.keywords}{' '}
                  <input value={r.keywords} onChange={(e) => update(i, { keywords: e.target.value })} aria-describedby={`${id}-kw`} />
                </label>
                <fieldset className="routing-rule__choices">
                  <legend>{tt.channels}</legend>
                  {CHANNELS.map((c) => (
                    <label key={c}>
                      <input type="checkbox" checked={r.channels.includes(c)} onChange={() => update(i, { channels: toggle(r.channels, c) })} />
                      {channelName(c)}
                    </label>
                  ))}
                </fieldset>
                <fieldset className="routing-rule__choices">
                  <legend>{tt.departments}</legend>
                  {view.departments.map((d) => (
                    <label key={d.id}>
                      <input
                        type="checkbox"
                        checked={r.departmentIds.includes(d.id)}
                        onChange={() => update(i, { departmentIds: toggle(r.departmentIds, d.id) })}
                      />
                      {d.name}
                    </label>
                  ))}
                </fieldset>
                <div className="routing-rule__actions">
                  <button type="button" className="btn btn--small" disabled={i === 0} onClick={() => setRules(move(rules, i, -1))}>
                    {tt.up}
                  </button>
                  <button type="button" className="btn btn--small" disabled={i === rules.length - 1} onClick={() => setRules(move(rules, i, 1))}>
                    {tt.down}
                  </button>
                  <button type="button" className="btn btn--small" onClick={() => setRules(rules.filter((_, k) => k !== i))}>
                    {tt.remove}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <p id={`${id}-kw`} className="muted small">
          {tt.keywordsHint}
        </p>
        <button type="button" className="btn btn--small" onClick={() => setRules([...rules, { name: '', keywords: '', channels: [], departmentIds: [] }])}>
          {tt.add}
        </button>{' '}
        <button type="submit" className="btn" disabled={busy} data-testid="routing-save">
          {tt.save}
        </button>
        {saved && (
          <span role="status" className="muted small">
            {' '}
            {tt.saved}
          </span>
        )}
      </form>
      {messages.length > 0 && (
        <ul role="alert" className="notice error-summary">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
