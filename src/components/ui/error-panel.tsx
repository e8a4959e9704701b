import { useTranslation } from '@/lib/i18n-react';
import { ApiError } from '@/lib/api-client';

/** Says in plain words what failed, names the endpoint, and offers a retry. Never a stack trace. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message = t('error.unknown');
  if (error instanceof ApiError) {
    const values = { endpoint: error.endpoint, status: error.status ?? '' };
    message = t(`error.${error.kind}`, values);
  }
  return (
    <div className="error-panel" role="alert">
      <p className="error-panel__title">{t('error.title')}</p>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
