import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { ActionRequest, ActionResult, ActionType, Department, FeedbackItem } from '../../api/types';
import { useToast } from '../../components/Toasts';
import { label, useI18n, type Messages } from '../../i18n';
import { channelName, formatDateTime, languageName, safeHttpUrl } from '../../format';
import { useMe, useSession } from '../auth/session';
import { ForwardForm, InsightForm, ReopenForm, ReplyForm, ResolveForm, TagForm } from './ActionForms';
import { TriageBadges } from './TriageBadges';
import { TopicChips } from './TopicChips';

export type FormKind = Exclude<ActionType, 'read'>;

/** What the inbox's keyboard shortcuts can do to a card. */
export interface CardHandle {
  focus: () => void;
  markRead: () => void;
  openForm: (kind: FormKind) => void;
}

const SENTIMENT_ICON: Record<string, string> = { positive: '▲', neutral: '●', negative: '▼' };

interface Props {
  item: FeedbackItem;
  departments: Department[] | null;
  /** After an action went through: the item as it is now, and what was done. */
  onChange: (item: FeedbackItem, type: ActionType) => void;
  selected?: boolean;
  onSelect?: () => void;
  onOpenDetail?: () => void;
  ref?: Ref<CardHandle>;
}

export function errorMessages(err: unknown, t: Messages): string[] {
  if (err instanceof ApiError) {
    const main = err.problem.detail ?? err.problem.title ?? t.common.genericError;
    const fields = err.fieldErrors.filter((m) => m !== main);
    return [main, ...fields];
  }
  return [t.common.serverUnreachable];
}

export function resultMessage(result: ActionResult, type: ActionType, t: Messages): string {
  const awards = result.awards ?? [];
  const reason = awards
    .map((a) => a.reason)
    .filter(Boolean)
    .join('; ');
  if (result.points > 0 || awards.length > 0) return t.inbox.pointsEarned(result.points, reason);
  return t.inbox.noPoints[type] ?? '';
}

function applyResult(item: FeedbackItem, action: ActionRequest, result: ActionResult): FeedbackItem {
  const type = action.type;
  const next: FeedbackItem = { ...item, readByMe: true };
  if (type === 'reply') next.replyCount = (item.replyCount ?? 0) + 1;
  if (action.type === 'tag') next.tags = [...(item.tags ?? []), action.text.trim()];
  if (result.status) next.status = result.status;
  else if (type === 'resolve') next.status = 'resolved';
  else if (type === 'reopen') next.status = 'open';
  return next;
}

