import type { BatchRow } from '@/contract/revisions';
import { formatChange, formatNumber } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useCatalogueLookup } from '../hooks/use-catalogue-lookup';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { changeBetween, parseTarget } from '../lib/revision-change';

/** Every row of the file: what it changes, the value now and proposed, and its problems. */
export function BatchPreviewTable({ rows }: { rows: readonly BatchRow[] }) {
  const { t } = useReviewT();
  const locale = useLocale();
  const lookup = useCatalogueLookup();
  const number = (value: number | null) => (value === null ? '—' : formatNumber(value, locale));
  const signed = (value: number) =>
    `${value > 0 ? '+' : value < 0 ? '\u2212' : ''}${formatNumber(Math.abs(value), locale)}`;
  const targetText = (target: string) => {
    const parsed = parseTarget(target);
    if (parsed === null) return target || '—';
    if (parsed.kind === 'headline') return t('batches.targetHeadline');
    if (parsed.kind === 'period') return t('batches.targetPeriod', { period: parsed.id });
    return lookup.districtName(parsed.id);
  };
  return (
    // A focusable region, so a keyboard can scroll a wide table on a phone.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region (axe)
    <div className="table-scroll" role="region" aria-labelledby="batch-caption" tabIndex={0}>
      <table className="data-table batch-table">
        <caption id="batch-caption">{t('batches.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('batches.line')}</th>
            <th scope="col">{t('form.figure')}</th>
            <th scope="col">{t('batches.target')}</th>
            <th scope="col">{t('review.publishedNow')}</th>
            <th scope="col">{t('review.proposed')}</th>
            <th scope="col">{t('review.change')}</th>
            <th scope="col">{t('batches.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const change = changeBetween(row.current, row.proposed);
            return (
              <tr key={row.line} className={row.errors.length > 0 ? 'batch-table__bad' : undefined}>
                <th scope="row">{row.line}</th>
                <td>
                  {row.metricId
                    ? lookup.figureLabel({ metricId: row.metricId, newMetric: null })
                    : '—'}
                </td>
                <td>{targetText(row.target)}</td>
                <td>{number(row.current)}</td>
                <td>{number(row.proposed)}</td>
                <td>
                  {change === null
                    ? '—'
                    : change.percent === null
                      ? signed(change.absolute)
                      : `${signed(change.absolute)} (${formatChange(change.percent, locale)})`}
                </td>
                <td>
                  {row.errors.length === 0 ? (
                    t('batches.ok')
                  ) : (
                    <ul className="batch-table__errors">
                      {row.errors.map((error) => (
                        <li key={`${error.field}:${error.message}`}>
                          <code>{error.field}</code>: {error.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
