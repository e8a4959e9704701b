import { useEffect, useState } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Metric } from '@/contract/metrics';
import type { CheckResult } from '@/transparency/log-checker';

/** After the first paint and when the browser is idle: verification never delays a page. */
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}

export type LogCheckState =
  { status: 'checking'; index: number } | (CheckResult & { index: number });

/**
 * The figure's check against the public log: null when it names no log entry (or the check's
 * module has not loaded yet), otherwise its state. The module is imported only here, lazily.
 */
export function useLogCheck(metric: Metric): LogCheckState | null {
  const { i18n } = useTranslation();
  const [state, setState] = useState<LogCheckState | null>(null);
  const index = metric.logIndex;
  useEffect(() => {
    if (index === null) return;
    let live = true;
    const cancel = whenIdle(() => {
      void import('../check/run-check')
        .then(async (module) => {
          module.addCatalogues(i18n);
          if (live) setState({ status: 'checking', index });
          const result = await module.checkMetric(metric);
          if (live) setState({ ...result, index });
        })
        .catch(() => {
          // The module itself could not load (offline, say): the card just shows no mark.
        });
    });
    return () => {
      live = false;
      cancel();
    };
    // The figure's shown fields and its index decide the check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, metric.id, metric.value, metric.total, metric.asOf, metric.sourceId, i18n]);
  // A state left from another entry (the figure changed) is not this one's.
  return index !== null && state?.index === index ? state : null;
}
