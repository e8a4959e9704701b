import type { I18n } from '@/lib/translator';
import { env } from '@/config/env';
import type { Metric } from '@/contract/metrics';
import en from '@/locales/en/transparency.json';
import kk from '@/locales/kk/transparency.json';
import ru from '@/locales/ru/transparency.json';
import {
  type CheckResult,
  createLogChecker,
  type LogChecker,
  STATE_STORAGE,
} from '@/transparency/log-checker';

/*
 * Loaded lazily, after the first paint (see use-log-check.ts): the Merkle, signature and entry
 * code and the words of the check never travel in the entry chunk.
 */

/** A kiosk runs for days: after this long the checker starts over and sees the newer log. */
const FRESH_FOR_MS = 5 * 60_000;

let current: { checker: LogChecker; since: number } | null = null;

function checker(now: number): LogChecker {
  if (current === null || now - current.since > FRESH_FOR_MS) {
    current = {
      since: now,
      checker: createLogChecker({
        base: env.VITE_API_URL ?? '',
        fetch: (url) => fetch(url, { credentials: 'omit' }),
        storage: window.localStorage,
        configuredKey: env.VITE_LOG_KEY ?? null,
      }),
    };
  }
  return current.checker;
}

/** Starts over on the next check (tests; a page that knows the log moved on). */
export function forgetChecks(): void {
  current = null;
}

export const NAMESPACE = 'transparency';

/** Adds the check's words to the app's catalogues (once per language). */
export function addCatalogues(i18n: I18n): void {
  i18n.addBundles(NAMESPACE, { kk, ru, en });
}

export function checkMetric(metric: Metric): Promise<CheckResult> {
  return checker(Date.now()).checkFigure(
    {
      id: metric.id,
      value: metric.value,
      total: metric.total,
      unit: metric.unit,
      period: metric.asOf,
      district: metric.districtId,
      source: metric.sourceId,
    },
    metric.logIndex,
  );
}

/** The size of the last tree this browser checked, or null when it has checked none. */
export function lastSeenSize(): number | null {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STATE_STORAGE) ?? 'null') as {
      size?: unknown;
    } | null;
    return typeof saved?.size === 'number' ? saved.size : null;
  } catch {
    return null;
  }
}
