import { endpoints } from '@/contract/endpoints';
import type { Evidence } from '@/contract/revisions';
import { env } from '@/config/env';
import { useHistoryT } from '@/lib/history-catalogue';

const typeName: Record<Evidence['type'], string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** Each file with a download link, its type and size, and the SHA-256 to check it against. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  const t = useHistoryT();
  if (evidence.length === 0) return <span className="muted">{t('history.evidenceNone')}</span>;
  return (
    <ul className="evidence-list">
      {evidence.map((file) => (
        <li key={file.id}>
          <a
            href={`${env.VITE_API_URL ?? ''}${endpoints.evidenceFile(file.id)}`}
            download={file.name}
          >
            {t('history.evidenceDownload', { name: file.name })}
          </a>{' '}
          <span className="muted">
            (
            {t('history.evidenceSize', {
              type: typeName[file.type],
              size: Math.max(1, Math.round(file.size / 1024)),
            })}
            )
          </span>
          <br />
          <span className="evidence-list__hash">
            {t('history.sha256')}: <code>{file.sha256}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
