import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { mayPropose } from '@/contract/review-rules';
import type { Revision } from '@/contract/revisions';
import { ErrorPanel } from '@/components/ui/error-panel';
import { LangLink, useLangPath } from '@/components/ui/lang-link';
import { Skeleton } from '@/components/ui/skeleton';
import {
  useFigures,
  useProgrammes,
  useRegion,
  useSources,
} from '@/features/manage/api/get-catalogue';
import { useRevision } from '@/features/manage/api/get-revisions';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { ProposalForm } from '@/features/manage/components/proposal-form';
import { RevisionFacts } from '@/features/manage/components/revision-facts';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useAccount } from '@/features/manage/hooks/use-account';
import { useReviewT } from '@/features/manage/hooks/use-manage-catalogue';
import {
  draftForCorrection,
  draftFromRevision,
  emptyDraft,
} from '@/features/manage/lib/proposal-draft';
import type { ProposalsNotice } from './manage-proposals';

function ProposalPage({ id, corrects }: { id: string | null; corrects: string | null }) {
  const { t } = useReviewT();
  const account = useAccount();
  const navigate = useNavigate();
  const location = useLocation();
  const justSaved = (location.state as ProposalsNotice | null)?.notice === 'saved';
  const withLang = useLangPath();
  const saved = useRevision(id);
  const corrected = useRevision(id === null ? corrects : null);
  const figures = useFigures();
  const programmes = useProgrammes();
  const sources = useSources();
  const region = useRegion();
  const loads = [saved, corrected, figures, programmes, sources, region];
  const failed = loads.find((query) => query.isError);
  const title =
    id !== null ? t('form.editTitle') : corrects ? t('form.correctTitle') : t('form.newTitle');
  const header = (
    <header className="page-header">
      <p className="breadcrumb">
        <LangLink to="/manage/proposals">{t('form.back')}</LangLink>
      </p>
      <StepHeading>{title}</StepHeading>
      <p className="page-header__lead">{corrects ? t('form.correctLead') : t('form.lead')}</p>
    </header>
  );
  if (failed) {
    return (
      <>
        {header}
        <ErrorPanel
          error={failed.error}
          onRetry={() => loads.forEach((query) => void query.refetch())}
        />
      </>
    );
  }
  if (
    (id !== null && !saved.data) ||
    (id === null && corrects !== null && !corrected.data) ||
    !figures.data ||
    !programmes.data ||
    !sources.data ||
    !region.data
  ) {
    return (
      <>
        {header}
        <Skeleton height="30rem" />
      </>
    );
  }
  if (saved.data && !saved.data.may.edit) {
    return (
      <>
        {header}
        <p className="notice">{t('form.notEditable')}</p>
        <section className="card">
          <RevisionFacts revision={saved.data} />
        </section>
      </>
    );
  }
  const initial = saved.data
    ? draftFromRevision(saved.data)
    : corrected.data
      ? draftForCorrection(corrected.data)
      : emptyDraft();
  const toList = (notice: ProposalsNotice['notice']) =>
    void navigate(withLang('/manage/proposals'), { state: { notice } satisfies ProposalsNotice });
  return (
    <>
      {header}
      <ProposalForm
        key={saved.data?.id ?? 'new'}
        initial={initial}
        revision={saved.data ?? null}
        catalogue={{
          figures: figures.data,
          programmes: programmes.data,
          sources: sources.data,
          districts: region.data.districts,
        }}
        mayCreateFigure={mayPropose(account, account.regionId, true)}
        mayUseExisting={mayPropose(account, account.regionId)}
        savedNotice={justSaved}
        onSaved={(revision: Revision) => {
          // A new draft gets its own address, so a reload or a copied link opens it again.
          if (id === null) {
            void navigate(withLang(`/manage/proposals/${encodeURIComponent(revision.id)}`), {
              replace: true,
              state: { notice: 'saved' } satisfies ProposalsNotice,
            });
          }
        }}
        onSubmitted={() => toList('submitted')}
      />
    </>
  );
}

/** A new proposal, a correction of a published revision, or a saved draft to edit and submit. */
export default function ManageProposalRoute() {
  const { t } = useReviewT();
  const { id } = useParams();
  const [params] = useSearchParams();
  return (
    <NeedsPermission
      permission={['propose', 'manage_accounts']}
      title={t('needs.proposalsTitle')}
      text={t('needs.proposals')}
    >
      <ProposalPage id={id ?? null} corrects={id ? null : params.get('corrects')} />
    </NeedsPermission>
  );
}
