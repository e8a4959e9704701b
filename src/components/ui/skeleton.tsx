import { useTranslation } from '@/lib/i18n-react';

/**
 * Grey blocks of about the final size, so the layout does not jump when data arrives. `layout`
 * is the class of the grid the real content uses, so the blocks fall into the same columns.
 */
export function Skeleton({
  height,
  count = 1,
  layout,
}: {
  height: string;
  count?: number;
  layout?: string;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={layout ? `skeleton-group ${layout}` : 'skeleton-group'}
      role="status"
      aria-live="polite"
    >
      <span className="visually-hidden">{t('loading')}</span>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="skeleton" style={{ minHeight: height }} aria-hidden="true" />
      ))}
    </div>
  );
}
