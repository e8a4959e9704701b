import type { AuditEntry } from '@/contract/accounts';
import { useLocale } from '@/lib/use-locale';
import { useManageT } from '../hooks/use-manage-catalogue';
import { formatMoment } from '../lib/dates';

const outcomeBadge = {
  success: 'badge--good',
  failure: 'badge--bad',
  denied: 'badge--bad',
} as const;

/** The entries as a table. Every field is text React escapes: a crafted username stays text. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useManageT();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption id="audit-caption" className="visually-hidden">
          {t('audit.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.address')}</th>
            <th scope="col">{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <time dateTime={entry.at}>{formatMoment(entry.at, locale, { utc: true })}</time>
              </th>
              <td>{entry.actorName}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.target ?? '—'}</td>
              <td>
                <span className={`badge ${outcomeBadge[entry.outcome]}`}>
                  {t(`outcome.${entry.outcome}`)}
                </span>
              </td>
              <td>{entry.address}</td>
              <td className="audit-detail">
                {Object.entries(entry.detail)
                  .map(([key, value]) => `${key}: ${String(value)}`)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
