import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { AdminDepartment, BenchmarksDocument, DepartmentFunctionAssignment, ReturnModel } from '../../api/types';
import { useT, type Messages } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import {
  benchmarksFromForm,
  benchmarksToForm,
  DEPARTMENT_FUNCTIONS,
  departmentField,
  emptyFigure,
  emptyStudy,
  errorsByField,
  inputIdOf,
  RETURN_ACTIONS,
  RETURN_OUTCOMES,
  returnModelFromForm,
  returnModelToForm,
  type BenchmarksForm,
  type FigureForm,
  type ReturnModelForm,
  type StudyForm,
} from './analyticsModel';
import { StudyHistory } from './StudyHistory';

type FieldErrors = Record<string, string[]>;

/** What a failed save shows: a conflict (reloaded), the validator's messages (by path), or anything else. */
interface Failure {
  kind: 'conflict' | 'invalid' | 'other';
  messages: string[];
}

/** A failed save as the page shows it; `errors` for a 400 (the server's messages by JSON path). */
function failureOf(err: unknown, t: Messages): Failure {
  if (err instanceof ApiError && err.status === 409) return { kind: 'conflict', messages: [t.analyticsModel.conflict] };
  if (err instanceof ApiError && err.status === 400 && err.problem.errors) {
    return { kind: 'invalid', messages: Object.values(err.problem.errors).flat() };
  }
  return { kind: 'other', messages: errorMessages(err, t) };
}

/**
 * What both editors share: loading once on mount (aborted on unmount), and saving a versioned document — busy while it
 * runs, a success line, or the failure with its field errors, reloading on a version conflict.
 */
function useVersionedSave(t: Messages, load: (signal?: AbortSignal) => Promise<void>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

  /** Sends, then shows `saved(answer)`; a 400's messages go to `fieldErrors` to be tied to their inputs. */
  const save = async <T,>(send: () => Promise<T>, saved: (answer: T) => string, fieldErrors: (err: ApiError) => FieldErrors) => {
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      const answer = await send();
      setErrors({});
      setStatus(saved(answer));
    } catch (err) {
      const f = failureOf(err, t);
      setFailure(f);
      setErrors(f.kind === 'invalid' && err instanceof ApiError ? fieldErrors(err) : {});
      if (f.kind === 'conflict') await load();
    } finally {
      setBusy(false);
    }
  };

  return { errors, setErrors, status, failure, busy, save };
}

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error" data-testid="field-error">
      {messages.join(' ')}
    </p>
  );
}

/** A labelled input with its server error tied to it by aria-describedby. */
function Field({
  prefix,
  field,
  label,
  value,
  onChange,
  errors,
  type = 'text',
  multiline = false,
}: {
  prefix: string;
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  type?: 'text' | 'number' | 'url';
  multiline?: boolean;
}) {
  const id = inputIdOf(prefix, field);
  const errorId = `${id}-error`;
  const messages = errors[field];
  const invalid = messages?.length ? true : undefined;
  return (
    <div className="field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={6} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={invalid && errorId} />
      ) : (
        <input
          id={id}
          type={type}
          step={type === 'number' ? 'any' : undefined}
          inputMode={type === 'number' ? 'decimal' : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid && errorId}
        />
      )}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

