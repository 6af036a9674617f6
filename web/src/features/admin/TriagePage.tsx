import { useEffect, useId, useState } from 'react';
import { channelName } from '../../format';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import {
  move,
  splitList,
  triageApi,
  type PriorityName,
  type RoutingRule,
  type RoutingRulesView,
  type SlaTargets,
  type TaxonomyEntry,
  type TaxonomyView,
} from './triageApi';

const PRIORITIES: PriorityName[] = ['high', 'normal', 'low'];
const CHANNELS = ['facebook', 'linkedin', 'x', 'xing', 'youtube', 'instagram', 'appstore', 'playstore', 'blog', 'email'];

/** SLA targets per priority, the topics and products taxonomy, and the ordered routing rules, for admins. */
export function TriagePage() {
  const { t } = useI18n();
  const [taxonomy, setTaxonomy] = useState<TaxonomyView | null>(null);
  const [loadErrors, setLoadErrors] = useState<string[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    triageApi
      .taxonomy(controller.signal)
      .then(setTaxonomy)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadErrors(errorMessages(err, t));
      });
    return () => controller.abort();
  }, [t]);

  return (
    <div className="triage-admin" data-testid="triage-admin">
      <SlaForm />
      {taxonomy && <TaxonomyForm view={taxonomy} onSaved={(next) => setTaxonomy({ ...taxonomy, ...next })} />}
      {loadErrors.length > 0 && (
        <ul role="alert" className="notice error-summary">
          {loadErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <RoutingForm taxonomy={taxonomy} />
    </div>
  );
}

interface DraftEntry {
  name: string;
  keywords: string;
}

const toDraftEntry = (e: TaxonomyEntry): DraftEntry => ({ name: e.name, keywords: e.keywords.join(', ') });
const fromDraftEntry = (e: DraftEntry): TaxonomyEntry => ({ name: e.name.trim(), keywords: splitList(e.keywords) });

/** The topics and products, each a name with keywords; saved as a whole. */
function TaxonomyForm({ view, onSaved }: { view: TaxonomyView; onSaved: (next: { topics: TaxonomyEntry[]; products: TaxonomyEntry[] }) => void }) {
  const { t } = useI18n();
  const tt = t.triageAdmin;
  const [topics, setTopics] = useState<DraftEntry[]>(() => view.topics.map(toDraftEntry));
  const [products, setProducts] = useState<DraftEntry[]>(() => view.products.map(toDraftEntry));
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const next = await triageApi.saveTaxonomy(topics.map(fromDraftEntry), products.map(fromDraftEntry));
      setTopics(next.topics.map(toDraftEntry));
      setProducts(next.products.map(toDraftEntry));
      onSaved(next);
      setMessages([]);
      setSaved(true);
    } catch (err) {
      setMessages(errorMessages(err, t));
    } finally {
      setBusy(false);
    }
  };

  const list = (kind: 'topic' | 'product', entries: DraftEntry[], set: (next: DraftEntry[]) => void) => (
    <fieldset className="taxonomy-list" data-testid={`taxonomy-${kind}s`}>
      <legend>{kind === 'topic' ? tt.topics : tt.products}</legend>
      <ol>
        {entries.map((entry, i) => {
          const n = kind === 'topic' ? tt.topicN(i + 1) : tt.productN(i + 1);
          const change = (part: Partial<DraftEntry>) => {
            setSaved(false);
            set(entries.map((x, k) => (k === i ? { ...x, ...part } : x)));
          };
          return (
            <li key={i} data-testid={`taxonomy-${kind}`}>
              <label>
                {n}: {tt.name}{' '}
                <input value={entry.name} required maxLength={100} onChange={(e) => change({ name: e.target.value })} />
              </label>{' '}
              <label>
                {n}: {tt.keywords}{' '}
                <input value={entry.keywords} required onChange={(e) => change({ keywords: e.target.value })} aria-describedby={`${id}-kw`} />
              </label>{' '}
              <button
                type="button"
                className="btn btn--small"
                aria-label={tt.removeEntry(entry.name)}
                onClick={() => {
                  setSaved(false);
                  set(entries.filter((_, k) => k !== i));
                }}
              >
                {tt.remove}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => {
          setSaved(false);
          set([...entries, { name: '', keywords: '' }]);
        }}
      >
        {kind === 'topic' ? tt.addTopic : tt.addProduct}
      </button>
    </fieldset>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{tt.taxonomyTitle}</h2>
      <p className="muted">{tt.taxonomyIntro}</p>
      <form onSubmit={save} data-testid="taxonomy-form">
        {list('topic', topics, setTopics)}
        {list('product', products, setProducts)}
        <p id={`${id}-kw`} className="muted small">
          {tt.keywordsHint}
        </p>
        <button type="submit" className="btn" disabled={busy} data-testid="taxonomy-save">
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
  topics: string[];
  products: string[];
}

const toDraft = (r: RoutingRule): DraftRule => ({ ...r, keywords: r.keywords.join(', '), topics: r.topics ?? [], products: r.products ?? [] });

function RoutingForm({ taxonomy }: { taxonomy: TaxonomyView | null }) {
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
                {(['topics', 'products'] as const).map((kind) => {
                  const names = (taxonomy?.[kind] ?? []).map((e) => e.name);
                  // A name the rule uses but the taxonomy no longer lists stays visible so it can be removed.
                  const shown = [...names, ...r[kind].filter((n) => !names.includes(n))];
                  if (shown.length === 0) return null;
                  return (
                    <fieldset key={kind} className="routing-rule__choices" data-testid={`routing-rule-${kind}`}>
                      <legend>{kind === 'topics' ? tt.topics : tt.products}</legend>
                      {shown.map((name) => (
                        <label key={name}>
                          <input type="checkbox" checked={r[kind].includes(name)} onChange={() => update(i, { [kind]: toggle(r[kind], name) })} />
                          {name}
                        </label>
                      ))}
                    </fieldset>
                  );
                })}
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
        <button type="button" className="btn btn--small" onClick={() => setRules([...rules, { name: '', keywords: '', channels: [], departmentIds: [], topics: [], products: [] }])}>
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
