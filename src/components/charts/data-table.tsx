import { useTranslation } from '@/lib/i18n-react';
import type { ChartSpec } from './chart-types';

/** The chart's numbers as a table: the same rows, the same order. */
export function DataTable({
  spec,
  formatValue,
}: {
  spec: ChartSpec;
  formatValue: (value: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{spec.title}</caption>
        <thead>
          <tr>
            <th scope="col">{spec.categoryHeader}</th>
            <th scope="col" className="num">
              {spec.valueHeader}
            </th>
            <th scope="col">{t('chart.table.note')}</th>
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatValue(row.value)}</td>
              <td>{rowNote(row, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function rowNote(
  row: { sample: boolean; derived: boolean },
  t: (key: string) => string,
): string {
  if (row.sample) return t('badge.sample');
  if (row.derived) return t('badge.derived');
  return t('chart.table.reported');
}
