import { useState, type FormEvent, type ReactNode } from 'react';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { TextAreaField } from './form-controls';

/**
 * A short form asking why (a rejection, a withdrawal) or what was checked (a verification): the
 * text is required, and it stays as typed if the server refuses.
 */
export function ReasonForm({
  title,
  label,
  hint,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  label: string;
  hint?: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useReviewT();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = text.trim() === '';
    setMissing(empty);
    if (!empty) onSubmit(text.trim());
  };
  return (
    <form className="manage-form reason-form" onSubmit={submit} noValidate aria-label={title}>
      <TextAreaField
        label={label}
        hint={hint}
        value={text}
        onChange={setText}
        required
        error={missing ? t('form.reasonRequired') : undefined}
      />
      {children}
      <div className="manage-actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
