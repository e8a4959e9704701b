import { useTranslation } from 'react-i18next';

/** A grey block of the final size, so the layout does not jump when data arrives. */
export function Skeleton({ height, count = 1 }: { height: string; count?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-group" role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="skeleton" style={{ minHeight: height }} aria-hidden="true" />
      ))}
    </div>
  );
}
