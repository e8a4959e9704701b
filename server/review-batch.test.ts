// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { endpoints, manageEndpoints } from '../src/contract/endpoints';
import type { Metric } from '../src/contract/metrics';
import type { Batch, BatchPreview } from '../src/contract/revisions';
import { json, type ReviewTestServer, startReviewServer } from './review-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

/*
 * Bulk proposals from a CSV in the import format, on both databases: a preview names every
 * row's change and error, a batch with one bad row submits nothing, a good one is submitted (never
 * published) and a reviewer approves it as a whole.
 */
announceSkippedBackends('server/review-batch.test.ts');

const GOOD = [
  'metric,value,asOf,period,district',
  'public-receptions,160,2025,,',
  'project-office-okrugs,30,,,aral',
].join('\n');
const BAD = [
  'metric,value,asOf,period,district',
  'public-receptions,160,2025,,',
  'no-such-figure,1,,,',
  'project-office-okrugs,many,,,',
].join('\n');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`batches on ${backend}`, () => {
    let kit: ReviewTestServer;
    beforeAll(async () => {
      kit = await startReviewServer(backend);
      await kit.as('ed', ['editor']);
      await kit.as('rev', ['reviewer']);
      await kit.as('both', ['editor', 'reviewer']);
    });
    afterAll(() => kit?.stop());

    const revisionCount = async () =>
      Number(
        (
          await kit.server.db
            .selectFrom('revisions')
            .select(({ fn }) => fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const figure = async (id: string) => {
      const metrics = await json<Metric[]>(await fetch(`${kit.server.url}${endpoints.metrics}`));
      return metrics.find((m) => m.id === id) as Metric;
    };

    test('a preview shows each row against the current value and names each error by line and field', async () => {
      const before = await revisionCount();
      const preview = await json<BatchPreview>(
        await kit.browser('ed').post(manageEndpoints.batchPreview, { csv: BAD }),
      );
      expect(preview.valid).toBe(false);
      expect(preview.rows[0]).toMatchObject({
        line: 2,
        metricId: 'public-receptions',
        target: 'headline 2025',
        current: (await figure('public-receptions')).value,
        proposed: 160,
        errors: [],
      });
      expect(preview.rows[1]).toMatchObject({
        line: 3,
        errors: [{ field: 'metric', message: expect.stringMatching(/no figure/) }],
      });
      expect(preview.rows[2]).toMatchObject({
        line: 4,
        errors: [{ field: 'value', message: expect.stringMatching(/number/) }],
      });
      expect(await revisionCount()).toBe(before);
    });

    test('a batch with one bad row submits nothing and names every error', async () => {
      const before = await revisionCount();
      const answer = await kit.browser('ed').post(manageEndpoints.batches, { csv: BAD });
      expect(answer.status).toBe(400);
      const { error } = await answer.json();
      expect(error.message).toMatch(/line 3, metric/);
      expect(error.message).toMatch(/line 4, value/);
      expect(await revisionCount()).toBe(before);
    });

    test('a good batch is submitted, never published, and a reviewer approves it as a whole', async () => {
      const before = await figure('public-receptions');
      const batch = await json<Batch>(
        await kit.browser('ed').post(manageEndpoints.batches, { csv: GOOD, note: 'Q1 report' }),
        201,
      );
      expect(batch.revisions.map((r) => r.status)).toEqual(['submitted', 'submitted']);
      expect(batch.mayApproveAll).toBe(false);
      expect((await figure('public-receptions')).value).toBe(before.value);

      const seen = await json<Batch>(await kit.browser('rev').get(manageEndpoints.batch(batch.id)));
      expect(seen).toMatchObject({ note: 'Q1 report', mayApproveAll: true });
      const approved = await json<Batch>(
        await kit.browser('rev').post(manageEndpoints.batchApprove(batch.id)),
      );
      expect(approved.revisions.map((r) => r.status)).toEqual(['published', 'published']);
      expect(await figure('public-receptions')).toMatchObject({ value: 160, asOf: '2025' });
      const aral = (await figure('project-office-okrugs')).breakdown.find(
        (e) => e.districtId === 'aral',
      );
      expect(aral).toEqual({ districtId: 'aral', value: 30, sample: false, derived: false });
      const again = await kit.browser('rev').post(manageEndpoints.batchApprove(batch.id));
      expect(again.status).toBe(409);
    });

    test('nobody approves their own batch', async () => {
      const batch = await json<Batch>(
        await kit.browser('both').post(manageEndpoints.batches, { csv: GOOD }),
        201,
      );
      expect(batch.mayApproveAll).toBe(false);
      const answer = await kit.browser('both').post(manageEndpoints.batchApprove(batch.id));
      expect(answer.status).toBe(403);
      const still = await json<Batch>(
        await kit.browser('rev').get(manageEndpoints.batch(batch.id)),
      );
      expect(still.revisions.every((r) => r.status === 'submitted')).toBe(true);
    });

    test('a batch larger than other management bodies is taken', async () => {
      const rows = Array.from({ length: 800 }, (_, i) => `public-receptions,${i},${1000 + i},,`);
      const csv = ['metric,value,asOf,period,district', ...rows].join('\n');
      expect(csv.length).toBeGreaterThan(16 * 1024);
      const preview = await json<BatchPreview>(
        await kit.browser('ed').post(manageEndpoints.batchPreview, { csv }),
      );
      expect(preview.rows).toHaveLength(800);
    });
  });
}
