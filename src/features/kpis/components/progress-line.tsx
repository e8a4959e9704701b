import { useTranslation } from '@/lib/i18n-react';
import { SampleBadge } from '@/components/ui/badge';

interface Props {
  text: string;
  share: number;
  label: string;
  target?: { value: number; sample: boolean } | null;
  formatTarget?: (value: number) => string;
}

/** A sentence and a bar for "x of y": the sentence carries the meaning, the bar the shape. */
export function ProgressLine({ text, share, label, target, formatTarget }: Props) {
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
  return (
    <div className="progress">
      <p className="progress__text">{text}</p>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {target && formatTarget ? (
        <TargetLine value={formatTarget(target.value)} sample={target.sample} />
      ) : null}
    </div>
  );
}

/** A goal to measure against; the hearing gives none, so every target so far is sample data. */
export function TargetLine({ value, sample }: { value: string; sample: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="kpi-card__target">
      {t('kpi.target', { value })} {sample ? <SampleBadge /> : null}
    </p>
  );
}
