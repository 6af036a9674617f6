import { apiFetch, apiUpload, query } from './http';
import type {
  AuditPage,
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
  ActivityPage,
  CreatedWallboardToken,
  KudosAllowance,
  KudosResult,
  NotificationPage,
  NotificationPreferences,
  WallboardHighlights,
  WallboardInfo,
  WallboardToken,
  MyPrivacy,
  PrivacySettings,
  PrivacySettingsView,
  AdminDepartment,
  AdminBenchmarksBody,
  AdminReturnModelBody,
  StudyKind,
  StudyVersion,
  ApiKeyInfo,
  ApiKeyScope,
  CreatedApiKey,
  PeoplePage,
  Person,
  PersonChange,
  PersonRequest,
  SignInProvider,
  AnalyticsTrend,
  AnalyticsWindow,
  BenchmarksDocument,
  CompanyAnalytics,
  DepartmentAnalytics,
  DepartmentLift,
  DepartmentReturn,
  ReturnModel,
  TrendMetric,
  WallboardEngagement,
} from './types';

export type RetentionMode = 'anonymize' | 'purge';

/** An admin-issued password reset code: shown once; `link` is the web client's reset page with it filled in. */
export interface PasswordResetCode {
  code: string;
  link: string;
  expiresAt: string;
}

export interface RetentionSetting {
  months: number | null;
  mode: RetentionMode;
  history: { months: number | null; mode: RetentionMode; actor: string; at: string }[];
}

export interface RetentionRun {
  events: number;
  awards: number;
  kudos: number;
  gamingFlags: number;
  notifications: number;
}

