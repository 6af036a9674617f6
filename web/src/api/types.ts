/** Shapes of the GamifyHub HTTP and hub API (docs/api.md). Ids are opaque strings on the wire. */

export type Id = string;

export interface LoginResponse {
  tokenType: string;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
  department: string | null;
}

export interface DemoAccounts {
  password: string;
  accounts: DemoAccount[];
}

export interface Award {
  eventId: Id;
  points: number;
  category: string;
  rule: string;
  reason: string;
  occurredAt: string;
  feedbackId: Id | null;
  /** The rule set version whose rule gave the points. */
  ruleVersion?: number;
  /** False for shared credit or a clawback that came from a colleague's action. */
  own?: boolean;
}

export interface Me {
  employeeId: Id;
  email: string;
  displayName: string;
  roles: string[];
  departmentId: Id | null;
  departmentName: string | null;
  points: number;
  pointsByCategory: Record<string, number>;
  recentAwards: Award[];
  /** Missing from older servers. */
  level?: LevelProgress | null;
  /** Unearned secret badges are left out by the server. */
  badges?: Badge[] | null;
}

export interface LevelProgress {
  level: number;
  xpIntoLevel: number;
  xpForNextLevel: number;
}

export type BadgeTier = 'bronze' | 'silver' | 'gold';

export interface Badge {
  id: string;
  name: string;
  description: string;
  tier: BadgeTier | string;
  secret: boolean;
  earned: boolean;
  current: number;
  target: number;
}

export interface Department {
  id: Id;
  name: string;
  slug: string;
  headcount: number;
}

export interface DepartmentRef {
  id: Id;
  name: string;
}

export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Priority = 'low' | 'normal' | 'high';
export type FeedbackStatus = 'open' | 'resolved';
export type StatusFilter = FeedbackStatus | 'all';

export interface FeedbackItem {
  id: Id;
  channel: string;
  externalId: string;
  author: string;
  text: string;
  url: string | null;
  language: string | null;
  sentiment: Sentiment | string;
  priority: Priority | string;
  status: FeedbackStatus | string;
  departments: DepartmentRef[];
  createdAt: string;
  receivedAt?: string;
  replyCount: number;
  readByMe: boolean;
  tags?: string[];
  /** SLA clocks; absent from servers that predate them. */
  sla?: ItemSla;
  /** The text names an employee (who is never stored). */
  mentionsEmployee?: boolean;
  /** The earlier item whose text this one reposts (a near-duplicate), else null. */
  duplicateOf?: Id | null;
  /** Taxonomy topics and products the item was classified with on arrival. */
  topics?: string[];
  products?: string[];
}

export type SlaState = 'on-track' | 'at-risk' | 'breached' | 'met';

export interface SlaClock {
  dueAt: string;
  state: SlaState | string;
  breachedAt: string | null;
  running: boolean;
}

export interface ItemSla {
  state: SlaState | string;
  firstResponse: SlaClock;
  resolution: SlaClock;
}

/** One page of the inbox. `total` is counted only where the list starts (capped: `totalIsCapped` means "more than"). */
export interface FeedbackPage {
  items: FeedbackItem[];
  total: number | null;
  totalIsCapped?: boolean;
  page: number | null;
  pageSize: number;
  nextCursor: string | null;
}

/** What the inbox list is narrowed to; '' means any. */
export interface InboxQuery {
  status: StatusFilter;
  channel: string;
  sentiment: string;
  priority: string;
  language: string;
  /** An item SLA state (on-track, at-risk, breached, met) or '' for any. */
  sla: string;
  q: string;
}

export interface HistoryEntry {
  eventId: Id;
  type: string;
  employeeName: string;
  departmentName: string;
  occurredAt: string;
  detail: string | null;
  note: string | null;
  title: string | null;
  url: string | null;
  toDepartment: DepartmentRef | null;
  /** The id that goes with `employeeName`: the person's when shown by name, the pseudonym's when shown by pseudonym. */
  employeeId?: Id | null;
  /** I already thanked this colleague for this item. */
  thankedByMe?: boolean;
  /** `employeeName` is a pseudonym ("Colleague 4F2A"). */
  pseudonym?: boolean;
  /** The reader sees no individuals (a manager while managers see none): show "a colleague". */
  hidden?: boolean;
  isYou?: boolean;
  /** Show a Thank button here (thanks go by `eventId`). */
  canThank?: boolean;
}

