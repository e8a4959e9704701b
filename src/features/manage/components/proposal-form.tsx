import { useRef, useState, type FormEvent } from 'react';
import type { Initiative } from '@/contract/initiatives';
import type { Metric } from '@/contract/metrics';
import type { District } from '@/contract/region';
import type { Revision } from '@/contract/revisions';
import type { Source } from '@/contract/sources';
import { ApiError } from '@/lib/api-client';
import { useRevisionAction, useSaveProposal } from '../api/revision-mutations';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { bodyFromDraft, kindOf, serverFieldErrors, type FieldErrors } from '../lib/proposal-body';
import type { ProposalDraft } from '../lib/proposal-draft';
import { EvidencePicker } from './evidence-picker';
import { TextAreaField, TextField } from './form-controls';
import { ProposalFigureFields } from './proposal-figure-fields';
import { ProposalSourceFields } from './proposal-source-fields';
import { ProposalValueFields } from './proposal-value-fields';
import { ReviewError } from './review-error';

export interface ProposalCatalogue {
  figures: readonly Metric[];
  programmes: readonly Initiative[];
  sources: readonly Source[];
  districts: readonly District[];
}

/**
 * The proposal form: saved as a draft, then submitted. Whatever the server refuses is shown
 * beside its field (or above the form), and the form keeps everything typed.
 */
export function ProposalForm({
  initial,
  revision,
  catalogue,
  mayCreateFigure,
  mayUseExisting,
  savedNotice,
  onSaved,
  onSubmitted,
}: {
  initial: ProposalDraft;
  /** The saved draft being edited; null for a new one. */
  revision: Revision | null;
  catalogue: ProposalCatalogue;
  mayCreateFigure: boolean;
  mayUseExisting: boolean;
  /** Say "draft saved" from the start (the page was opened by saving a new draft). */
  savedNotice: boolean;
  onSaved: (saved: Revision) => void;
  onSubmitted: (submitted: Revision) => void;
}) {
  const { t } = useReviewT();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [current, setCurrent] = useState(revision);
  const [savedOnce, setSavedOnce] = useState(savedNotice);
  const summary = useRef<HTMLDivElement>(null);
  const save = useSaveProposal();
  const submit = useRevisionAction();
  const update = (patch: Partial<ProposalDraft>) => setDraft((before) => ({ ...before, ...patch }));
  const error = (path: string) => {
    const problem = errors[path];
    return problem ? t(problem.key, { message: problem.message }) : undefined;
  };
  const correcting = draft.corrects !== null;

  const show = (found: FieldErrors, refused: unknown) => {
    setSavedOnce(false);
    setErrors(found);
    setFailure(refused);
    // After the state lands: the summary exists only then.
    requestAnimationFrame(() => summary.current?.focus());
  };

  const saveDraft = async (): Promise<Revision | null> => {
    const result = bodyFromDraft(draft, catalogue.figures);
    if ('errors' in result) {
      show(result.errors, null);
      return null;
    }
    try {
      const saved = await save.mutateAsync({
        id: current?.id ?? null,
        body: result.body,
        version: current?.version ?? null,
      });
      setErrors({});
      setFailure(null);
      setCurrent(saved);
      setSavedOnce(true);
      return saved;
    } catch (refused) {
      const split =
        refused instanceof ApiError && refused.status === 400
          ? serverFieldErrors(refused.message)
          : { fields: {}, rest: [] };
      const named = Object.keys(split.fields).length > 0 && split.rest.length === 0;
      show(split.fields, named ? null : refused);
      return null;
    }
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await saveDraft();
    if (saved) onSaved(saved);
  };
  const onSubmit = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    try {
      onSubmitted(
        await submit.mutateAsync({ id: saved.id, action: 'submit', version: saved.version }),
      );
    } catch (refused) {
      show({}, refused);
    }
  };

  const count = Object.keys(errors).length;
  const pending = save.isPending || submit.isPending;
  return (
    <form className="manage-form proposal-form" onSubmit={(event) => void onSave(event)} noValidate>
      <div ref={summary} tabIndex={-1} className="proposal-form__summary">
        {count > 0 ? (
          <p className="manage-error" role="alert">
            {t('form.checkFields', { count })}
          </p>
        ) : null}
        <ReviewError error={failure} />
      </div>
      {current?.status === 'rejected' && current.rejectionReason ? (
        <div className="rejection" role="note">
          <p className="rejection__title">{t('proposals.rejectedBecause')}</p>
          <p>{current.rejectionReason}</p>
        </div>
      ) : null}
      <section className="card proposal-form__section" aria-labelledby="proposal-what">
        <h2 id="proposal-what">{t('form.what')}</h2>
        <ProposalFigureFields
          draft={draft}
          update={update}
          error={error}
          figures={catalogue.figures}
          programmes={catalogue.programmes}
          mayCreate={mayCreateFigure && !correcting}
          mayUseExisting={mayUseExisting || correcting}
          fixed={correcting}
        />
        <ProposalValueFields
          draft={draft}
          update={update}
          error={error}
          kind={kindOf(draft, catalogue.figures)}
          districts={catalogue.districts}
          fixedDistrict={correcting}
        />
      </section>
      <section className="card proposal-form__section" aria-labelledby="proposal-where">
        <h2 id="proposal-where">{t('form.where')}</h2>
        <ProposalSourceFields
          draft={draft}
          update={update}
          error={error}
          sources={catalogue.sources}
        />
        <TextField
          label={t('form.statedBy')}
          hint={t('form.statedByHint')}
          value={draft.statedBy}
          maxLength={200}
          required
          error={error('statedBy')}
          onChange={(statedBy) => update({ statedBy })}
        />
        <EvidencePicker files={draft.evidence} onChange={(evidence) => update({ evidence })} />
        {error('evidenceIds') ? <p className="field__error">{error('evidenceIds')}</p> : null}
      </section>
      <section className="card proposal-form__section" aria-labelledby="proposal-why">
        <h2 id="proposal-why">{t('form.forReviewer')}</h2>
        {correcting ? (
          <TextAreaField
            label={t('form.correctionReason')}
            hint={t('form.correctionReasonHint')}
            value={draft.correctionReason}
            required
            error={error('correctionReason')}
            onChange={(correctionReason) => update({ correctionReason })}
          />
        ) : null}
        <TextAreaField
          label={t('form.note')}
          hint={t('form.noteHint')}
          value={draft.note}
          error={error('note')}
          onChange={(note) => update({ note })}
        />
      </section>
      <div className="manage-actions">
        <button type="submit" className="button button--quiet" disabled={pending}>
          {t('actions.saveDraft')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => void onSubmit()}>
          {t('actions.submit')}
        </button>
        <p role="status" className="muted">
          {pending ? t('form.saving') : savedOnce ? t('form.saved') : ''}
        </p>
      </div>
    </form>
  );
}
