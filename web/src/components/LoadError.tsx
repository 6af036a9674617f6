import { useT } from '../i18n';
import { errorMessages } from '../features/inbox/FeedbackCard';

/** The one way a page says that loading failed: what went wrong and a retry button. */
export function LoadError({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="form-error" role="alert">
      <p>
        {what} {errorMessages(error, t).join(' ')}
      </p>
      <button type="button" className="btn btn--small" onClick={onRetry}>
        {t.common.retry}
      </button>
    </div>
  );
}