export function FeedbackCard({ item, departments, onChange, selected = false, onSelect, onOpenDetail, ref }: Props) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { refreshMe } = useSession();
  const toast = useToast();
  const [open, setOpen] = useState<FormKind | null>(null);
  const [reading, setReading] = useState(false);
  const titleId = useId();
  const formId = useId();
  const toggles = useRef(new Map<FormKind, HTMLButtonElement | null>());
  const articleRef = useRef<HTMLElement>(null);

  const resolved = item.status === 'resolved';
  const url = safeHttpUrl(item.url);
  const sentiment = String(item.sentiment ?? '').toLowerCase();
  const priority = String(item.priority ?? '').toLowerCase();
  const status = String(item.status ?? '').toLowerCase();

  async function send(action: ActionRequest): Promise<ActionResult> {
    const result = await api.act(item.id, action);
    onChange(applyResult(item, action, result), action.type);
    toast.push({ kind: 'success', text: resultMessage(result, action.type, t) });
    void refreshMe();
    return result;
  }

  async function markRead() {
    if (reading) return;
    setReading(true);
    try {
      await send({ type: 'read' });
    } catch (err) {
      toast.push({ kind: 'error', text: errorMessages(err, t).join(' ') });
    } finally {
      setReading(false);
    }
  }

  const submitForm = async (action: ActionRequest): Promise<string[] | null> => {
    try {
      await send(action);
      close();
      return null;
    } catch (err) {
      return errorMessages(err, t);
    }
  };

  function toggle(kind: FormKind) {
    setOpen((current) => (current === kind ? null : kind));
  }

  /** Whether the action makes sense now: a resolved item can only be reopened, an open one not. */
  const allowed = (kind: FormKind | 'read') => (kind === 'reopen' ? resolved : !resolved);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => articleRef.current?.focus(),
      markRead: () => {
        if (allowed('read')) void markRead();
      },
      openForm: (kind: FormKind) => {
        if (allowed(kind)) setOpen(kind);
      },
    }),
  );

  function close() {
    const kind = open;
    setOpen(null);
    if (kind) requestAnimationFrame(() => toggles.current.get(kind)?.focus());
  }

  const actionButton = (kind: FormKind, text: string) => (
    <button
      ref={(el) => {
        toggles.current.set(kind, el);
      }}
      type="button"
      className={`btn btn--small${open === kind ? ' is-active' : ''}`}
      aria-expanded={open === kind}
      aria-controls={open === kind ? formId : undefined}
      disabled={!allowed(kind)}
      onClick={() => toggle(kind)}
    >
      {text}
    </button>
  );

  return (
    <article
      ref={articleRef}
      className={`card feedback feedback--${priority}${resolved ? ' feedback--resolved' : ''}${item.readByMe ? '' : ' feedback--unread'}${selected ? ' is-selected' : ''}`}
      data-testid="feedback-item"
      data-id={item.id}
      data-status={status}
      data-selected={selected ? 'true' : 'false'}
      data-read={item.readByMe ? 'true' : 'false'}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      tabIndex={-1}
      onFocus={onSelect}
      onClick={onSelect}
    >
      <header className="feedback__head">
        <span className="channel" data-testid="feedback-channel" data-channel={item.channel}>
          {channelName(item.channel)}
        </span>
        <h2 id={titleId} className="feedback__author" data-testid="feedback-author">
          {item.author}
        </h2>
        {!item.readByMe && <span className="tag tag--new">{t.inbox.unread}</span>}
        <TriageBadges item={item} />
        {selected && <span className="sr-only">{t.inbox.selected}</span>}
        <time className="feedback__time" dateTime={item.createdAt}>
          {formatDateTime(item.createdAt, lang)}
        </time>
      </header>

      {/* Customer text is data: rendered as plain text, never as HTML. */}
      <p className="feedback__text" data-testid="feedback-text" lang={item.language ?? undefined}>
        {item.text}
      </p>
      {url && (
        <p className="feedback__link">
          <a href={url} target="_blank" rel="noopener noreferrer nofollow">
            {t.inbox.openOriginal}
          </a>
        </p>
      )}

      <dl className="feedback__meta">
        <div>
          <dt>{t.inbox.language}</dt>
          <dd data-testid="feedback-language">{languageName(item.language, lang)}</dd>
        </div>
        <div>
          <dt>{t.inbox.sentiment}</dt>
          <dd>
            <span className={`badge badge--${sentiment}`} data-testid="feedback-sentiment" data-sentiment={sentiment}>
              <span aria-hidden="true">{SENTIMENT_ICON[sentiment] ?? '●'}</span> {label(t.sentiment, sentiment)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t.inbox.priority}</dt>
          <dd>
            <span className={`badge badge--prio-${priority}`} data-testid="feedback-priority" data-priority={priority}>
              {label(t.priority, priority)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t.inbox.departments}</dt>
          <dd data-testid="feedback-departments">{(item.departments ?? []).map((d) => d.name).join(', ') || '—'}</dd>
        </div>
        <TopicChips item={item} />
        {(item.tags ?? []).length > 0 && (
          <div>
            <dt>{t.inbox.tags}</dt>
            <dd data-testid="feedback-tags">
              {(item.tags ?? []).map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </div>
        )}
        <div>
          <dt>{t.inbox.status}</dt>
          <dd>
            <span className={`badge badge--status-${status}`} data-testid="feedback-status" data-status={status}>
              {label(t.status, status)}
            </span>
            {item.replyCount > 0 && <span className="muted small"> · {t.inbox.replies(item.replyCount)}</span>}
          </dd>
        </div>
      </dl>

      <div className="feedback__actions" role="group" aria-label={t.inbox.actions}>
        <button type="button" className="btn btn--small" onClick={markRead} disabled={resolved || reading} aria-busy={reading}>
          {t.inbox.read}
        </button>
        {actionButton('reply', t.inbox.reply)}
        {actionButton('forward', t.inbox.forward)}
        {actionButton('insight', t.inbox.insight)}
        {actionButton('tag', t.inbox.tag)}
        {actionButton('resolve', t.inbox.resolve)}
        {actionButton('reopen', t.inbox.reopen)}
        {onOpenDetail && (
          <button type="button" className="btn btn--small btn--ghost" onClick={onOpenDetail} data-testid="feedback-open-detail">
            {t.inbox.details}
          </button>
        )}
      </div>

      {open && (
        <div id={formId} className="feedback__form">
          {open === 'reply' && <ReplyForm onSubmit={submitForm} onCancel={close} />}
          {open === 'forward' && (
            <ForwardForm onSubmit={submitForm} onCancel={close} departments={departments} excludeId={me.departmentId} />
          )}
          {open === 'insight' && <InsightForm onSubmit={submitForm} onCancel={close} />}
          {open === 'resolve' && <ResolveForm onSubmit={submitForm} onCancel={close} />}
          {open === 'tag' && <TagForm onSubmit={submitForm} onCancel={close} />}
          {open === 'reopen' && <ReopenForm onSubmit={submitForm} onCancel={close} />}
        </div>
      )}
    </article>
  );
}
