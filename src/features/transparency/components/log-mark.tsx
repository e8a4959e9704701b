import { useTranslation } from '@/lib/i18n-react';
import type { Metric } from '@/contract/metrics';
import { LangLink } from '@/components/ui/lang-link';
import { useLogCheck } from '../hooks/use-log-check';

/**
 * A figure card's line about the public log: its entry's index and, once checked in the
 * background, a quiet mark or a clear warning. Nothing at all until the check's module loads
 * (so the first paint never waits), and nothing for a figure with no log entry.
 */
export function LogMark({ metric, linked }: { metric: Metric; linked: boolean }) {
  const { t } = useTranslation('transparency');
  const state = useLogCheck(metric);
  if (state === null || state.status === 'no-log') return null;
  const entry = t('transparency.card.entry', { index: String(state.index) });
  const more = linked ? (
    <>
      {' · '}
      <LangLink to="/transparency">{t('transparency.card.more')}</LangLink>
    </>
  ) : null;
  if (state.status === 'warning') {
    const fields = state.fields.map((field) => t(`transparency.card.fields.${field}`)).join(', ');
    return (
      <div className="log-mark log-mark--warning" role="alert">
        <p>
          <strong>{t(`transparency.card.warning.${state.problem}`, { fields })}</strong>
        </p>
        <p>
          {t('transparency.card.label')}: {entry}
          {more}
        </p>
      </div>
    );
  }
  const status =
    state.status === 'checked'
      ? t('transparency.card.checked')
      : state.status === 'checking'
        ? t('transparency.card.checking')
        : t('transparency.card.unavailable');
  return (
    <p className={`log-mark log-mark--${state.status}`}>
      {t('transparency.card.label')}: {entry} ·{' '}
      <span className="log-mark__status">
        {state.status === 'checked' ? <span aria-hidden="true">✓ </span> : null}
        {status}
      </span>
      {more}
    </p>
  );
}
