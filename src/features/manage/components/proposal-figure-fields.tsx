import type { Initiative } from '@/contract/initiatives';
import type { Metric } from '@/contract/metrics';
import { localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { NEW_FIGURE } from '../lib/proposal-draft';
import { FieldShell, TextField } from './form-controls';
import { LocalizedFields } from './localized-fields';
import type { ProposalPart } from './proposal-part';

const kinds: Metric['kind'][] = ['count', 'ratio', 'change', 'status'];

/** Which figure: one of the published ones, grouped by programme, or (admins) a new one. */
export function ProposalFigureFields({
  draft,
  update,
  error,
  figures,
  programmes,
  mayCreate,
  mayUseExisting,
  fixed,
}: ProposalPart & {
  figures: readonly Metric[];
  programmes: readonly Initiative[];
  mayCreate: boolean;
  /** Editors propose values of existing figures; an admin without the role only new ones. */
  mayUseExisting: boolean;
  /** A correction keeps the figure of the revision it corrects. */
  fixed: boolean;
}) {
  const { t } = useReviewT();
  const locale = useLocale();
  const groups = programmes
    .map((programme) => ({
      programme,
      figures: figures.filter((figure) => figure.initiativeId === programme.id),
    }))
    .filter((group) => mayUseExisting && group.figures.length > 0);
  const proposed = draft.newMetric;
  const setNew = (patch: Partial<typeof proposed>) =>
    update({ newMetric: { ...proposed, ...patch } });
  return (
    <>
      <FieldShell
        label={t('form.figure')}
        hint={fixed ? t('form.figureFixed') : undefined}
        error={error('figure')}
      >
        {(control) => (
          <select
            {...control}
            value={draft.figure}
            disabled={fixed}
            required
            onChange={(event) => update({ figure: event.target.value })}
          >
            <option value="">{t('form.chooseFigureOption')}</option>
            {groups.map(({ programme, figures: inGroup }) => (
              <optgroup key={programme.id} label={localize(programme.name, locale)}>
                {inGroup.map((figure) => (
                  <option key={figure.id} value={figure.id}>
                    {localize(figure.label, locale)}
                  </option>
                ))}
              </optgroup>
            ))}
            {mayCreate ? <option value={NEW_FIGURE}>{t('form.newFigureOption')}</option> : null}
          </select>
        )}
      </FieldShell>
      {draft.figure === NEW_FIGURE ? (
        <fieldset className="field proposal-new-figure">
          <legend>{t('form.newFigure')}</legend>
          <FieldShell label={t('form.programme')} error={error('newMetric.initiativeId')}>
            {(control) => (
              <select
                {...control}
                value={proposed.initiativeId}
                required
                onChange={(event) => setNew({ initiativeId: event.target.value })}
              >
                <option value="">{t('form.chooseProgrammeOption')}</option>
                {programmes.map((programme) => (
                  <option key={programme.id} value={programme.id}>
                    {localize(programme.name, locale)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <TextField
            label={t('form.figureId')}
            hint={t('form.figureIdHint')}
            value={proposed.id}
            autoCapitalize="none"
            spellCheck={false}
            required
            error={error('newMetric.id')}
            onChange={(id) => setNew({ id })}
          />
          <FieldShell label={t('form.kind')}>
            {(control) => (
              <select
                {...control}
                value={proposed.kind}
                onChange={(event) => setNew({ kind: event.target.value as Metric['kind'] })}
              >
                {kinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <LocalizedFields
            legend={t('form.label')}
            path="newMetric.label"
            value={proposed.label}
            error={error}
            onChange={(label) => setNew({ label })}
          />
          <LocalizedFields
            legend={t('form.description')}
            path="newMetric.description"
            value={proposed.description}
            error={error}
            onChange={(description) => setNew({ description })}
          />
          <LocalizedFields
            legend={t('form.unit')}
            path="newMetric.unit"
            value={proposed.unit}
            required={false}
            error={error}
            onChange={(unit) => setNew({ unit })}
          />
        </fieldset>
      ) : null}
    </>
  );
}
