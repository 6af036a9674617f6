import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';
import { errorMessages } from './FeedbackCard';

interface Props {
  /** The history entry whose author is thanked (the server finds them; the reader may not know who it is). */
  eventId: Id;
  receiverName: string;
  feedbackId: Id;
  thanked: boolean;
}

/** Thanks a colleague for their work on this item (a kudos): an optional short message, then send. */
export function ThankButton({ eventId, receiverName, feedbackId, thanked: initiallyThanked }: Props) {
  const t = useT();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [sending, setSending] = useState(false);
  const [thanked, setThanked] = useState(initiallyThanked);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  if (thanked) {
    return (
      <span className="badge badge--positive" data-testid="thanked">
        {t.kudos.thanked}
      </span>
    );
  }

  if (!open) {
    return (
      <button
        type="button"
        className="btn btn--small btn--ghost"
        aria-label={t.kudos.thankWho(receiverName)}
        onClick={() => setOpen(true)}
        data-testid="thank-button"
      >
        {t.kudos.thank}
      </button>
    );
  }

  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await api.giveKudos(eventId, feedbackId, message.trim() || undefined);
      setThanked(true);
      toast.push({ kind: 'success', text: t.kudos.sent(receiverName) });
    } catch (err) {
      setError(errorMessages(err, t).join(' '));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="thank-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={inputId}>{t.kudos.message}</label>
      <input id={inputId} maxLength={300} value={message} onChange={(e) => setMessage(e.target.value)} />
      <button type="submit" className="btn btn--small btn--primary" disabled={sending}>
        {t.kudos.send}
      </button>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setOpen(false)}>
        {t.common.cancel}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
