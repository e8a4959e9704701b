// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHANGES_FEED_PATH, endpoints, manageEndpoints } from '../src/contract/endpoints';
import type { Metric } from '../src/contract/metrics';
import type { ChangePage, MetricHistory, Revision } from '../src/contract/revisions';
import { addRegion, type AuthTestServer } from './auth-test-kit';
import { json, type ReviewTestServer, startReviewServer } from './review-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

/*
 * The review workflow over HTTP, as the management screens use it, on both databases: the
 * four-eyes rule, concurrent approvals, mass assignment, another region, every transition's
 * audit row, and what the public sees before and after.
 */
announceSkippedBackends('server/review.test.ts');

const FIGURE = 'public-receptions';

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`review workflow on ${backend}`, () => {
    let kit: ReviewTestServer;
    let server: AuthTestServer;
    const browser = (name: string) => kit.browser(name);

    beforeAll(async () => {
      kit = await startReviewServer(backend);
      server = kit.server;
      await addRegion(server.db, 'other-region');
      for (const [name, roles] of [
        ['ed', ['editor']],
        ['ed2', ['editor']],
        ['rev', ['reviewer']],
        ['rev2', ['reviewer']],
        ['ver', ['verifier']],
        ['both', ['editor', 'reviewer']],
      ] as const) {
        await kit.as(name, [...roles]);
      }
      await kit.as('far', ['editor', 'reviewer', 'admin'], 'other-region');
    });
    afterAll(() => kit?.stop());

    const proposal = (value: number, extra: Record<string, unknown> = {}) => ({
      metricId: FIGURE,
      value,
      period: '2025',
      sourceId: 'syr-boyy-hearing',
      statedBy: 'Regional finance office',
      ...extra,
    });
    const publicFigure = async () => {
      const metrics = await json<Metric[]>(await fetch(`${server.url}${endpoints.metrics}`));
      return metrics.find((m) => m.id === FIGURE) as Metric;
    };
    const draft = async (who: string, value: number) => {
      server.clock.advance(1000);
      return json<Revision>(
        await browser(who).post(manageEndpoints.revisions, proposal(value)),
        201,
      );
    };
    const step = async (who: string, revision: Revision, action: string, extra = {}) => {
      server.clock.advance(1000);
      return browser(who).post(manageEndpoints.revisionAction(revision.id, action as 'submit'), {
        version: revision.version,
        ...extra,
      });
    };
    const submitted = async (who: string, value: number) =>
      json<Revision>(await step(who, await draft(who, value), 'submit'));

    test('propose, reject with a reason, revise, approve: the public sees it once, with both names', async () => {
      const before = await publicFigure();
      const first = await submitted('ed', 150);
      expect(first.status).toBe('submitted');
      expect(first.may).toMatchObject({ approve: false, withdraw: true });
      expect((await publicFigure()).value).toBe(before.value);

      const queue = await json<{ revisions: Revision[] }>(
        await browser('rev').get(`${manageEndpoints.revisions}?status=submitted`),
      );
      const queued = queue.revisions.find((r) => r.id === first.id) as Revision;
      expect(queued.may).toMatchObject({ approve: true, reject: true });

      const noReason = await step('rev', queued, 'reject');
      expect(noReason.status).toBe(400);
      const rejected = await json<Revision>(
        await step('rev', queued, 'reject', { reason: 'The 2025 report says 152.' }),
      );
      expect(rejected.status).toBe('rejected');
      const seen = await json<Revision>(
        await browser('ed').get(manageEndpoints.revision(first.id)),
      );
      expect(seen.rejectionReason).toBe('The 2025 report says 152.');
      expect(seen.may.edit).toBe(true);

      const revised = await json<Revision>(
        await browser('ed').send('PUT', manageEndpoints.revision(first.id), {
          ...proposal(152),
          version: seen.version,
        }),
      );
      expect(revised).toMatchObject({ status: 'draft', value: 152 });
      const again = await json<Revision>(await step('ed', revised, 'submit'));
      const approved = await json<Revision>(await step('rev', again, 'approve'));
      expect(approved.status).toBe('published');
      expect(approved.may).toMatchObject({ approve: false, edit: false, discard: false });

      const after = await publicFigure();
      expect(after).toMatchObject({
        value: 152,
        asOf: '2025',
        verification: 'reported',
        sample: false,
      });
      expect(after.logIndex).toEqual(expect.any(Number));
      const history = await json<MetricHistory>(
        await fetch(`${server.url}${endpoints.metricHistory(FIGURE)}`),
      );
      expect(history.revisions[0]).toMatchObject({
        id: first.id,
        value: 152,
        enteredBy: { displayName: 'ed person', organisation: 'ed office' },
        approvedBy: { displayName: 'rev person', organisation: 'rev office' },
        logIndex: expect.any(Number),
      });
      expect(history.revisions.at(-1)).toMatchObject({ id: `hearing-${FIGURE}`, enteredBy: null });
      const changes = await json<ChangePage>(await fetch(`${server.url}${endpoints.changes}`));
      expect(changes.changes[0]).toMatchObject({
        kind: 'publication',
        metricId: FIGURE,
        by: { displayName: 'rev person' },
      });

      const feed = await fetch(`${server.url}${CHANGES_FEED_PATH}?lang=en`);
      expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      const xml = await feed.text();
      expect(xml).toMatch(/^<\?xml/);
      expect(xml).toContain('152');
      expect(xml).toContain('rev person');
      expect((await fetch(`${server.url}${CHANGES_FEED_PATH}?lang=xx`)).status).toBe(400);

      const audit = await server.db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('target', '=', `revision:${first.id}`)
        .orderBy('id')
        .execute();
      expect(audit.map((row) => `${row.action} ${row.outcome}`)).toEqual([
        'revision.create success',
        'revision.submit success',
        'revision.reject success',
        'revision.edit success',
        'revision.submit success',
        'revision.approve success',
      ]);
      const entry = await server.db
        .selectFrom('figure_log')
        .selectAll()
        .where('revision_id', '=', first.id)
        .executeTakeFirstOrThrow();
      expect(entry.kind).toBe('publication');
    });

    test("a district's share is logged, and the figure's log index stays on its headline entry", async () => {
      const figureOf = async (id: string) =>
        (await json<Metric[]>(await fetch(`${server.url}${endpoints.metrics}`))).find(
          (m) => m.id === id,
        ) as Metric;
      const before = await figureOf('project-office-okrugs');
      const draft = await json<Revision>(
        await browser('ed').post(manageEndpoints.revisions, {
          ...proposal(26, { metricId: 'project-office-okrugs', districtId: 'aral' }),
        }),
        201,
      );
      const sent = await json<Revision>(await step('ed', draft, 'submit'));
      await json<Revision>(await step('rev', sent, 'approve'));
      const after = await figureOf('project-office-okrugs');
      expect(after.value).toBe(before.value);
      expect(after.breakdown.find((e) => e.districtId === 'aral')?.value).toBe(26);
      expect(after.logIndex).toBe(before.logIndex);
      const history = await json<MetricHistory>(
        await fetch(`${server.url}${endpoints.metricHistory('project-office-okrugs')}`),
      );
      expect(history.revisions[0]).toMatchObject({
        districtId: 'aral',
        logIndex: expect.any(Number),
      });
    });

    test('nobody approves their own proposal, nor one they last edited', async () => {
      const own = await submitted('both', 10);
      expect(own.may.approve).toBe(false);
      const refused = await step('both', own, 'approve');
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toMatchObject({
        code: 'four_eyes',
        message: expect.stringMatching(/own proposal/),
      });

      const theirs = await draft('ed2', 11);
      const edited = await json<Revision>(
        await browser('both').send('PUT', manageEndpoints.revision(theirs.id), {
          ...proposal(12),
          version: theirs.version,
        }),
      );
      const sent = await json<Revision>(await step('ed2', edited, 'submit'));
      expect((await step('both', sent, 'approve')).status).toBe(403);
      const denied = await server.db
        .selectFrom('audit_log')
        .select('detail')
        .where('target', '=', `revision:${own.id}`)
        .where('outcome', '=', 'denied')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(denied.detail)).toMatchObject({ reason: 'four_eyes' });
    });

    test('two reviewers approving at once: exactly one succeeds, the other gets 409', async () => {
      const sent = await submitted('ed', 200);
      const answers = await Promise.all([
        step('rev', sent, 'approve'),
        step('rev2', sent, 'approve'),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409) as Response;
      expect((await loser.json()).error.code).toMatch(/^(stale_version|state)$/);
      const published = await server.db
        .selectFrom('figure_log')
        .select('idx')
        .where('revision_id', '=', sent.id)
        .execute();
      expect(published).toHaveLength(1);
    });

    test('a client-sent status, approvedBy or unknown field is refused with 400', async () => {
      for (const extra of [{ status: 'published' }, { approvedBy: 'x' }, { reviewedBy: 'x' }]) {
        const answer = await browser('ed').post(manageEndpoints.revisions, proposal(1, extra));
        expect(answer.status).toBe(400);
      }
      const sent = await submitted('ed', 3);
      const sneaky = await step('rev', sent, 'approve', { status: 'published' });
      expect(sneaky.status).toBe(400);
    });

    test('only the listed transitions exist', async () => {
      const fresh = await draft('ed', 5);
      expect((await step('rev', fresh, 'approve')).status).toBe(409);
      const sent = await json<Revision>(await step('ed', fresh, 'submit'));
      const published = await json<Revision>(await step('rev', sent, 'approve'));
      expect((await step('rev2', published, 'approve')).status).toBe(409);
      expect((await step('ed', published, 'discard')).status).toBe(409);
      expect(
        (
          await browser('ed').send('PUT', manageEndpoints.revision(published.id), {
            ...proposal(6),
            version: published.version,
          })
        ).status,
      ).toBe(409);
      const stale = await step('ed', { ...fresh, version: 1 }, 'withdraw');
      expect(stale.status).toBe(409);
    });

    test('another region: its records are not found, its actions refused', async () => {
      const mine = await submitted('ed', 7);
      expect((await browser('far').get(manageEndpoints.revision(mine.id))).status).toBe(404);
      expect((await step('far', mine, 'approve')).status).toBe(403);
      const list = await json<{ revisions: Revision[] }>(
        await browser('far').get(manageEndpoints.revisions),
      );
      expect(list.revisions).toEqual([]);
    });

    test('a verifier marks a published figure verified, independently, and may withdraw it', async () => {
      const sent = await submitted('ed', 300);
      const published = await json<Revision>(await step('rev', sent, 'approve'));
      const verified = await json<Revision>(
        await step('ver', published, 'verify', { note: 'Checked against the treasury ledger.' }),
      );
      expect(verified.verification).toMatchObject({
        state: 'verified',
        by: { displayName: 'ver person' },
      });
      expect((await publicFigure()).verification).toBe('verified');
      const twice = await step('ver', published, 'verify', { note: 'again' });
      expect(twice.status).toBe(409);
      const withdrawn = await json<Revision>(
        await step('ver', verified, 'unverify', { reason: 'The ledger was revised.' }),
      );
      expect(withdrawn.verification).toMatchObject({ state: 'withdrawn' });
      expect((await publicFigure()).verification).toBe('reported');
      const kinds = await server.db
        .selectFrom('figure_log')
        .select('kind')
        .where('revision_id', '=', sent.id)
        .orderBy('idx')
        .execute();
      expect(kinds.map((k) => k.kind)).toEqual(['publication', 'verification', 'unverification']);
      const audit = await server.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'actor_name'])
        .where('target', '=', `revision:${sent.id}`)
        .where('action', 'in', ['revision.verify', 'revision.unverify'])
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'revision.verify', outcome: 'success', actor_name: 'ver' },
        { action: 'revision.verify', outcome: 'denied', actor_name: 'ver' },
        { action: 'revision.unverify', outcome: 'success', actor_name: 'ver' },
      ]);
    });

    test('a correction names the revision it corrects and why, and is published the same way', async () => {
      const history = await json<MetricHistory>(
        await fetch(`${server.url}${endpoints.metricHistory(FIGURE)}`),
      );
      const latest = history.revisions[0]?.id as string;
      const noReason = await browser('ed').post(
        manageEndpoints.revisions,
        proposal(301, { corrects: latest }),
      );
      expect(noReason.status).toBe(400);
      const fix = await json<Revision>(
        await browser('ed').post(
          manageEndpoints.revisions,
          proposal(301, { corrects: latest, correctionReason: 'A typing error in the report.' }),
        ),
        201,
      );
      const sent = await json<Revision>(await step('ed', fix, 'submit'));
      await json<Revision>(await step('rev', sent, 'approve'));
      const changes = await json<ChangePage>(await fetch(`${server.url}${endpoints.changes}`));
      expect(changes.changes[0]).toMatchObject({
        kind: 'correction',
        reason: 'A typing error in the report.',
        revision: { corrects: latest, value: 301 },
      });
    });
  });
}