export interface HandOff {
  kind: 'routed' | 'forwarded' | string;
  from: DepartmentRef | null;
  to: DepartmentRef;
  by: string | null;
  at: string;
  note: string | null;
}

export interface InsightLink {
  title: string;
  url: string | null;
  by: string;
  department: DepartmentRef;
  at: string;
}

export interface FeedbackDetail {
  item: FeedbackItem;
  history: HistoryEntry[];
  handOffs: HandOff[];
  insights: InsightLink[];
  resolution: { note: string; by: string; at: string } | null;
}

export type ActionType = 'read' | 'reply' | 'tag' | 'forward' | 'insight' | 'resolve' | 'reopen';

export type ActionRequest =
  | { type: 'read'; dwellSeconds?: number }
  | { type: 'reply'; text: string }
  | { type: 'tag'; text: string }
  | { type: 'forward'; departmentId: Id; note?: string }
  | { type: 'insight'; title: string; url?: string }
  | { type: 'resolve'; note: string }
  | { type: 'reopen'; note?: string };

export type InsightWindow = '7d' | '30d' | '90d' | 'all';

export interface DepartmentCount {
  id: Id;
  name: string;
  count: number;
}

export interface BacklogItem {
  key: string;
  title: string;
  url: string | null;
  feedbackCount: number;
  linkCount: number;
  sentiment: { positive: number; neutral: number; negative: number };
  departments: DepartmentCount[];
  linkedBy: DepartmentCount[];
  firstLinkedAt: string;
  lastLinkedAt: string;
  feedback: {
    id: Id;
    channel: string;
    excerpt: string;
    language: string;
    sentiment: string;
    status: string;
    receivedAt: string;
  }[];
  otherFeedback: number;
}

export interface InsightsBoard {
  window: InsightWindow;
  since: string | null;
  backlogItems: number;
  linkedFeedback: number;
  items: BacklogItem[];
}

export interface ActionAward {
  points: number;
  category: string;
  rule: string;
  reason: string;
}

export interface ActionResult {
  eventId: Id;
  type: string;
  points: number;
  awards: ActionAward[];
  status: FeedbackStatus | string;
}

export type BoardKind = 'employees' | 'departments';
export type BoardWindow = 'day' | 'week' | 'month' | 'quarter' | 'season' | 'all';

export interface BoardRow {
  /** 0 for a department whose figures are withheld (below the minimum group size). */
  rank: number;
  /** On individual boards: the person's id when they are ranked by name, else their pseudonym's id. */
  memberId: Id;
  name: string;
  score: number;
  departmentName?: string | null;
  /** `name` is a pseudonym ("Colleague 4F2A"): the person has not opted in to be ranked by name. */
  pseudonym?: boolean;
  /** The reader's own row (API answers only, never in pushes). */
  isYou?: boolean;
  /** A department below the minimum group size: no figures, not ranked. */
  withheld?: boolean;
}

/** How the departments board ranks: raw points, points per head, or points per routed feedback item. */
export type FairView = 'per-head' | 'per-item';

export interface DepartmentRow {
  /** 0 when withheld (below the minimum group size). */
  rank: number;
  withheld?: boolean;
  memberId: Id;
  name: string;
  /** What the row is ranked by: raw points, or the ratio × 100. */
  score: number;
  points: number;
  headcount: number;
  items: number;
}

export interface DepartmentBoard {
  board: string;
  window: string;
  view: string;
  period: string | null;
  version: number;
  rows: DepartmentRow[];
  me: DepartmentRow | null;
}

export interface BoardSnapshot {
  board: string;
  window: string;
  /** The period's key (e.g. `2026-W48`, a season's id); `null` on the season board while no season is running. */
  period: string | null;
  version: number;
  rows: BoardRow[];
  me?: BoardRow | null;
  /** Individual boards: rows ranked below this are never listed (no bottom ranks). */
  visibleRanks?: number | null;
  /** Why rows are missing, e.g. `individual-boards-off`. */
  notice?: string | null;
}

/** `BoardChanged` hub payload: only the rows that changed since the last push. */
export interface BoardChange {
  board: string;
  window: string;
  period: string | null;
  version: number;
  rows: BoardRow[];
  visibleRanks?: number | null;
  notice?: string | null;
  /** Someone on the board changed between name and pseudonym: read the board again (the push has no rows). */
  refresh?: boolean;
}

/** Company-wide privacy settings (admins). */
export interface PrivacySettings {
  individualBoards: boolean;
  minimumGroupSize: number;
  managersSeeIndividuals: boolean;
}

