import type { Evidence } from '@/contract/revisions';
import { formatNumber } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { sizeParts } from '../lib/evidence-file';

const sizeKey = { b: 'evidence.sizeB', kb: 'evidence.sizeKb', mb: 'evidence.sizeMb' } as const;

export function useFileSize() {
  const { t } = useReviewT();
  const locale = useLocale();
  return (bytes: number) => {
    const { unit, value } = sizeParts(bytes);
    return t(sizeKey[unit], { value: formatNumber(value, locale) });
  };
}

/** Evidence files with name, size and SHA-256; with `onRemove`, each can be taken off. */
export function EvidenceList({
  files,
  onRemove,
}: {
  files: readonly Evidence[];
  onRemove?: (id: string) => void;
}) {
  const { t } = useReviewT();
  const size = useFileSize();
  if (files.length === 0) return null;
  return (
    <ul className="evidence-list">
      {files.map((file) => (
        <li key={file.id} className="evidence-list__item">
          <span className="evidence-list__name">{file.name}</span>{' '}
          <span className="muted">({size(file.size)})</span>
          <span className="evidence-list__hash">
            <span className="muted">{t('evidence.sha256')} </span>
            <code>{file.sha256}</code>
          </span>
          {onRemove ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => onRemove(file.id)}
            >
              {t('evidence.remove', { name: file.name })}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
