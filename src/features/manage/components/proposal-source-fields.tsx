import { sourceKinds, type Source } from '@/contract/sources';
import { localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useReviewT } from '../hooks/use-manage-catalogue';
import type { ProposalDraft } from '../lib/proposal-draft';
import { FieldShell, TextField } from './form-controls';
import type { ProposalPart } from './proposal-part';

/** Where the figure comes from: a source in the catalogue, or a new one described here. */
export function ProposalSourceFields({
  draft,
  update,
  error,
  sources,
}: ProposalPart & { sources: readonly Source[] }) {
  const { t } = useReviewT();
  const locale = useLocale();
  const proposed = draft.newSource;
  const setNew = (patch: Partial<ProposalDraft['newSource']>) =>
    update({ newSource: { ...proposed, ...patch } });
  return (
    <fieldset className="field">
      <legend>{t('form.source')}</legend>
      {(['existing', 'new'] as const).map((mode) => (
        <label key={mode} className="check">
          <input
            type="radio"
            name="sourceMode"
            checked={draft.sourceMode === mode}
            onChange={() => update({ sourceMode: mode })}
          />
          <span className="check__text">{t(`form.sourceMode.${mode}`)}</span>
        </label>
      ))}
      {draft.sourceMode === 'existing' ? (
        <FieldShell label={t('form.sourceExisting')} error={error('sourceId')}>
          {(control) => (
            <select
              {...control}
              value={draft.sourceId}
              required
              onChange={(event) => update({ sourceId: event.target.value })}
            >
              <option value="">{t('form.chooseSourceOption')}</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {localize(source.title, locale)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      ) : (
        <>
          <TextField
            label={t('form.sourceTitle')}
            value={proposed.title}
            required
            error={error('newSource.title')}
            onChange={(title) => setNew({ title })}
          />
          <TextField
            label={t('form.sourcePublisher')}
            value={proposed.publisher}
            required
            error={error('newSource.publisher')}
            onChange={(publisher) => setNew({ publisher })}
          />
          <TextField
            label={t('form.sourceDate')}
            type="date"
            value={proposed.date}
            required
            error={error('newSource.date')}
            onChange={(date) => setNew({ date })}
          />
          <TextField
            label={t('form.sourceUrl')}
            hint={t('form.sourceUrlHint')}
            type="url"
            value={proposed.url}
            error={error('newSource.url')}
            onChange={(url) => setNew({ url })}
          />
          <FieldShell label={t('form.sourceKind')}>
            {(control) => (
              <select
                {...control}
                value={proposed.kind}
                onChange={(event) =>
                  setNew({ kind: event.target.value as ProposalDraft['newSource']['kind'] })
                }
              >
                {sourceKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`sourceKinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        </>
      )}
    </fieldset>
  );
}