export interface PrivacySettingsChange extends PrivacySettings {
  at: string;
  actor: string;
}

export interface PrivacySettingsView extends PrivacySettings {
  history: PrivacySettingsChange[];
}

/** The signed-in employee's consent to be ranked by name. */
export interface MyPrivacy {
  rankedByName: boolean;
  decidedAt: string | null;
  pseudonym: string;
  pseudonymId: Id;
  individualBoards: boolean;
  history: { rankedByName: boolean; at: string }[];
}

export type NotificationType =
  | 'award'
  | 'shared-credit'
  | 'clawback'
  | 'level-up'
  | 'badge'
  | 'challenge-started'
  | 'challenge-ending-soon'
  | 'challenge-completed'
  | 'top-n'
  | 'kudos'
  | 'high-priority'
  | 'sla-breach';

/** `Notification` hub payload, sent to the signed-in user only. */
export interface LiveNotification {
  id: Id;
  type: NotificationType | string;
  title: string;
  message: string;
  points: number;
  occurredAt: string;
  /** Title and message in other languages, by language code. */
  translations?: Record<string, { title: string; message: string }> | null;
}

/** One employee's change in a rescore preview or apply (docs/api.md, Administration). */
export interface RescoreRow {
  employeeId: Id;
  name: string;
  departmentId: Id | null;
  departmentName: string | null;
  pointsBefore: number;
  pointsAfter: number;
  delta: number;
  badgesGained: string[];
  badgesLost: string[];
}

export interface RescoreTotals {
  totalBefore: number;
  totalAfter: number;
  totalDelta: number;
  employeesAffected: number;
  badgesGained: number;
  badgesLost: number;
}

export interface RulesPreview extends RescoreTotals {
  currentVersion: number;
  employees: RescoreRow[];
}

export interface RulesApplied extends RescoreTotals {
  version: number;
  employees: RescoreRow[];
}

export type RuleChangeKind = 'preview' | 'apply';

