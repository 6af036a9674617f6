/**
 * Typed fetch helpers. Every call sends the auth cookie and turns RFC 9457 problem details
 * (or any non-2xx answer) into an {@link ApiError}.
 */

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Validation messages per field, flattened ("field: message"). */
  get fieldErrors(): string[] {
    const errors = this.problem.errors;
    if (!errors) return [];
    return Object.entries(errors).flatMap(([field, messages]) =>
      (messages ?? []).map((m) => (field ? `${field}: ${m}` : m)),
    );
  }
}

/** Thrown when the server cannot be reached at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network error', { cause });
    this.name = 'NetworkError';
  }
}

let requestLanguage = 'en';

/** The language the server answers rule set texts in (award reasons, badge names): the user's pick. */
export function setRequestLanguage(lang: string): void {
  requestLanguage = lang;
}

type UnauthorizedListener = () => void;
let unauthorizedListener: UnauthorizedListener | null = null;

/** Registers the single handler that runs when a signed-in call answers 401 (session expired). */
export function onUnauthorized(listener: UnauthorizedListener | null): void {
  unauthorizedListener = listener;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not report a 401 to the session (sign-in and the initial "who am I" call). */
  quiet401?: boolean;
  /** Sign in with this bearer token instead of the session cookie (the wallboard's token). */
  bearer?: string;
}

/** Header and cookie of the CSRF token that cookie-signed-in writes must echo (the server sets the cookie at sign-in). */
export const CSRF_HEADER = 'X-XSRF-TOKEN';
const CSRF_COOKIE = 'XSRF-TOKEN';

/** The CSRF token from its cookie, if the server set one. */
export function readCsrfCookie(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Problem type of a refused CSRF token (the server's Security/Csrf.cs). */
const CSRF_PROBLEM = 'https://gamifyhub.dev/problems/csrf';

/**
 * The token for a write; asks the server for one when the cookie is missing (e.g. a session from before an update) or,
 * with `fresh`, when the server refused the one in the cookie.
 */
async function csrfToken(signal?: AbortSignal, fresh = false): Promise<string | undefined> {
  const fromCookie = fresh ? undefined : readCsrfCookie();
  if (fromCookie) return fromCookie;
  try {
    const response = await fetch('/api/auth/csrf', { credentials: 'include', headers: { Accept: 'application/json' }, signal });
    if (!response.ok) return undefined;
    return readCsrfCookie() ?? ((await response.json()) as { token?: string }).token;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    return undefined;
  }
}

interface SendOptions {
  method: string;
  headers: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  quiet401: boolean;
  bearer?: string;
  /** Set on the one retry after a refused CSRF token. */
  freshCsrf?: boolean;
}

/**
 * The one place a request goes out: language, credentials, the CSRF header on cookie writes, and the error handling
 * (network error, problem details, the session's 401 listener).
 */
async function send(path: string, options: SendOptions): Promise<Response> {
  const { method, body, signal, quiet401, bearer } = options;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': requestLanguage,
    ...options.headers,
  };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  else if (method !== 'GET') {
    const token = await csrfToken(signal, options.freshCsrf);
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: bearer ? 'omit' : 'include', signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    // A stale token (e.g. after the server's keys changed): get a fresh one and try once more.
    if (response.status === 403 && problem.type === CSRF_PROBLEM && !bearer && !options.freshCsrf) {
      return send(path, { ...options, freshCsrf: true });
    }
    if (response.status === 401 && !quiet401) unauthorizedListener?.();
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, quiet401 = false, bearer } = options;
  const response = await send(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    quiet401,
    bearer,
  });

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

/** Sends a file as multipart/form-data (streamed by the browser; the server reads it as a stream too). */
export async function apiUpload<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  const response = await send(path, { method: 'POST', headers: {}, body: form, signal, quiet401: false });
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const fallback: ProblemDetails = { status: response.status, title: response.statusText || undefined };
  let text = '';
  try {
    text = await response.text();
  } catch {
    return fallback;
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (text && contentType.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        const p = parsed as Record<string, unknown>;
        return {
          type: asString(p.type),
          title: asString(p.title) ?? fallback.title,
          status: typeof p.status === 'number' ? p.status : response.status,
          detail: asString(p.detail),
          instance: asString(p.instance),
          errors: asErrors(p.errors),
        };
      }
    } catch {
      /* not JSON after all */
    }
  }
  return fallback;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function asErrors(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(messages)) out[key] = messages.filter((m): m is string => typeof m === 'string');
    else if (typeof messages === 'string') out[key] = [messages];
  }
  return out;
}

/** Builds a query string, skipping undefined values. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
