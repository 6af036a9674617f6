import { apiFetch, apiUpload, query } from './http';
import type {
  ActionRequest,
  ActionResult,
  BoardSnapshot,
  Department,
  DemoAccounts,
  FeedbackDetail,
  FeedbackPage,
  InboxQuery,
  InsightWindow,
  InsightsBoard,
  FlagKind,
  GamingFlag,
  ImportSummary,
  Id,
  LoginResponse,
  Me,
  Paged,
  RuleChange,
  RuleChangeKind,
  RuleDocument,
  RulesApplied,
  RulesPreview,
  SeasonCalendar,
  DepartmentBoard,
  FairView,
  Challenge,
  ChallengeRequest,
} from './types';

export const api = {
  challenges(signal?: AbortSignal): Promise<Challenge[]> {
    return apiFetch('/api/challenges', { signal });
  },

  createChallenge(request: ChallengeRequest): Promise<Challenge> {
    return apiFetch('/api/challenges', { method: 'POST', body: request });
  },

  challengeCommand(id: Id, command: 'schedule' | 'cancel'): Promise<Challenge> {
    return apiFetch(`/api/challenges/${encodeURIComponent(id)}/${command}`, { method: 'POST' });
  },

  login(email: string, password: string): Promise<LoginResponse> {
    return apiFetch('/api/auth/login', { method: 'POST', body: { email, password }, quiet401: true });
  },

  logout(): Promise<void> {
    return apiFetch('/api/auth/logout', { method: 'POST', quiet401: true });
  },

  demoAccounts(signal?: AbortSignal): Promise<DemoAccounts> {
    return apiFetch('/api/auth/demo-accounts', { signal, quiet401: true });
  },

  me(options: { quiet401?: boolean } = {}): Promise<Me> {
    return apiFetch('/api/me', options);
  },

  departments(signal?: AbortSignal): Promise<Department[]> {
    return apiFetch('/api/departments', { signal });
  },

  /** One inbox page: the first without a cursor, the next with the previous answer's `nextCursor`. */
  feedback(filter: InboxQuery, cursor: string | null, pageSize: number, signal?: AbortSignal): Promise<FeedbackPage> {
    const params: Record<string, string | number | undefined> = { status: filter.status, pageSize };
    for (const key of ['channel', 'sentiment', 'priority', 'language', 'sla'] as const) {
      if (filter[key]) params[key] = filter[key];
    }
    if (filter.q.trim()) params.q = filter.q.trim();
    if (cursor) params.cursor = cursor;
    return apiFetch(`/api/feedback${query(params)}`, { signal });
  },

  feedbackDetail(id: Id, signal?: AbortSignal): Promise<FeedbackDetail> {
    return apiFetch(`/api/feedback/${encodeURIComponent(id)}`, { signal });
  },

  insights(window: InsightWindow, signal?: AbortSignal): Promise<InsightsBoard> {
    return apiFetch(`/api/insights${query({ window })}`, { signal });
  },

  act(feedbackId: Id, action: ActionRequest): Promise<ActionResult> {
    return apiFetch(`/api/feedback/${encodeURIComponent(feedbackId)}/actions`, { method: 'POST', body: action });
  },

  seasons(signal?: AbortSignal): Promise<SeasonCalendar> {
    return apiFetch('/api/seasons', { signal });
  },

  /** The top rows, or with `aroundMe` the rows within five places of mine (the "near me" view). */
  board(board: string, window: string, top: number, signal?: AbortSignal, aroundMe = false): Promise<BoardSnapshot> {
    return apiFetch(`/api/boards/${encodeURIComponent(board)}${query({ window, top, around: aroundMe ? 'me' : undefined })}`, { signal });
  },

  /** A fair view of the departments board: points per head or per routed item (score = ratio × 100). */
  departmentView(window: string, view: FairView, top: number, signal?: AbortSignal): Promise<DepartmentBoard> {
    return apiFetch(`/api/boards/departments${query({ window, view, top, around: 'me' })}`, { signal });
  },

  admin: {
    /** Imports a CSV or JSON-lines file of feedback items; answers once every row is stored or reported. */
    importFile(file: File, signal?: AbortSignal): Promise<ImportSummary> {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload('/api/admin/imports', form, signal);
    },

    rules(signal?: AbortSignal): Promise<RuleDocument> {
      return apiFetch('/api/admin/rules', { signal });
    },

    previewRules(rules: RuleDocument, signal?: AbortSignal): Promise<RulesPreview> {
      return apiFetch('/api/admin/rules/preview', { method: 'POST', body: rules, signal });
    },

    applyRules(rules: RuleDocument): Promise<RulesApplied> {
      return apiFetch('/api/admin/rules/apply', { method: 'POST', body: rules });
    },

    ruleHistory(kind: RuleChangeKind | 'all', page: number, pageSize: number, signal?: AbortSignal): Promise<Paged<RuleChange>> {
      return apiFetch(`/api/admin/rules/history${query({ kind, page, pageSize })}`, { signal });
    },

    flags(
      filter: { kind: FlagKind | 'all'; employeeId?: Id },
      page: number,
      pageSize: number,
      signal?: AbortSignal,
    ): Promise<Paged<GamingFlag>> {
      return apiFetch(`/api/admin/flags${query({ kind: filter.kind, employeeId: filter.employeeId, page, pageSize })}`, { signal });
    },
  },
};