export interface RuleChange {
  id: number;
  kind: RuleChangeKind | string;
  version: number;
  actor: string;
  at: string;
  summary: RescoreTotals | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type FlagKind = 'read-too-fast' | 'burst';

export interface GamingFlag {
  id: number;
  at: string;
  employeeId: Id;
  employeeName: string;
  departmentId: Id;
  departmentName: string;
  flag: FlagKind | string;
  eventId: Id;
  actionType: string;
  feedbackId: Id | null;
}

/** The rule set document, format 3 (`GET /api/admin/rules`); fields the editor does not know are kept as they are. */
export interface RuleEntry {
  id: string;
  action: string;
  category: string;
  points: number;
  reason: string;
  when?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface BadgeEntry {
  id: string;
  name: string;
  [key: string]: unknown;
}

export interface RuleDocument {
  format: number;
  version: number;
  rules: RuleEntry[];
  multipliers: { firstResponder: number; negativeResolved: number };
  limits: { dailyCap: Record<string, number>; diminishAfter: number; diminishFactor: number; cooldownMinutes: number };
  sharedCredit: { share: number };
  antiGaming: { minReadSeconds: number; burstCount: number; burstWindowSeconds: number };
  levelCurve: { kind: string; base: number; growth: number; table?: number[] | null };
  badges: BadgeEntry[];
  [key: string]: unknown;
}

/** A season: a named date range with its own board window. `start` and `end` are local dates (yyyy-MM-dd), inclusive. */
export interface Season {
  id: string;
  name: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
}

/** `GET /api/seasons`. */
export interface SeasonCalendar {
  timeZone: string;
  current: Season | null;
  next: Season | null;
  seasons: Season[];
}

/** One row the import could not store: the line of the file where it starts, the field at fault ("row", "file") and why. */
export interface ImportError {
  row: number;
  field: string;
  message: string;
}

/** `POST /api/admin/imports`. */
export interface ImportSummary {
  id: string;
  format: 'csv' | 'jsonl';
  rowsRead: number;
  stored: number;
  duplicates: number;
  nearDuplicates: number;
  rejected: number;
  errorCount: number;
  errors: ImportError[];
  fatal: string | null;
  errorReport: string | null;
  seconds: number;
}

export type ChallengeMetric =
  | 'action-count'
  | 'category-points'
  | 'read-rate'
  | 'median-first-response'
  | 'insights-created'
  | 'items-resolved';
export type ChallengeScope = 'department' | 'team-vs-team' | 'company';
export type ChallengeStatus = 'draft' | 'scheduled' | 'active' | 'completed' | 'expired' | 'cancelled';

/**
 * A participant: an employee (as the boards show them: by name, or a pseudonym whose `id` is the pseudonym's), or a
 * department in team-vs-team. `value` is null while nothing is measurable, and for a department below the minimum group
 * size (rank 0). `isYou` marks the reader's own row (API answers only).
 */
export interface ChallengeUnit {
  rank: number;
  id: Id;
  name: string;
  value: number | null;
  reached: boolean;
  isYou: boolean;
}

/**
 * `GET /api/challenges` rows and the hub's `ChallengeChanged` pushes. Pushes carry what every watcher may see
 * (`mine: null` except the company total, `rewardedMe: false`, `canManage: false`); the page keeps those from the API.
 * `total` and `rewardedCount` are null when a department of the challenge is below the minimum group size.
 */
export interface Challenge {
  id: Id;
  name: string;
  description: string;
  metric: ChallengeMetric;
  action: string | null;
  category: string | null;
  target: number;
  startsAt: string;
  endsAt: string;
  scope: ChallengeScope;
  departments: { id: Id; name: string }[];
  rewardPoints: number;
  rewardBadge: string | null;
  recurrence: 'none' | 'weekly';
  status: ChallengeStatus;
  occurrence: number;
  total: number | null;
  totalReached: boolean;
  units: ChallengeUnit[];
  rewardedCount: number | null;
  rewardedMe: boolean;
  /** Winning departments (team-vs-team), without those below the minimum group size. */
  winners: Id[];
  version: number;
  mine: number | null;
  canManage: boolean;
}

export interface ChallengeRequest {
  name: string;
  description: string;
  metric: ChallengeMetric;
  action: string | null;
  category: string | null;
  target: number | null;
  startsAt: string | null;
  endsAt: string | null;
  scope: ChallengeScope;
  departmentIds: Id[];
  rewardPoints: number | null;
  rewardBadge: string | null;
  recurrence: 'none' | 'weekly';
  schedule: boolean;
}

/** One entry of the notification centre (GET /api/notifications); title and message in the request's language. */
export interface NotificationItem extends LiveNotification {
  read: boolean;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  nextCursor: string | null;
}

export interface NotificationPreferences {
  muted: string[];
  types: string[];
}

export interface KudosResult {
  id: Id;
  /** Null when thanked by history entry: the server does not say who it was. */
  receiver: Id | null;
  feedbackId: Id;
  message: string | null;
  givenAt: string;
  points: number;
  duplicate: boolean;
  givenToday: number;
  dailyLimit: number;
}

export interface KudosAllowance {
  givenToday: number;
  dailyLimit: number;
  remaining: number;
}

export interface ActivityPerson {
  id: Id | null;
  name: string | null;
  departmentId: Id;
  departmentName: string;
}

export type ActivityKind = 'award' | 'badge' | 'level-up' | 'top-n' | 'resolved' | 'insight' | 'kudos';

export interface ActivityEntry {
  id: string;
  kind: ActivityKind | string;
  occurredAt: string;
  actor: ActivityPerson | null;
  receiver: ActivityPerson | null;
  feedbackId: Id | null;
  points: number;
  title: string | null;
  text: string | null;
}

export interface ActivityPage {
  items: ActivityEntry[];
  nextCursor: string | null;
}

/** A wallboard highlight: no ids at all; `name` is a first name (people who opted in) or null (then only the department). */
export interface WallboardHighlight {
  kind: ActivityKind | string;
  occurredAt: string;
  actor: { name: string | null; departmentName: string } | null;
  receiver: { name: string | null; departmentName: string } | null;
  points: number;
  title: string | null;
}

export interface WallboardHighlights {
  items: WallboardHighlight[];
}

export interface WallboardInfo {
  name: string;
  rotateSeconds: number;
}

export interface WallboardToken {
  id: Id;
  name: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

export interface CreatedWallboardToken {
  id: Id;
  name: string;
  createdAt: string;
  token: string;
}

/** One audit log line (GET /api/admin/audit). */
export interface AuditEntry {
  id: number;
  at: string;
  /** Who did it as shown now (a person's current email, "former colleague" once erased, "system"). */
  actor: string;
  /** What the line stores: `user {id}`, `employee {id}`, `system` … never an email. */
  actorId: string;
  action: string;
  subject: string | null;
  /** The subject's current name when it is a person who still exists. */
  subjectName: string | null;
  details: unknown;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the oldest entry. */
  nextBefore: number | null;
}

export type RoleName = 'Employee' | 'Manager' | 'Admin';

export interface Person {
  id: string;
  employeeId: Id | null;
  name: string;
  email: string;
  departmentId: Id | null;
  departmentName: string | null;
  roles: RoleName[];
  managedDepartmentIds: Id[];
  disabled: boolean;
  lockedUntil: string | null;
}

export interface PeoplePage {
  items: Person[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PersonRequest {
  name: string;
  email: string;
  departmentId: Id | null;
  roles: RoleName[];
  managedDepartmentIds: Id[];
  password: string;
}

export interface PersonChange {
  name?: string;
  departmentId?: Id | null;
  roles?: RoleName[];
  managedDepartmentIds?: Id[];
}

export interface AdminDepartment {
  id: Id;
  name: string;
  slug: string;
  isTriage: boolean;
  headcount: number;
}

// ── Analytics model, as admins edit it (issue 13; docs/api.md "Analytics: the study and the return model"). The documents
// themselves are BenchmarksDocument and ReturnModel (Analytics, below). ──

/** A department's business function as the study distinguishes them; codes are stored, never renamed. */
export type DepartmentFunction = 'rd' | 'pm' | 'marketing' | 'service' | 'sales' | 'other';

export interface DepartmentFunctionAssignment {
  departmentId: Id;
  function: DepartmentFunction;
}

/** What the benchmarks PUT sends: the whole document; a number the form could not read goes as null (the server names it). */
export interface AdminBenchmarksBody {
  version: number;
  studies: {
    id: string;
    source: string;
    year: number | null;
    sampleSize: number | null;
    url: string | null;
    figures: { id: string; label: string; value: number | null; meaning: string }[];
  }[];
  departmentFunctions: DepartmentFunctionAssignment[];
}

/** The two admin-edited analytics documents, by the name their routes use. */
export type StudyKind = 'benchmarks' | 'return-model';

/** One version in a document's history; the shipped version 1 has `at` and `changedBy` null. */
export interface StudyVersion {
  version: number;
  at: string | null;
  /** Who saved it, as the audit page shows them (current email, or "former colleague" once erased). */
  changedBy: string | null;
}

/** What the return model's PUT sends; a number the form could not read goes as null (the server names it). */
export interface AdminReturnModelBody {
  version: number;
  currency: string;
  hourlyCost: number | null;
  minutesPerAction: Record<keyof ReturnModel['minutesPerAction'], number | null>;
  valuePerOutcome: Record<keyof ReturnModel['valuePerOutcome'], number | null>;
  sources: string[];
}

export type ApiKeyScope = 'feedback:write' | 'events:write' | 'wallboard';

export interface ApiKeyInfo {
  id: Id;
  name: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey {
  id: Id;
  name: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  createdBy: string;
  key: string;
}

export interface SignInProvider {
  id: string;
  displayName: string;
  startUrl: string;
}

// ── Analytics (issue 13; docs/analytics.md). Rates are shares from 0 to 1, null where nothing is measurable. ──

export type AnalyticsWindow = 'day' | 'week' | 'month' | 'quarter' | 'season' | 'all' | 'rolling30';

/** The study's channel groups (ChannelGroups on the server), sent by name. */
export type ChannelGroupName = 'blogs' | 'appstores' | 'video' | 'social' | 'reviews' | 'other';

export type MaturityStage = 'laggard' | 'follower' | 'leader';

export type TrendMetric =
  | 'readRate'
  | 'firstResponseMedian'
  | 'firstResponseP90'
  | 'resolvedRate'
  | 'insightRate'
  | 'handoffRate'
  | 'slaMetRate'
  | 'participationRate'
  | 'netReturn';

/** A figure of the study as a department answer carries it (`label` in English; the client names known ids itself). */
export interface BenchmarkFigureRef {
  id: string;
  label: string;
  value: number;
  source: string;
}

export interface DurationFigure {
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface AnalyticsPeriod {
  key: string;
  /** Null for window `all`. */
  start: string | null;
  end: string | null;
}

export interface ChannelFigure {
  group: ChannelGroupName | string;
  items: number;
  readRate: number | null;
}

/** Why a department sits at its stage: a code the client words, with the figure and the study's figure it was held against. */
export interface MaturityReason {
  code: string;
  metric: string;
  value: number | null;
  baseline: number | null;
  benchmarkId: string | null;
}

export interface MaturityNextStep {
  code: string;
  metric: string;
  target: number | null;
  benchmarkId: string | null;
}

export interface Maturity {
  stage: MaturityStage;
  score: number | null;
  reasons: MaturityReason[];
  nextStep: MaturityNextStep | null;
}

/** `GET /api/analytics/departments/{id}` and the hub's `AnalyticsChanged` push (window rolling30). */
export interface DepartmentAnalytics {
  departmentId: Id | null;
  departmentName: string | null;
  window: AnalyticsWindow;
  /** Null for window season when none runs. */
  period: AnalyticsPeriod | null;
  routedItems: number;
  readRate: number | null;
  firstResponse: DurationFigure;
  resolution: DurationFigure;
  resolvedRate: number | null;
  insightRate: number | null;
  handoffRate: number | null;
  sharedBothActedRate: number | null;
  slaMetRate: number | null;
  participationRate: number | null;
  channels: ChannelFigure[];
  maturity: Maturity | null;
  benchmarks: BenchmarkFigureRef[];
  /** Fewer people than the minimum group size: every rate is null, only `routedItems` is given. */
  withheld: boolean;
  /** The minimum group size in force, when the server sends it (the withheld message names it). */
  minimumGroupSize?: number | null;
}

export interface TrendPoint {
  /** Local day (company time zone), `yyyy-MM-dd`; the value is the rolling-30-days figure as of its end. */
  date: string;
  value: number | null;
}

/** `GET /api/analytics/departments/{id}/trend`. */
export interface AnalyticsTrend {
  departmentId: Id;
  metric: TrendMetric;
  days: number;
  points: TrendPoint[];
  baseline: BenchmarkFigureRef | null;
}

/** `GET /api/analytics/company`: the company's figures and every department the caller may see. */
export interface CompanyAnalytics {
  window: AnalyticsWindow;
  period: AnalyticsPeriod | null;
  company: DepartmentAnalytics;
  departments: DepartmentAnalytics[];
}

export interface ReturnModel {
  version: number;
  currency: string;
  hourlyCost: number;
  minutesPerAction: { read: number; reply: number; tag: number; forward: number; insight: number; resolve: number };
  valuePerOutcome: { insight: number; resolvedComplaint: number; replyWithinSla: number };
  /** Where the defaults come from, as text. */
  sources: string[];
}

/** `GET /api/analytics/departments/{id}/return`: cost and value of the department's work under the return model. */
export interface DepartmentReturn {
  departmentId: Id;
  window: AnalyticsWindow;
  period: AnalyticsPeriod | null;
  cost: number | null;
  value: number | null;
  net: number | null;
  ratio: number | null;
  currency: string;
  counts: {
    reads: number;
    replies: number;
    tags: number;
    forwards: number;
    insights: number;
    resolves: number;
    resolvedComplaints: number;
    repliesWithinSla: number;
  } | null;
  /** The return model the figures were computed with; null while none is set. */
  model: ReturnModel | null;
}

export interface LiftFigures {
  readRate: number | null;
  firstResponseMedianMinutes: number | null;
  insightRate: number | null;
}

export interface LiftEntry {
  kind: 'challenge' | 'season';
  id: Id;
  name: string;
  start: string;
  end: string;
  /** The same length immediately before `start`. */
  before: LiftFigures;
  during: LiftFigures;
}

/** `GET /api/analytics/departments/{id}/lift`: metrics before vs during each challenge and season. */
export interface DepartmentLift {
  departmentId: Id;
  entries: LiftEntry[];
}

export interface BenchmarkStudy {
  id: string;
  source: string;
  year: number;
  sampleSize: number | null;
  url: string | null;
  figures: { id: string; label: string; value: number; meaning: string }[];
}

/** `GET /api/analytics/benchmarks`: the versioned benchmarks document. */
export interface BenchmarksDocument {
  version: number;
  updatedAt: string;
  studies: BenchmarkStudy[];
  departmentFunctions: { departmentId: Id; function: string }[];
}

/** `GET /api/wallboard/engagement`: read rate per department (no person anywhere). */
export interface WallboardEngagement {
  departments: { departmentId: Id; departmentName: string; readRate: number | null; withheld: boolean }[];
  baseline: BenchmarkFigureRef | null;
}
