import type { FormEvent } from 'react';
import { auditOutcomes } from '@/contract/accounts';
import { useManageT } from '../hooks/use-manage-catalogue';
import { filtersFromForm, type AuditFilters } from '../lib/audit-filters';
import { Field } from './field';

/** Actor, action, outcome and a date range; applying them starts again from the newest entry. */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useManageT();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply(filtersFromForm(Object.fromEntries([...form].map(([k, v]) => [k, String(v)]))));
  };
  return (
    <form className="audit-filters" onSubmit={submit} aria-label={t('audit.filters')}>
      <Field
        label={t('audit.actor')}
        name="actor"
        defaultValue={filters.actor ?? ''}
        autoComplete="off"
      />
      <Field
        label={t('audit.action')}
        hint={t('audit.actionHint')}
        name="action"
        defaultValue={filters.action ?? ''}
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor="audit-outcome">{t('audit.outcome')}</label>
        <select id="audit-outcome" name="outcome" defaultValue={filters.outcome ?? ''}>
          <option value="">{t('audit.anyOutcome')}</option>
          {auditOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcome.${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <Field label={t('audit.from')} name="from" type="date" defaultValue={filters.from ?? ''} />
      <Field label={t('audit.to')} name="to" type="date" defaultValue={filters.to ?? ''} />
      <div className="manage-actions audit-filters__actions">
        <button type="submit" className="button">
          {t('audit.apply')}
        </button>
        <button type="reset" className="button button--quiet" onClick={() => onApply({})}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
