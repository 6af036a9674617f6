import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { RulesPreview } from '../../api/types';
import { useI18n } from '../../i18n';
import { errorMessages } from '../inbox/FeedbackCard';
import { ConfirmDialog } from './ConfirmDialog';
import { DiffView } from './DiffView';
import { NotAllowed } from './NotAllowed';
import { RuleHistory } from './RuleHistory';
import { inputId, RulesForm } from './RulesForm';
import {
  applyForm,
  draftKey,
  formFields,
  parseDocument,
  placeErrors,
  toForm,
  type FormErrors,
  type RuleDocument,
  type RuleForm,
  type ServerError,
} from './ruleDocument';
import { badgeNames } from './rescore';

type Mode = 'form' | 'json';

/** The outcome of the last preview, for the draft it was made of. */
type PreviewState =
  | { key: string; status: 'ok'; result: RulesPreview }
  | { key: string; status: 'invalid'; errors: ServerError[] }
  | { key: string; status: 'failed'; messages: string[] };

/** The rule editor: the version in force, a draft (form or JSON), its preview, apply, and the audit history. */
export function RulesPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState<RuleDocument | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [base, setBase] = useState<RuleDocument | null>(null);
  const [form, setForm] = useState<RuleForm | null>(null);
  const [mode, setMode] = useState<Mode>('form');
  const [jsonText, setJsonText] = useState('');
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [applied, setApplied] = useState<number | null>(null);
  const [applyError, setApplyError] = useState<string[] | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const jsonId = useId();
  const jsonHintId = useId();
  const jsonErrorId = useId();
  const previewAbort = useRef<AbortController | null>(null);

  /** Starts a fresh draft from a document (the rules in force, or what the JSON view holds). */
  const startFrom = useCallback((doc: RuleDocument) => {
    setBase(doc);
    setForm(toForm(doc));
    setJsonText(JSON.stringify(doc, null, 2));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    api.admin
      .rules(controller.signal)
      .then((doc) => {
        setCurrent(doc);
        setLoadError(null);
        startFrom(doc);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadError(err);
      });
    return () => controller.abort();
  }, [attempt, startFrom]);

  useEffect(() => () => previewAbort.current?.abort(), []);

  // The draft as it would be sent, and why it cannot be sent yet.
  const draft = useMemo((): { doc: RuleDocument | null; inputErrors: FormErrors; jsonError: string | null } | null => {
    if (!base || !form) return null;
    if (mode === 'form') {
      const { doc, errors } = applyForm(base, form);
      return { doc, inputErrors: errors, jsonError: null };
    }
    const parsed = parseDocument(jsonText);
    return parsed.ok
      ? { doc: parsed.doc, inputErrors: {}, jsonError: null }
      : { doc: null, inputErrors: {}, jsonError: parsed.message };
  }, [base, form, mode, jsonText]);

  const sendable = draft?.doc != null && Object.keys(draft.inputErrors).length === 0 && draft.jsonError == null;
  const key = sendable && draft?.doc ? draftKey(draft.doc) : null;
  const known = useMemo(() => (base ? formFields(base) : new Set<string>()), [base]);
  const serverErrors = preview?.status === 'invalid' ? preview.errors : [];
  const previewIsCurrent = preview != null && preview.key === key;
  const canApply = preview?.status === 'ok' && previewIsCurrent && busy == null;

  const messagesFor = useCallback(
    (field: string): string[] => {
      const own: string[] = [];
      const problem = draft?.inputErrors[field];
      if (problem) own.push(t.admin.inputProblems[problem] ?? problem);
      for (const e of serverErrors) if (e.field === field) own.push(e.message);
      return own;
    },
    [draft, serverErrors, t],
  );

  const switchMode = (next: Mode) => {
    if (next === mode || !draft) return;
    if (next === 'json') {
      if (draft.doc) setJsonText(JSON.stringify(draft.doc, null, 2));
      setMode('json');
      return;
    }
    const parsed = parseDocument(jsonText);
    if (!parsed.ok) return; // the JSON view says why; stay there
    setBase(parsed.doc);
    setForm(toForm(parsed.doc));
    setMode('form');
  };

  const runPreview = async () => {
    if (!draft?.doc || !key) return;
    previewAbort.current?.abort();
    const controller = new AbortController();
    previewAbort.current = controller;
    setBusy('preview');
    setApplied(null);
    setApplyError(null);
    try {
      const result = await api.admin.previewRules(draft.doc, controller.signal);
      setPreview({ key, status: 'ok', result });
      setHistoryKey((k) => k + 1);
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err instanceof ApiError && err.status === 400) {
        const placed = placeErrors(err.problem.errors, mode === 'form' ? known : new Set<string>());
        setPreview({
          key,
          status: 'invalid',
          errors: placed.length > 0 ? placed : [{ path: '', message: err.message, field: null }],
        });
      } else {
        setPreview({ key, status: 'failed', messages: errorMessages(err, t) });
      }
    } finally {
      if (!controller.signal.aborted) setBusy(null);
    }
  };

  const runApply = async () => {
    setConfirming(false);
    if (!draft?.doc || !canApply) return;
    setBusy('apply');
    setApplyError(null);
    try {
      const result = await api.admin.applyRules(draft.doc);
      const fresh = await api.admin.rules();
      setCurrent(fresh);
      startFrom(fresh);
      setPreview(null);
      setApplied(result.version);
    } catch (err) {
      setApplyError(errorMessages(err, t));
    } finally {
      setBusy(null);
      setHistoryKey((k) => k + 1);
    }
  };

  const focusField = (field: string) => {
    const el = document.getElementById(inputId(field));
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };

  if (loadError instanceof ApiError && loadError.status === 403) return <NotAllowed />;

  const nextVersion = (current?.version ?? 0) + 1;
  const names = badgeNames(draft?.doc?.badges, current?.badges);
  const inputProblemCount = draft ? Object.keys(draft.inputErrors).length : 0;

  return (
    <section className="page rules" aria-labelledby="rules-title" aria-busy={current == null && loadError == null}>
      <div className="page__head">
        <h1 id="rules-title" tabIndex={-1}>
          {t.admin.rulesTitle}
        </h1>
        {current && (
          <p className="version-pill" data-testid="rules-version" data-version={current.version}>
            {t.admin.versionInForce(current.version)}
          </p>
        )}
      </div>
      <p className="muted">{t.admin.rulesIntro}</p>

      {loadError != null && (
        <div className="form-error" role="alert">
          <p>
            {t.admin.loadError} {errorMessages(loadError, t).join(' ')}
          </p>
          <button type="button" className="btn btn--small" onClick={() => setAttempt((a) => a + 1)}>
            {t.common.retry}
          </button>
        </div>
      )}

      {current == null && loadError == null && <p className="muted">{t.common.loading}</p>}

      <div role="status" aria-live="polite" className="status-line">
        {applied != null && (
          <p className="notice notice--success" data-testid="rules-applied" data-version={applied}>
            {t.admin.applied(applied)}
          </p>
        )}
      </div>

      {base && form && draft && (
        <form
          className="card rules-editor"
          aria-labelledby="rules-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview();
          }}
        >
          <div className="segmented" role="group" aria-label={t.admin.editor}>
            <button
              type="button"
              className={`btn btn--small${mode === 'form' ? ' is-active' : ''}`}
              aria-pressed={mode === 'form'}
              onClick={() => switchMode('form')}
              disabled={mode === 'json' && draft.jsonError != null}
              data-testid="rules-mode-form"
            >
              {t.admin.modeForm}
            </button>
            <button
              type="button"
              className={`btn btn--small${mode === 'json' ? ' is-active' : ''}`}
              aria-pressed={mode === 'json'}
              onClick={() => switchMode('json')}
              data-testid="rules-mode-json"
            >
              {t.admin.modeJson}
            </button>
          </div>

          {serverErrors.length > 0 && (
            <div className="form-error error-summary" role="alert" data-testid="rules-errors">
              <h2 className="error-summary__title">{t.admin.errorsTitle}</h2>
              <p>{t.admin.errorsIntro}</p>
              <ul>
                {serverErrors.map((e, i) => (
                  <li key={`${e.path}-${i}`} data-path={e.path}>
                    {e.field && mode === 'form' ? (
                      <button type="button" className="link-button" onClick={() => focusField(e.field!)} title={t.admin.goToField(e.path)}>
                        <code>{e.path}</code>
                      </button>
                    ) : (
                      e.path && <code>{e.path}</code>
                    )}
                    {e.path ? ': ' : ''}
                    {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}

          {mode === 'form' ? (
            <RulesForm base={base} form={form} onChange={setForm} messages={messagesFor} />
          ) : (
            <div className="field" data-field="json">
              <label htmlFor={jsonId}>{t.admin.json}</label>
              <p id={jsonHintId} className="small muted">
                {t.admin.jsonHint}
              </p>
              <textarea
                id={jsonId}
                className="json-editor"
                spellCheck={false}
                rows={24}
                value={jsonText}
                onChange={(e) => setJsonText(e.target.value)}
                aria-invalid={draft.jsonError != null ? true : undefined}
                aria-describedby={[jsonHintId, draft.jsonError != null ? jsonErrorId : null].filter(Boolean).join(' ')}
                data-testid="rules-json"
              />
              {draft.jsonError != null && (
                <p id={jsonErrorId} className="field-error" data-testid="field-error">
                  {t.admin.jsonInvalid(draft.jsonError)}
                </p>
              )}
            </div>
          )}

          {inputProblemCount > 0 && (
            <p className="field-error" data-testid="rules-input-problems">
              {t.admin.fixInput}
            </p>
          )}

          <div className="rules-editor__buttons">
            <button type="submit" className="btn btn--primary" disabled={!sendable || busy != null} data-testid="rules-preview">
              {busy === 'preview' ? t.admin.previewing : t.admin.preview}
            </button>
            <button
              type="button"
              className="btn"
              disabled={!canApply}
              aria-describedby="rules-apply-hint"
              onClick={() => setConfirming(true)}
              data-testid="rules-apply"
            >
              {busy === 'apply' ? t.admin.applying : t.admin.apply}
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              disabled={busy != null || current == null}
              onClick={() => {
                if (!current) return;
                startFrom(current);
                setMode('form');
                setPreview(null);
              }}
              data-testid="rules-reset"
            >
              {t.admin.reset}
            </button>
          </div>
          <p id="rules-apply-hint" className="small muted">
            {preview != null && !previewIsCurrent ? t.admin.draftChanged : t.admin.applyHint}
          </p>

          {applyError && (
            <div className="form-error" role="alert" data-testid="rules-apply-error">
              <p>
                {t.admin.applyFailed} {applyError.join(' ')}
              </p>
            </div>
          )}
          {preview?.status === 'failed' && (
            <div className="form-error" role="alert">
              <p>
                {t.admin.requestFailed} {preview.messages.join(' ')}
              </p>
            </div>
          )}
        </form>
      )}

      {preview?.status === 'ok' && (
        <div className={`card${previewIsCurrent ? '' : ' is-stale'}`} data-testid="rules-preview-result" data-current={previewIsCurrent}>
          <DiffView rows={preview.result.employees} totals={preview.result} badgeNames={names} />
        </div>
      )}

      {confirming && preview?.status === 'ok' && (
        <ConfirmDialog
          title={t.admin.confirmTitle}
          confirmLabel={t.admin.confirmApply(nextVersion)}
          cancelLabel={t.common.cancel}
          onConfirm={() => void runApply()}
          onCancel={() => setConfirming(false)}
          testId="rules-confirm"
        >
          <p>{t.admin.confirmText(nextVersion, preview.result.employeesAffected)}</p>
        </ConfirmDialog>
      )}

      <RuleHistory reloadKey={historyKey} />
    </section>
  );
}
