import type { District } from '@/contract/region';
import type { Metric } from '@/contract/metrics';
import { localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { FieldShell, TextField } from './form-controls';
import { LocalizedFields } from './localized-fields';
import type { ProposalPart } from './proposal-part';

/** The value (and total, or the status in words), what period it is for, and the district. */
export function ProposalValueFields({
  draft,
  update,
  error,
  kind,
  districts,
  fixedDistrict,
}: ProposalPart & {
  kind: Metric['kind'] | null;
  districts: readonly District[];
  fixedDistrict: boolean;
}) {
  const { t } = useReviewT();
  const locale = useLocale();
  return (
    <>
      {kind === 'status' ? (
        <LocalizedFields
          legend={t('form.statusText')}
          path="statusText"
          value={draft.statusText}
          error={error}
          onChange={(statusText) => update({ statusText })}
        />
      ) : (
        <TextField
          label={kind === 'change' ? t('form.valueChange') : t('form.value')}
          hint={t('form.valueHint')}
          inputMode="decimal"
          value={draft.value}
          required
          error={error('value')}
          onChange={(value) => update({ value })}
        />
      )}
      {kind === 'ratio' ? (
        <TextField
          label={t('form.total')}
          hint={t('form.totalHint')}
          inputMode="decimal"
          value={draft.total}
          required
          error={error('total')}
          onChange={(total) => update({ total })}
        />
      ) : null}
      <fieldset className="field">
        <legend>{t('form.period')}</legend>
        <p className="field__hint">{t('form.periodHint')}</p>
        {(['date', 'year'] as const).map((periodKind) => (
          <label key={periodKind} className="check">
            <input
              type="radio"
              name="periodKind"
              checked={draft.periodKind === periodKind}
              onChange={() => update({ periodKind, period: '' })}
            />
            <span className="check__text">{t(`form.periodKind.${periodKind}`)}</span>
          </label>
        ))}
        <TextField
          label={draft.periodKind === 'date' ? t('form.periodDate') : t('form.periodYear')}
          type={draft.periodKind === 'date' ? 'date' : 'text'}
          inputMode={draft.periodKind === 'year' ? 'numeric' : undefined}
          maxLength={draft.periodKind === 'year' ? 4 : undefined}
          value={draft.period}
          error={error('period')}
          onChange={(period) => update({ period })}
        />
      </fieldset>
      <FieldShell
        label={t('form.district')}
        hint={t('form.districtHint')}
        error={error('districtId')}
      >
        {(control) => (
          <select
            {...control}
            value={draft.districtId}
            disabled={fixedDistrict}
            onChange={(event) => update({ districtId: event.target.value })}
          >
            <option value="">{t('facts.wholeRegion')}</option>
            {districts.map((district) => (
              <option key={district.id} value={district.id}>
                {localize(district.name, locale)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
    </>
  );
}
