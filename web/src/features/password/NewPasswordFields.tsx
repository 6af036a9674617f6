import { useId } from 'react';
import { useI18n } from '../../i18n';

/** The new password, typed twice, with the rules beside it: shared by "change password" and the reset page. */
export function NewPasswordFields({
  next,
  repeat,
  onNext,
  onRepeat,
}: {
  next: string;
  repeat: string;
  onNext: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  const { t } = useI18n();
  const nextId = useId();
  const repeatId = useId();
  const rulesId = useId();
  return (
    <>
      <label htmlFor={nextId}>{t.password.next}</label>
      <input
        id={nextId}
        type="password"
        value={next}
        onChange={(e) => onNext(e.target.value)}
        autoComplete="new-password"
        minLength={12}
        maxLength={1024}
        aria-describedby={rulesId}
        required
      />
      <label htmlFor={repeatId}>{t.password.repeat}</label>
      <input
        id={repeatId}
        type="password"
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        autoComplete="new-password"
        maxLength={1024}
        required
      />
      <p className="small muted" id={rulesId}>
        {t.password.rules}
      </p>
    </>
  );
}
