import type { Metric } from '../contract/metrics';
import type { MetricHistory, PublicRevision } from '../contract/revisions';
import type { LogEntry } from './entry';

/*
 * The monitor's second half: what the API serves against what the log says. Every published
 * revision the API shows with a log index must match that entry field by field; every revision
 * the log records must still be served; every figure's headline value must be its latest entry's
 * when that entry is for the same period. A value changed in the database, a revision removed or
 * a history rewritten is named here by figure, revision and entry. Pure apart from `fetch`.
 */
type Fetch = (url: string) => Promise<Response>;

const PUBLICATIONS = new Set<LogEntry['kind']>(['hearing', 'publication', 'correction']);

async function getJson<T>(fetcher: Fetch, url: string): Promise<T> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function fullHistory(fetcher: Fetch, base: string, id: string): Promise<PublicRevision[]> {
  const revisions: PublicRevision[] = [];
  for (let page = 1; ; page += 1) {
    const url = `${base}/api/v1/metrics/${encodeURIComponent(id)}/history?pageSize=500&page=${page}`;
    const history = await getJson<MetricHistory>(fetcher, url);
    revisions.push(...history.revisions);
    if (revisions.length >= history.total || history.revisions.length === 0) return revisions;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields where `revision` and its log entry differ. */
export function revisionMismatches(revision: PublicRevision, entry: LogEntry): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['figure', revision.metricId, entry.figure],
    ['revision', revision.id, entry.revision],
    ['value', revision.value, entry.value],
    ['total', revision.total, entry.total],
    ['period', revision.period, entry.period],
    ['district', revision.districtId, entry.district],
    ['source', revision.sourceId, entry.source],
    ['stated by', revision.statedBy, entry.statedBy],
    ['evidence', revision.evidence.map((e) => e.sha256), entry.evidence],
    ['entered by', revision.enteredBy?.id ?? null, entry.enteredBy?.id ?? null],
    ['approved by', revision.approvedBy?.id ?? null, entry.approvedBy?.id ?? null],
    ['corrects', revision.corrects, entry.corrects],
  ];
  return pairs
    .filter(([, api, log]) => !same(api, log))
    .map(
      ([field, api, log]) =>
        `${field} ${JSON.stringify(api)} in the API, ${JSON.stringify(log)} in the log`,
    );
}

/** Problems found comparing the API's figures and histories with the parsed log entries. */
export async function checkApiAgainstLog(
  fetcher: Fetch,
  base: string,
  entries: (LogEntry | null)[],
): Promise<string[]> {
  const problems: string[] = [];
  const metrics = await getJson<Metric[]>(fetcher, `${base}/api/v1/metrics`);
  const served = new Set<string>();
  for (const metric of metrics) {
    const history = await fullHistory(fetcher, base, metric.id);
    for (const revision of history) {
      served.add(revision.id);
      if (revision.logIndex === null) continue;
      const entry = entries[revision.logIndex];
      if (!entry || !PUBLICATIONS.has(entry.kind)) {
        problems.push(
          `revision ${revision.id} of ${metric.id} names log entry ${revision.logIndex}, which does not record it`,
        );
        continue;
      }
      for (const mismatch of revisionMismatches(revision, entry)) {
        problems.push(
          `revision ${revision.id} of ${metric.id} differs from log entry ${revision.logIndex}: ${mismatch}`,
        );
      }
    }
    if (metric.logIndex === null) continue;
    const latest = entries[metric.logIndex];
    if (!latest || latest.figure !== metric.id) {
      problems.push(
        `figure ${metric.id} names log entry ${metric.logIndex}, which is not about it`,
      );
    } else if (
      latest.district === null &&
      latest.period === metric.asOf &&
      latest.value !== metric.value
    ) {
      problems.push(
        `figure ${metric.id} shows ${metric.value}, but its latest log entry (${metric.logIndex}) says ${latest.value}`,
      );
    }
  }
  entries.forEach((entry, index) => {
    if (entry && PUBLICATIONS.has(entry.kind) && !served.has(entry.revision)) {
      problems.push(
        `log entry ${index} records revision ${entry.revision} of ${entry.figure}, which the API no longer serves`,
      );
    }
  });
  return problems;
}
