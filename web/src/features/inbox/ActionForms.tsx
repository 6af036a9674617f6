import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ActionRequest, Department, Id } from '../../api/types';
import { useT } from '../../i18n';

/** Sends the action; resolves to error messages to show in the form, or null when it went through. */
export type SubmitAction = (action: ActionRequest) => Promise<string[] | null>;

interface FormProps {
  onSubmit: SubmitAction;
  onCancel: () => void;
}

function ActionForm({
  className,
  submitLabel,
  onSubmit,
  onCancel,
  build,
  children,
}: FormProps & { className: string; submitLabel: string; build: () => ActionRequest; children: ReactNode }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[] | null>(null);
  const errorId = useId();

  async function handle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(null);
    const result = await onSubmit(build());
    // On success the card closes this form, so only an error needs state here.
    if (result) {
      setErrors(result);
      setBusy(false);
    }
  }

  return (
    <form
      className={`action-form ${className}`}
      onSubmit={handle}
      noValidate
      aria-describedby={errors ? errorId : undefined}
      onKeyDown={(e) => {
        // Keyboard triage: Ctrl/Cmd+Enter sends from any field (Enter alone is a new line in a note), Esc cancels.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
      {errors && (
        <div id={errorId} className="form-error" role="alert" data-testid="action-error">
          {errors.map((message, i) => (
            <p key={i}>{message}</p>
          ))}
        </div>
      )}
      <div className="action-form__buttons">
        <button type="submit" className="btn btn--primary" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
        <span className="muted small">{t.inbox.submitHint}</span>
      </div>
    </form>
  );
}

export function ReplyForm(props: FormProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  return (
    <ActionForm {...props} className="action-form--reply" submitLabel={t.inbox.sendReply} build={() => ({ type: 'reply', text })}>
      <div className="field">
        <label htmlFor={id}>{t.inbox.replyText}</label>
        <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} autoFocus aria-required="true" />
      </div>
    </ActionForm>
  );
}

export function ForwardForm(props: FormProps & { departments: Department[] | null; excludeId: Id | null }) {
  const t = useT();
  const selectId = useId();
  const noteId = useId();
  const [departmentId, setDepartmentId] = useState('');
  const [note, setNote] = useState('');
  const { departments, excludeId, ...formProps } = props;
  const options = (departments ?? []).filter((d) => excludeId == null || String(d.id) !== String(excludeId));
  return (
    <ActionForm
      {...formProps}
      className="action-form--forward"
      submitLabel={t.inbox.forwardItem}
      build={() => ({ type: 'forward', departmentId, ...(note.trim() ? { note } : {}) })}
    >
      <div className="field">
        <label htmlFor={selectId}>{t.inbox.department}</label>
        <select id={selectId} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} autoFocus aria-required="true">
          <option value="">{departments ? t.inbox.chooseDepartment : t.common.loading}</option>
          {options.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>{t.inbox.note}</label>
        <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
    </ActionForm>
  );
}

export function InsightForm(props: FormProps) {
  const t = useT();
  const titleId = useId();
  const urlId = useId();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  return (
    <ActionForm
      {...props}
      className="action-form--insight"
      submitLabel={t.inbox.saveInsight}
      build={() => ({ type: 'insight', title, ...(url.trim() ? { url: url.trim() } : {}) })}
    >
      <div className="field">
        <label htmlFor={titleId}>{t.inbox.backlogTitle}</label>
        <input id={titleId} type="text" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus aria-required="true" />
      </div>
      <div className="field">
        <label htmlFor={urlId}>{t.inbox.backlogUrl}</label>
        <input id={urlId} type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
      </div>
    </ActionForm>
  );
}

export function ResolveForm(props: FormProps) {
  const t = useT();
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <ActionForm {...props} className="action-form--resolve" submitLabel={t.inbox.resolveItem} build={() => ({ type: 'resolve', note })}>
      <div className="field">
        <label htmlFor={id}>{t.inbox.resolutionNote}</label>
        <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus aria-required="true" />
      </div>
    </ActionForm>
  );
}

export function TagForm(props: FormProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  return (
    <ActionForm {...props} className="action-form--tag" submitLabel={t.inbox.saveTag} build={() => ({ type: 'tag', text })}>
      <div className="field">
        <label htmlFor={id}>{t.inbox.tagText}</label>
        <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} autoFocus aria-required="true" />
      </div>
    </ActionForm>
  );
}

export function ReopenForm(props: FormProps) {
  const t = useT();
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <ActionForm
      {...props}
      className="action-form--reopen"
      submitLabel={t.inbox.reopenItem}
      build={() => ({ type: 'reopen', ...(note.trim() ? { note } : {}) })}
    >
      <div className="field">
        <label htmlFor={id}>{t.inbox.reopenNote}</label>
        <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
      </div>
    </ActionForm>
  );
}