export const api = {
  retention(signal?: AbortSignal): Promise<RetentionSetting> {
    return apiFetch('/api/admin/retention', { signal });
  },

  setRetention(months: number | null, mode: RetentionMode): Promise<RetentionSetting> {
    return apiFetch('/api/admin/retention', { method: 'PUT', body: { months, mode } });
  },

  runRetention(): Promise<RetentionRun> {
    return apiFetch('/api/admin/retention/run', { method: 'POST' });
  },

  challenges(signal?: AbortSignal): Promise<Challenge[]> {
    return apiFetch('/api/challenges', { signal });
  },

  createChallenge(request: ChallengeRequest): Promise<Challenge> {
    return apiFetch('/api/challenges', { method: 'POST', body: request });
  },

  challenge(id: Id, signal?: AbortSignal): Promise<Challenge> {
    return apiFetch(`/api/challenges/${encodeURIComponent(id)}`, { signal });
  },

  challengeCommand(id: Id, command: 'schedule' | 'cancel'): Promise<Challenge> {
    return apiFetch(`/api/challenges/${encodeURIComponent(id)}/${command}`, { method: 'POST' });
  },

  notifications(cursor: string | null, limit = 20, signal?: AbortSignal): Promise<NotificationPage> {
    return apiFetch(`/api/notifications${query({ cursor: cursor ?? undefined, limit })}`, { signal });
  },

  unreadNotifications(signal?: AbortSignal): Promise<{ unread: number }> {
    return apiFetch('/api/notifications/unread', { signal });
  },

  markNotificationRead(id: Id): Promise<{ unread: number }> {
    return apiFetch(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
  },

  markAllNotificationsRead(): Promise<{ unread: number }> {
    return apiFetch('/api/notifications/read-all', { method: 'POST' });
  },

  notificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
    return apiFetch('/api/notifications/preferences', { signal });
  },

  setNotificationPreferences(muted: string[]): Promise<NotificationPreferences> {
    return apiFetch('/api/notifications/preferences', { method: 'PUT', body: { muted } });
  },

  /** Thanks whoever made the history entry `eventId` of the item (the answer does not say who it was). */
  giveKudos(eventId: Id, feedbackId: Id, message?: string): Promise<KudosResult> {
    return apiFetch('/api/kudos', { method: 'POST', body: { eventId, feedbackId, message: message || undefined } });
  },

  kudosAllowance(signal?: AbortSignal): Promise<KudosAllowance> {
    return apiFetch('/api/kudos/allowance', { signal });
  },

  activity(departmentId: Id, cursor: string | null, limit = 20, signal?: AbortSignal): Promise<ActivityPage> {
    return apiFetch(`/api/departments/${encodeURIComponent(departmentId)}/activity${query({ cursor: cursor ?? undefined, limit })}`, {
      signal,
    });
  },

  wallboard(token: string, signal?: AbortSignal): Promise<WallboardInfo> {
    return apiFetch('/api/wallboard', { signal, bearer: token, quiet401: true });
  },

  wallboardBoard(token: string, window: string, signal?: AbortSignal): Promise<BoardSnapshot> {
    return apiFetch(`/api/wallboard/board${query({ window })}`, { signal, bearer: token, quiet401: true });
  },

  wallboardHighlights(token: string, signal?: AbortSignal): Promise<WallboardHighlights> {
    return apiFetch('/api/wallboard/highlights', { signal, bearer: token, quiet401: true });
  },

  wallboardTokens(signal?: AbortSignal): Promise<WallboardToken[]> {
    return apiFetch('/api/admin/wallboard-tokens', { signal });
  },

  createWallboardToken(name: string): Promise<CreatedWallboardToken> {
    return apiFetch('/api/admin/wallboard-tokens', { method: 'POST', body: { name } });
  },

  revokeWallboardToken(id: Id): Promise<void> {
    return apiFetch(`/api/admin/wallboard-tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },

  people(search: string, page: number, pageSize: number, signal?: AbortSignal): Promise<PeoplePage> {
    return apiFetch(`/api/admin/people${query({ search: search || undefined, page, pageSize })}`, { signal });
  },

  createPerson(person: PersonRequest): Promise<Person> {
    return apiFetch('/api/admin/people', { method: 'POST', body: person });
  },

  changePerson(id: string, change: PersonChange): Promise<Person> {
    return apiFetch(`/api/admin/people/${encodeURIComponent(id)}`, { method: 'PATCH', body: change });
  },

  setPersonDisabled(id: string, disabled: boolean): Promise<void> {
    return apiFetch(`/api/admin/people/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
  },

  adminDepartments(signal?: AbortSignal): Promise<AdminDepartment[]> {
    return apiFetch('/api/admin/departments', { signal });
  },

  createDepartment(name: string): Promise<AdminDepartment> {
    return apiFetch('/api/admin/departments', { method: 'POST', body: { name } });
  },

  renameDepartment(id: Id, name: string): Promise<AdminDepartment> {
    return apiFetch(`/api/admin/departments/${encodeURIComponent(id)}`, { method: 'PUT', body: { name } });
  },

  apiKeys(signal?: AbortSignal): Promise<ApiKeyInfo[]> {
    return apiFetch('/api/admin/api-keys', { signal });
  },

  createApiKey(name: string, scopes: ApiKeyScope[]): Promise<CreatedApiKey> {
    return apiFetch('/api/admin/api-keys', { method: 'POST', body: { name, scopes } });
  },

  revokeApiKey(id: Id): Promise<void> {
    return apiFetch(`/api/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },

  signInProviders(signal?: AbortSignal): Promise<SignInProvider[]> {
    return apiFetch('/api/auth/providers', { signal, quiet401: true });
  },

  login(email: string, password: string): Promise<LoginResponse> {
    return apiFetch('/api/auth/login', { method: 'POST', body: { email, password }, quiet401: true });
  },

  /** "Erase me": removes the signed-in employee's personal data and sign-in; cannot be undone. */
  eraseMe(password: string): Promise<unknown> {
    return apiFetch('/api/me/erase', { method: 'POST', body: { confirm: 'ERASE', password } });
  },

  /** Changes my password; the server ends every other sign-in of mine and renews this browser's cookie. */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return apiFetch('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
  },

  /** Sets a new password with an admin's one-time reset code (no sign-in needed). */
  resetPassword(email: string, code: string, newPassword: string): Promise<void> {
    return apiFetch('/api/auth/password-reset', { method: 'POST', body: { email, code, newPassword }, quiet401: true });
  },

  /** Admin: a one-time reset code for a person (shown once). */
  issuePasswordReset(id: string): Promise<PasswordResetCode> {
    return apiFetch(`/api/admin/people/${encodeURIComponent(id)}/password-reset`, { method: 'POST' });
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
  myPrivacy(signal?: AbortSignal): Promise<MyPrivacy> {
    return apiFetch('/api/me/privacy', { signal });
  },

  setMyPrivacy(rankedByName: boolean): Promise<MyPrivacy> {
    return apiFetch('/api/me/privacy', { method: 'PUT', body: { rankedByName } });
  },

  privacySettings(signal?: AbortSignal): Promise<PrivacySettingsView> {
    return apiFetch('/api/admin/privacy', { signal });
  },

  savePrivacySettings(settings: PrivacySettings): Promise<PrivacySettingsView> {
    return apiFetch('/api/admin/privacy', { method: 'PUT', body: settings });
  },

  board(board: string, window: string, top: number, signal?: AbortSignal, aroundMe = false): Promise<BoardSnapshot> {
    return apiFetch(`/api/boards/${encodeURIComponent(board)}${query({ window, top, around: aroundMe ? 'me' : undefined })}`, { signal });
  },

  /** A fair view of the departments board: points per head or per routed item (score = ratio × 100). */
  departmentView(window: string, view: FairView, top: number, signal?: AbortSignal): Promise<DepartmentBoard> {
    return apiFetch(`/api/boards/departments${query({ window, view, top, around: 'me' })}`, { signal });
  },

  analytics: {
    department(id: Id, window: AnalyticsWindow, signal?: AbortSignal): Promise<DepartmentAnalytics> {
      return apiFetch(`/api/analytics/departments/${encodeURIComponent(id)}${query({ window })}`, { signal });
    },

    /** Daily snapshots: each point is the rolling-30-days figure as of the end of that day. */
    trend(id: Id, metric: TrendMetric, days: number, signal?: AbortSignal): Promise<AnalyticsTrend> {
      return apiFetch(`/api/analytics/departments/${encodeURIComponent(id)}/trend${query({ metric, days })}`, { signal });
    },

    /** The company's figures and every department the caller may see. */
    company(window: AnalyticsWindow, signal?: AbortSignal): Promise<CompanyAnalytics> {
      return apiFetch(`/api/analytics/company${query({ window })}`, { signal });
    },

    return(id: Id, window: AnalyticsWindow, signal?: AbortSignal): Promise<DepartmentReturn> {
      return apiFetch(`/api/analytics/departments/${encodeURIComponent(id)}/return${query({ window })}`, { signal });
    },

    lift(id: Id, signal?: AbortSignal): Promise<DepartmentLift> {
      return apiFetch(`/api/analytics/departments/${encodeURIComponent(id)}/lift`, { signal });
    },

    benchmarks(signal?: AbortSignal): Promise<BenchmarksDocument> {
      return apiFetch('/api/analytics/benchmarks', { signal });
    },

    returnModel(signal?: AbortSignal): Promise<ReturnModel> {
      return apiFetch('/api/analytics/return-model', { signal });
    },
  },

  wallboardEngagement(token: string, signal?: AbortSignal): Promise<WallboardEngagement> {
    return apiFetch('/api/wallboard/engagement', { signal, bearer: token, quiet401: true });
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

    audit(action: string | null, before: number | null, limit: number, signal?: AbortSignal): Promise<AuditPage> {
      return apiFetch(`/api/admin/audit${query({ action: action ?? undefined, before: before ?? undefined, limit })}`, { signal });
    },

    /** Replaces the whole document; 409 when `version` is no longer the one in force, 400 with errors by JSON path. */
    saveBenchmarks(document: AdminBenchmarksBody): Promise<BenchmarksDocument> {
      return apiFetch('/api/admin/analytics/benchmarks', { method: 'PUT', body: document });
    },

    /** A document's versions, newest first. */
    studyVersions(kind: StudyKind, page: number, pageSize: number, signal?: AbortSignal): Promise<Paged<StudyVersion>> {
      return apiFetch(`/api/admin/analytics/${kind}/versions${query({ page, pageSize })}`, { signal });
    },

    /** One version of the benchmarks document, whole; 404 for a version there never was. */
    benchmarksVersion(version: number, signal?: AbortSignal): Promise<BenchmarksDocument> {
      return apiFetch(`/api/admin/analytics/benchmarks/versions/${version}`, { signal });
    },

    /** One version of the return model, whole; 404 for a version there never was. */
    returnModelVersion(version: number, signal?: AbortSignal): Promise<ReturnModel> {
      return apiFetch(`/api/admin/analytics/return-model/versions/${version}`, { signal });
    },

    /** Replaces the return model; 409 on a stale `version`, 400 with errors by JSON path. */
    saveReturnModel(model: AdminReturnModelBody): Promise<ReturnModel> {
      return apiFetch('/api/admin/analytics/return-model', { method: 'PUT', body: model });
    },
  },
};
