// @vitest-environment node
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manageEndpoints } from '../src/contract/endpoints';
import type { Revision } from '../src/contract/revisions';
import { json, type ReviewTestServer, startReviewServer } from './review-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';
import { runVerifyLog } from './verify-log-cli';

/*
 * Tampering behind the API's back, on both databases: the monitor (npm run verify-log) checks
 * every figure and revision the API serves against the log and names what was changed.
 */
announceSkippedBackends('server/verify-log-api.test.ts');

const FIGURE = 'public-receptions';

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`verify-log against the API on ${backend}`, () => {
    let kit: ReviewTestServer;
    let published: Revision;
    let key: string;

    const monitor = async () => {
      const lines: string[] = [];
      const code = await runVerifyLog([kit.server.url, '--key', key], (line) => lines.push(line));
      return { code, output: lines.join('\n') };
    };
    const unfreeze = () =>
      sql
        .raw(
          backend === 'sqlite'
            ? 'DROP TRIGGER revisions_published_frozen'
            : 'DROP TRIGGER revisions_guard ON revisions',
        )
        .execute(kit.server.db);

    beforeAll(async () => {
      kit = await startReviewServer(backend);
      const editor = (await kit.as('ed', ['editor'])).browser;
      const reviewer = (await kit.as('rev', ['reviewer'])).browser;
      const draft = await json<Revision>(
        await editor.post(manageEndpoints.revisions, {
          metricId: FIGURE,
          value: 152,
          period: '2025',
          sourceId: 'syr-boyy-hearing',
          statedBy: 'Regional finance office',
        }),
        201,
      );
      kit.server.clock.advance(1000);
      const sent = await json<Revision>(
        await editor.post(manageEndpoints.revisionAction(draft.id, 'submit'), { version: 1 }),
      );
      kit.server.clock.advance(1000);
      published = await json<Revision>(
        await reviewer.post(manageEndpoints.revisionAction(draft.id, 'approve'), {
          version: sent.version,
        }),
      );
      key = (await (await fetch(`${kit.server.url}/log/key`)).text()).trim();
    });
    afterAll(() => kit?.stop());

    test('untouched, every revision the API serves matches its entry', async () => {
      const { code, output } = await monitor();
      expect(output).toMatch(/every revision the API serves matches its entry/);
      expect(code).toBe(0);
    });

    test("a figure's value changed in the database is named", async () => {
      await kit.server.db
        .updateTable('metrics')
        .set({ value: 999 })
        .where('id', '=', FIGURE)
        .execute();
      kit.server.invalidate();
      const { code, output } = await monitor();
      expect(code).toBe(1);
      expect(output).toContain(`figure ${FIGURE} shows 999, but its latest log entry`);
      await kit.server.db
        .updateTable('metrics')
        .set({ value: 152 })
        .where('id', '=', FIGURE)
        .execute();
      kit.server.invalidate();
    });

    test('a published revision rewritten in the database is named, with the field', async () => {
      await unfreeze();
      await kit.server.db
        .updateTable('revisions')
        .set({ value: 150 })
        .where('id', '=', published.id)
        .execute();
      kit.server.invalidate();
      const { code, output } = await monitor();
      expect(code).toBe(1);
      expect(output).toContain(`revision ${published.id} of ${FIGURE} differs from log entry`);
      expect(output).toContain('value 150 in the API, 152 in the log');
    });
  });
}
