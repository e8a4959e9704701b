import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { Batch } from '@/contract/revisions';
import { LangLink } from '@/components/ui/lang-link';
import { usePreviewBatch, useSubmitBatch } from '@/features/manage/api/batches';
import { BatchPreviewTable } from '@/features/manage/components/batch-preview-table';
import { FieldShell, TextAreaField } from '@/features/manage/components/form-controls';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { ReviewError } from '@/features/manage/components/review-error';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useReviewT } from '@/features/manage/hooks/use-manage-catalogue';

const EXAMPLE = 'metric,value,asOf,period,district,source,reporter,verification,sample';

function Submitted({ batch }: { batch: Batch }) {
  const { t } = useReviewT();
  return (
    <div className="otp-panel" role="status">
      <p>{t('batches.submitted', { count: batch.revisions.length })}</p>
      <p>
        <LangLink to={`/manage/batches/${encodeURIComponent(batch.id)}`}>
          {t('batches.open')}
        </LangLink>
      </p>
    </div>
  );
}

function BatchesPage() {
  const { t } = useReviewT();
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState('');
  const preview = usePreviewBatch();
  const submit = useSubmitBatch();
  const input = { csv, note: note.trim() === '' ? null : note.trim() };
  const checked = preview.data && preview.variables?.csv === csv ? preview.data : null;
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    submit.reset();
    preview.reset();
  };
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    submit.reset();
    if (csv.trim() !== '') preview.mutate(input);
  };
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('batches.title')}</StepHeading>
        <p className="page-header__lead">{t('batches.lead')}</p>
      </header>
      <form className="card manage-form manage-section batch-file" onSubmit={onPreview} noValidate>
        <FieldShell label={t('batches.file')} hint={t('batches.fileHint')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => void readFile(e)}
            />
          )}
        </FieldShell>
        <TextAreaField
          label={t('batches.text')}
          hint={t('batches.textHint', { header: EXAMPLE })}
          value={csv}
          onChange={setCsv}
        />
        <TextAreaField label={t('batches.note')} value={note} onChange={setNote} />
        <div className="manage-actions">
          <button
            type="submit"
            className="button button--quiet"
            disabled={preview.isPending || csv.trim() === ''}
          >
            {t('batches.check')}
          </button>
        </div>
        <ReviewError error={preview.error} />
      </form>
      {checked ? (
        <section className="card manage-section" aria-labelledby="batch-result">
          <h2 id="batch-result">
            {checked.valid
              ? t('batches.valid', { count: checked.rows.length })
              : t('batches.invalid', {
                  count: checked.rows.filter((row) => row.errors.length > 0).length,
                })}
          </h2>
          <BatchPreviewTable rows={checked.rows} />
          {checked.valid && !submit.isSuccess ? (
            <div className="manage-actions">
              <button
                type="button"
                className="button"
                disabled={submit.isPending}
                onClick={() => submit.mutate(input)}
              >
                {t('batches.submit', { count: checked.rows.length })}
              </button>
            </div>
          ) : null}
          <ReviewError error={submit.error} />
        </section>
      ) : null}
      {submit.data ? <Submitted batch={submit.data} /> : null}
    </>
  );
}

/** Editors: a CSV in the import format, every row checked against the current values, submitted. */
export default function ManageBatchesRoute() {
  const { t } = useReviewT();
  return (
    <NeedsPermission
      permission="propose"
      title={t('needs.proposalsTitle')}
      text={t('needs.proposals')}
    >
      <BatchesPage />
    </NeedsPermission>
  );
}
