import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useEndOtherSessions } from '@/features/manage/api/end-other-sessions';
import { useSessions } from '@/features/manage/api/get-sessions';
import { ChangePasswordStep } from '@/features/manage/components/change-password-step';
import { FormError } from '@/features/manage/components/form-error';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useManageT } from '@/features/manage/hooks/use-manage-catalogue';
import { formatMoment } from '@/features/manage/lib/dates';
import { useLocale } from '@/lib/use-locale';

/**
 * The person's own sessions, a way to end all the others (a lost laptop, a shared PC), and a
 * new password (which ends the others too).
 */
export default function ManageSessionsRoute() {
  const { t } = useManageT();
  const locale = useLocale();
  const sessions = useSessions();
  const endOthers = useEndOtherSessions();
  const others = sessions.data?.sessions.filter((session) => !session.current).length ?? 0;
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('sessions.title')}</StepHeading>
        <p className="page-header__lead">{t('sessions.lead')}</p>
      </header>
      {sessions.isPending ? (
        <Skeleton height="12rem" />
      ) : sessions.isError ? (
        <ErrorPanel error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption id="sessions-caption" className="visually-hidden">
                {t('sessions.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.device')}</th>
                  <th scope="col">{t('sessions.created')}</th>
                  <th scope="col">{t('sessions.lastSeen')}</th>
                  <th scope="col">{t('sessions.expires')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.sessions.map((session) => (
                  <tr key={session.id}>
                    <th scope="row">
                      <span className="session-device">
                        {session.userAgent || t('sessions.unknownDevice')}
                      </span>
                      <span className="muted"> {session.address}</span>
                      {session.current ? (
                        <span className="badge badge--good">{t('sessions.current')}</span>
                      ) : null}
                    </th>
                    <td>{formatMoment(session.createdAt, locale)}</td>
                    <td>{formatMoment(session.lastSeenAt, locale)}</td>
                    <td>{formatMoment(session.expiresAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="manage-actions">
            <button
              type="button"
              className="button"
              disabled={others === 0 || endOthers.isPending}
              onClick={() => endOthers.mutate()}
            >
              {t('sessions.endOthers')}
            </button>
            <p role="status" className="muted">
              {endOthers.isSuccess
                ? t('sessions.ended')
                : others === 0
                  ? t('sessions.noOthers')
                  : ''}
            </p>
          </div>
          <FormError error={endOthers.error} />
        </>
      )}
      <ChangePasswordStep firstSignIn={false} />
    </>
  );
}
