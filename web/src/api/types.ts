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
  replyCount: number;
  readByMe: boolean;
}

export interface FeedbackPage {
  items: FeedbackItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type ActionType = 'read' | 'reply' | 'forward' | 'insight' | 'resolve';

export type ActionRequest =
  | { type: 'read'; dwellSeconds?: number }
  | { type: 'reply'; text: string }
  | { type: 'forward'; departmentId: Id; note?: string }
  | { type: 'insight'; title: string; url?: string }
  | { type: 'resolve'; note: string };

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
  rank: number;
  memberId: Id;
  name: string;
  score: number;
  departmentName?: string | null;
}

export interface BoardSnapshot {
  board: string;
  window: string;
  /** The period's key (e.g. `2026-W48`, a season's id); `null` on the season board while no season is running. */
  period: string | null;
  version: number;
  rows: BoardRow[];
  me?: BoardRow | null;
}

/** `BoardChanged` hub payload: only the rows that changed since the last push. */
export interface BoardChange {
  board: string;
  window: string;
  period: string | null;
  version: number;
  rows: BoardRow[];
}

export type NotificationType = 'award' | 'shared-credit' | 'clawback' | 'level-up' | 'badge';

/** `Notification` hub payload, sent to the signed-in user only. */
export interface LiveNotification {
  id: Id;
  type: NotificationType | string;
  title: string;
  message: string;
  points: number;
  occurredAt: string;
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
