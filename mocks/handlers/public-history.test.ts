import { expect, test } from 'vitest';
import { endpoints } from '@/contract/endpoints';
import { changePageSchema, metricHistorySchema, type Change } from '@/contract/revisions';
import { metrics } from '../fixtures/metrics';
import {
  hearingRevision,
  recordChange,
  resetPublicHistory,
  withPublishedValues,
} from './public-history';

const at = (path: string) => `http://localhost${path}`;
async function history(id: string, query = '') {
  const response = await fetch(at(`${endpoints.metricHistory(id)}${query}`));
  return { status: response.status, body: (await response.json()) as unknown };
}
async function changes(query = '') {
  const response = await fetch(at(`${endpoints.changes}${query}`));
  return changePageSchema.parse(await response.json());
}

const answers = metrics.find((metric) => metric.id === 'open-dialogue-answers');
if (!answers) throw new Error('fixture missing');
const approver = { id: 'u2', displayName: 'Reviewer', organisation: 'Akimat' };
const published: Change = {
  id: 'publication:rev-1',
  kind: 'publication',
  at: '2026-12-01T10:00:00.000Z',
  metricId: answers.id,
  initiativeId: answers.initiativeId,
  label: answers.label,
  revision: {
    ...hearingRevision(answers),
    id: 'rev-1',
    value: 152,
    period: '2025',
    approvedBy: approver,
  },
  by: approver,
  reason: null,
};

test('every figure starts with its hearing revision and one publication', async () => {
  const { status, body } = await history('services-automated');
  expect(status).toBe(200);
  const parsed = metricHistorySchema.parse(body);
  expect(parsed.total).toBe(1);
  expect(parsed.revisions[0]).toMatchObject({
    id: 'hearing-services-automated',
    value: 141,
    total: 173,
    statedBy: 'serik-akhmet',
    enteredBy: null,
    approvedBy: null,
  });
  const list = await changes('?pageSize=100');
  expect(list.total).toBe(metrics.length);
  expect(list.changes.every((change) => change.kind === 'publication')).toBe(true);
});

test('an unknown figure is a 404 and a bad page a 400', async () => {
  expect((await history('no-such-figure')).status).toBe(404);
  expect((await history('services-automated', '?page=0')).status).toBe(400);
});

test('a recorded publication becomes the newest revision; a verification updates it', async () => {
  recordChange(published);
  const verification = {
    state: 'verified' as const,
    by: approver,
    at: '2026-12-02T08:00:00.000Z',
    note: 'Checked',
    evidence: [],
  };
  recordChange({
    ...published,
    id: 'verification:rev-1:1',
    kind: 'verification',
    at: verification.at,
    revision: { ...published.revision, verification },
    reason: 'Checked',
  });
  const parsed = metricHistorySchema.parse((await history(answers.id)).body);
  expect(parsed.revisions.map((revision) => revision.id)).toEqual([
    'rev-1',
    'hearing-open-dialogue-answers',
  ]);
  expect(parsed.revisions[0]?.verification?.state).toBe('verified');

  const list = await changes(`?initiative=${answers.initiativeId}`);
  expect(list.changes.map((change) => change.kind)).toEqual([
    'verification',
    'publication',
    'publication',
  ]);
  const paged = await changes(`?initiative=${answers.initiativeId}&pageSize=1&page=2`);
  expect(paged.changes.map((change) => change.id)).toEqual(['publication:rev-1']);
  expect(paged.total).toBe(3);

  resetPublicHistory();
  expect(metricHistorySchema.parse((await history(answers.id)).body).total).toBe(1);
});

test('withPublishedValues gives the newest region-wide value as the headline', () => {
  expect(withPublishedValues(answers)).toEqual(answers);
  recordChange(published);
  expect(withPublishedValues(answers)).toMatchObject({ value: 152, asOf: '2025', sample: false });
});
