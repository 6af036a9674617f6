import { apiFetch, query } from './http';
import type {
  ActionRequest,
  ActionResult,
  BoardSnapshot,
  Department,
  DemoAccounts,
  FeedbackPage,
  Id,
  LoginResponse,
  Me,
  SeasonCalendar,
  StatusFilter,
} from './types';

export const api = {
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

  feedback(status: StatusFilter, page: number, pageSize: number, signal?: AbortSignal): Promise<FeedbackPage> {
    return apiFetch(`/api/feedback${query({ status, page, pageSize })}`, { signal });
  },

  act(feedbackId: Id, action: ActionRequest): Promise<ActionResult> {
    return apiFetch(`/api/feedback/${encodeURIComponent(feedbackId)}/actions`, { method: 'POST', body: action });
  },

  seasons(signal?: AbortSignal): Promise<SeasonCalendar> {
    return apiFetch('/api/seasons', { signal });
  },

  board(board: string, window: string, top: number, signal?: AbortSignal): Promise<BoardSnapshot> {
    return apiFetch(`/api/boards/${encodeURIComponent(board)}${query({ window, top, around: 'me' })}`, { signal });
  },
};
