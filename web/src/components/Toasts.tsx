import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';

export type ToastKind = 'success' | 'info' | 'error';

export interface ToastInput {
  kind?: ToastKind;
  title?: string;
  text: string;
  /** A short highlight shown before the text, e.g. "+5". */
  badge?: string;
  /** Milliseconds before it goes away by itself. */
  timeout?: number;
}

interface Toast extends Required<Omit<ToastInput, 'title' | 'badge'>> {
  id: number;
  title?: string;
  badge?: string;
}

const DEFAULT_TIMEOUT = 6000;

interface ToastApi {
  push: (toast: ToastInput) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    const timer = timers.current.get(id);
    if (timer !== undefined) {
      window.clearTimeout(timer);
      timers.current.delete(id);
    }
  }, []);

  const push = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      const toast: Toast = {
        id,
        kind: input.kind ?? 'info',
        title: input.title,
        badge: input.badge,
        text: input.text,
        timeout: input.timeout ?? DEFAULT_TIMEOUT,
      };
      // Keep the stack short: the newest five.
      setToasts((list) => [...list.slice(-4), toast]);
      timers.current.set(id, window.setTimeout(() => dismiss(id), toast.timeout));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      pending.forEach((timer) => window.clearTimeout(timer));
      pending.clear();
    };
  }, []);

  const api = useMemo(() => ({ push }), [push]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ToastRegion toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

function ToastRegion({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const t = useT();
  // The live region is always in the DOM so that screen readers announce what is added to it.
  return (
    <div className="toasts" aria-live="polite" aria-atomic="false" aria-relevant="additions text">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.kind}`} data-testid="toast" data-kind={toast.kind}>
          {toast.badge && (
            <span className={`toast__badge${/^[-−]/.test(toast.badge) ? ' toast__badge--negative' : ''}`}>{toast.badge}</span>
          )}
          <div className="toast__body">
            {toast.title && <strong className="toast__title">{toast.title}</strong>}
            <span className="toast__text">{toast.text}</span>
          </div>
          <button type="button" className="toast__close" aria-label={t.common.dismiss} onClick={() => onDismiss(toast.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider>');
  return api;
}