/** The save outcome: successes in a polite live region, failures as an alert with every message. */
function SaveOutcome({ status, failure, testId }: { status: string | null; failure: Failure | null; testId: string }) {
  const t = useT();
  return (
    <>
      <div role="status" aria-live="polite" className="status-line" data-testid={`${testId}-status`}>
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      <div role="alert" className="status-line" data-testid={`${testId}-alert`}>
        {failure && (
          <div className="form-error" data-kind={failure.kind}>
            {failure.kind === 'invalid' && <p className="error-summary__title">{t.analyticsModel.errorsTitle}</p>}
            {failure.messages.length === 1 ? (
              <p>{failure.messages[0]}</p>
            ) : (
              <ul>
                {failure.messages.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </>
  );
}

function VersionPill({ version, testId }: { version: number | undefined; testId: string }) {
  const t = useT();
  if (version == null) return null;
  return (
    <p className="version-pill" data-testid={testId} data-version={version}>
      {t.analyticsModel.version(version)}
    </p>
  );
}

function Section({ title, intro, children, testId }: { title: string; intro: string; children: ReactNode; testId: string }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted small">{intro}</p>
      {children}
    </section>
  );
}

/** The return-on-engagement model: currency, hourly cost, minutes per action, value per outcome, sources. */
function ReturnModelSection() {
  const t = useT();
  const m = t.analyticsModel;
  const [model, setModel] = useState<ReturnModel | null>(null);
  const [form, setForm] = useState<ReturnModelForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const show = useCallback((fresh: ReturnModel) => {
    setModel(fresh);
    setForm(returnModelToForm(fresh));
  }, []);

  const load = useCallback(
    (signal?: AbortSignal) =>
      api.analytics.returnModel(signal).then(show, (err: unknown) => {
        if (!signal?.aborted) setLoadError(err);
      }),
    [show],
  );
  const { errors, setErrors, status, failure, busy, save: send } = useVersionedSave(t, load);

  const save = async () => {
    if (!model || !form) return;
    await send(
      () => api.admin.saveReturnModel(returnModelFromForm(form, model.version)),
      (saved) => {
        show(saved);
        return m.returnSaved(saved.version);
      },
      (err) => errorsByField(err.problem.errors),
    );
  };

  const shown = form ?? returnModelToForm({
    version: 0,
    currency: '',
    hourlyCost: 0,
    minutesPerAction: { read: 0, reply: 0, tag: 0, forward: 0, insight: 0, resolve: 0 },
    valuePerOutcome: { insight: 0, resolvedComplaint: 0, replyWithinSla: 0 },
    sources: [],
  });
  const set = (patch: Partial<ReturnModelForm>) => form && setForm({ ...form, ...patch });
  const prefix = 'return-model';

  return (
    <Section title={m.returnTitle} intro={m.returnIntro} testId="return-model">
      <VersionPill version={model?.version} testId="return-model-version" />
      {loadError != null && (
        <p className="form-error" role="alert">
          {m.loadError} {errorMessages(loadError, t).join(' ')}
        </p>
      )}
      <form
        noValidate
        aria-busy={form == null || busy}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {/* Disabled until the model has loaded, so its arrival cannot overwrite what was typed. */}
        <fieldset className="plain" disabled={form == null || busy}>
          <div className="rules-group__fields">
            <Field prefix={prefix} field="currency" label={m.currency} value={shown.currency} errors={errors} onChange={(v) => set({ currency: v })} />
            <Field
              prefix={prefix}
              field="hourlyCost"
              label={m.hourlyCost}
              type="number"
              value={shown.hourlyCost}
              errors={errors}
              onChange={(v) => set({ hourlyCost: v })}
            />
          </div>
          <fieldset className="rules-group" data-field="minutesPerAction">
            <legend>{m.minutesLegend}</legend>
            <FieldError id={inputIdOf(prefix, 'minutesPerAction-error')} messages={errors.minutesPerAction} />
            <div className="rules-group__fields">
              {RETURN_ACTIONS.map((a) => (
                <Field
                  key={a}
                  prefix={prefix}
                  field={`minutesPerAction.${a}`}
                  label={m.minutesLabel(m.minutes[a])}
                  type="number"
                  value={shown.minutesPerAction[a]}
                  errors={errors}
                  onChange={(v) => form && set({ minutesPerAction: { ...form.minutesPerAction, [a]: v } })}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="rules-group" data-field="valuePerOutcome">
            <legend>{m.valuesLegend}</legend>
            <FieldError id={inputIdOf(prefix, 'valuePerOutcome-error')} messages={errors.valuePerOutcome} />
            <div className="rules-group__fields">
              {RETURN_OUTCOMES.map((o) => (
                <Field
                  key={o}
                  prefix={prefix}
                  field={`valuePerOutcome.${o}`}
                  label={`${m.values[o]} (${shown.currency || '…'})`}
                  type="number"
                  value={shown.valuePerOutcome[o]}
                  errors={errors}
                  onChange={(v) => form && set({ valuePerOutcome: { ...form.valuePerOutcome, [o]: v } })}
                />
              ))}
            </div>
          </fieldset>
          <Field prefix={prefix} field="sources" label={m.sources} multiline value={shown.sources} errors={errors} onChange={(v) => set({ sources: v })} />
          <p>
            <button type="submit" className="btn btn--primary">
              {busy ? m.saving : m.saveReturn}
            </button>
          </p>
        </fieldset>
      </form>
      <SaveOutcome status={status} failure={failure} testId="return-model" />
      <StudyHistory
        kind="return-model"
        caption={m.returnHistoryCaption}
        current={model}
        loadVersion={api.admin.returnModelVersion}
        onRestore={(old) => {
          // Only the form: the version in force stays what the save is checked against.
          setForm(returnModelToForm(old));
          setErrors({});
        }}
      />
    </Section>
  );
}

/** One study: its facts as fields and its figures as an editable table. */
function StudyEditor({
  index,
  study,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  study: StudyForm;
  errors: FieldErrors;
  onChange: (study: StudyForm) => void;
  onRemove: () => void;
}) {
  const m = useT().analyticsModel;
  const prefix = 'benchmarks';
  const path = `studies[${index}]`;
  const set = (patch: Partial<StudyForm>) => onChange({ ...study, ...patch });
  const setFigure = (f: number, patch: Partial<FigureForm>) =>
    set({ figures: study.figures.map((x, j) => (j === f ? { ...x, ...patch } : x)) });
  const figuresErrorId = inputIdOf(prefix, `${path}.figures-error`);
  const studyErrorId = inputIdOf(prefix, `${path}-error`);
  const columns = [
    ['id', m.figureId],
    ['label', m.figureLabel],
    ['value', m.figureValue],
    ['meaning', m.figureMeaning],
  ] as const;

  return (
    <fieldset className="rules-group" data-testid="study" data-study-id={study.id} data-field={path}>
      <legend>{m.studyLegend(index + 1, study.source)}</legend>
      <FieldError id={studyErrorId} messages={errors[path]} />
      <div className="rules-group__fields">
        <Field prefix={prefix} field={`${path}.id`} label={m.studyId} value={study.id} errors={errors} onChange={(v) => set({ id: v })} />
        <Field prefix={prefix} field={`${path}.source`} label={m.source} value={study.source} errors={errors} onChange={(v) => set({ source: v })} />
        <Field prefix={prefix} field={`${path}.year`} label={m.year} type="number" value={study.year} errors={errors} onChange={(v) => set({ year: v })} />
        <Field
          prefix={prefix}
          field={`${path}.sampleSize`}
          label={m.sampleSize}
          type="number"
          value={study.sampleSize}
          errors={errors}
          onChange={(v) => set({ sampleSize: v })}
        />
        <Field prefix={prefix} field={`${path}.url`} label={m.url} type="url" value={study.url} errors={errors} onChange={(v) => set({ url: v })} />
      </div>
      <div className="table-wrap" data-field={`${path}.figures`}>
        <table className="data-table" aria-describedby={errors[`${path}.figures`]?.length ? figuresErrorId : undefined}>
          <caption>{m.figures}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map(([key, label]) => (
                <th scope="col" key={key}>
                  {label}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">{m.figureActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {study.figures.map((figure, f) => (
              <tr key={f} data-testid="figure-row" data-figure-id={figure.id}>
                <th scope="row">{f + 1}</th>
                {columns.map(([key, label]) => {
                  const field = `${path}.figures[${f}].${key}`;
                  const id = inputIdOf(prefix, field);
                  const messages = errors[field];
                  const invalid = messages?.length ? true : undefined;
                  const value = key === 'value' ? figure.percent : figure[key];
                  const change = (v: string) => setFigure(f, key === 'value' ? { percent: v } : { [key]: v });
                  return (
                    <td key={key} data-field={field}>
                      {key === 'meaning' ? (
                        <textarea
                          id={id}
                          rows={2}
                          aria-label={m.figureField(label, f + 1)}
                          value={value}
                          onChange={(e) => change(e.target.value)}
                          aria-invalid={invalid}
                          aria-describedby={invalid && `${id}-error`}
                        />
                      ) : (
                        <input
                          id={id}
                          className={key === 'value' ? 'input--narrow' : undefined}
                          type={key === 'value' ? 'number' : 'text'}
                          step={key === 'value' ? 'any' : undefined}
                          min={key === 'value' ? 0 : undefined}
                          max={key === 'value' ? 100 : undefined}
                          aria-label={m.figureField(label, f + 1)}
                          value={value}
                          onChange={(e) => change(e.target.value)}
                          aria-invalid={invalid}
                          aria-describedby={invalid && `${id}-error`}
                        />
                      )}
                      <FieldError id={`${id}-error`} messages={messages} />
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => set({ figures: study.figures.filter((_, j) => j !== f) })}
                    disabled={study.figures.length <= 1}
                  >
                    {m.removeFigure(f + 1)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FieldError id={figuresErrorId} messages={errors[`${path}.figures`]} />
      <p>
        <button type="button" className="btn btn--small" onClick={() => set({ figures: [...study.figures, emptyFigure()] })}>
          {m.addFigure}
        </button>{' '}
        <button type="button" className="btn btn--small btn--danger" onClick={onRemove}>
          {m.removeStudy(index + 1)}
        </button>
      </p>
    </fieldset>
  );
}

/** The benchmarks document: the studies with their figures, and each department's function. */
function BenchmarksSection() {
  const t = useT();
  const m = t.analyticsModel;
  const [document, setDocument] = useState<BenchmarksDocument | null>(null);
  const [departments, setDepartments] = useState<AdminDepartment[] | null>(null);
  const [form, setForm] = useState<BenchmarksForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const functionsHelpId = useId();

  const show = useCallback((fresh: BenchmarksDocument) => {
    setDocument(fresh);
    setForm(benchmarksToForm(fresh));
  }, []);

  const load = useCallback(
    (signal?: AbortSignal) =>
      Promise.all([api.analytics.benchmarks(signal), api.adminDepartments(signal)]).then(
        ([fresh, list]) => {
          setDepartments(list);
          show(fresh);
        },
        (err: unknown) => {
          if (!signal?.aborted) setLoadError(err);
        },
      ),
    [show],
  );
  const { errors, setErrors, status, failure, busy, save: send } = useVersionedSave(t, load);

  const ready = form != null && document != null && departments != null;

  const save = async () => {
    if (!form || !document || !departments) return;
    const body = benchmarksFromForm(
      form,
      document.version,
      departments.map((d) => d.id),
    );
    const sent: DepartmentFunctionAssignment[] = body.departmentFunctions;
    await send(
      () => api.admin.saveBenchmarks(body),
      (saved) => {
        show(saved);
        return m.benchmarksSaved(saved.version);
      },
      (err) => errorsByField(err.problem.errors, sent),
    );
  };

  // Positions shift when a study or figure goes, so the errors of the last save no longer point at the right rows.
  const edit = (next: BenchmarksForm, shifted = false) => {
    setForm(next);
    if (shifted) setErrors({});
  };

  return (
    <Section title={m.benchmarksTitle} intro={m.benchmarksIntro} testId="benchmarks">
      <VersionPill version={document?.version} testId="benchmarks-version" />
      {loadError != null && (
        <p className="form-error" role="alert">
          {m.loadError} {errorMessages(loadError, t).join(' ')}
        </p>
      )}
      <form
        noValidate
        aria-busy={!ready || busy}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="plain" disabled={!ready || busy}>
          <FieldError id="benchmarks-studies-error" messages={errors.studies} />
          {form?.studies.map((study, s) => (
            <StudyEditor
              key={s}
              index={s}
              study={study}
              errors={errors}
              onChange={(next) => edit({ ...form, studies: form.studies.map((x, j) => (j === s ? next : x)) })}
              onRemove={() => edit({ ...form, studies: form.studies.filter((_, j) => j !== s) }, true)}
            />
          ))}
          <p>
            <button type="button" className="btn btn--small" onClick={() => form && edit({ ...form, studies: [...form.studies, emptyStudy()] })}>
              {m.addStudy}
            </button>
          </p>
          <fieldset className="rules-group" aria-describedby={functionsHelpId} data-testid="department-functions">
            <legend>{m.functionsLegend}</legend>
            <p id={functionsHelpId} className="muted small">
              {m.functionsIntro}
            </p>
            <FieldError id="benchmarks-functions-error" messages={errors.departmentFunctions} />
            <div className="rules-group__fields">
              {(departments ?? []).map((d) => {
                const field = departmentField(d.id);
                const id = inputIdOf('benchmarks', field);
                const messages = errors[field];
                const invalid = messages?.length ? true : undefined;
                return (
                  <div className="field" key={d.id} data-field={field} data-department-id={d.id}>
                    <label htmlFor={id}>{m.functionOf(d.name)}</label>
                    <select
                      id={id}
                      value={form?.functions[d.id] ?? ''}
                      aria-invalid={invalid}
                      aria-describedby={invalid && `${id}-error`}
                      onChange={(e) => {
                        if (!form) return;
                        const functions = { ...form.functions };
                        const value = DEPARTMENT_FUNCTIONS.find((f) => f === e.target.value);
                        if (value) functions[d.id] = value;
                        else delete functions[d.id];
                        edit({ ...form, functions });
                      }}
                    >
                      <option value="">{m.guess}</option>
                      {DEPARTMENT_FUNCTIONS.map((f) => (
                        <option key={f} value={f}>
                          {m.functions[f]}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${id}-error`} messages={messages} />
                  </div>
                );
              })}
            </div>
          </fieldset>
          <p>
            <button type="submit" className="btn btn--primary">
              {busy ? m.saving : m.saveBenchmarks}
            </button>
          </p>
        </fieldset>
      </form>
      <SaveOutcome status={status} failure={failure} testId="benchmarks" />
      <StudyHistory
        kind="benchmarks"
        caption={m.benchmarksHistoryCaption}
        current={document}
        loadVersion={api.admin.benchmarksVersion}
        onRestore={(old) => edit(benchmarksToForm(old), true)}
        label={(path) => {
          // An assignment is keyed by its department's id; people know the department by name.
          const id = /^departmentFunctions\[([^\]]+)\]\.function$/.exec(path)?.[1];
          const name = departments?.find((d) => d.id === id)?.name;
          return name ? m.functionOf(name) : path;
        }}
      />
    </Section>
  );
}

/** Admin → Analytics model: the study as data and the return-on-engagement model, both versioned and audited. */
export function AnalyticsModelPage() {
  const m = useT().analyticsModel;
  return (
    <div className="page" data-testid="analytics-model">
      <h1>{m.title}</h1>
      <p className="muted">{m.intro}</p>
      <ReturnModelSection />
      <BenchmarksSection />
    </div>
  );
}
