import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n-react';

type Tone = 'sample' | 'derived' | 'neutral' | 'good' | 'bad';

export function Badge({
  tone,
  children,
  title,
}: {
  tone: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

/** Shown wherever a figure invented for demonstration appears. */
export function SampleBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="sample" title={t('badge.sampleHint')}>
      {t('badge.sample')}
    </Badge>
  );
}

export function DerivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge tone="derived" title={t('badge.derivedHint')}>
      {t('badge.derived')}
    </Badge>
  );
}
