import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { endpoints } from '@/contract/endpoints';
import type { Change } from '@/contract/revisions';
import { metrics } from '@mocks/fixtures/metrics';
import { hearingRevision, recordChange } from '@mocks/handlers/public-history';
import { onAnyOrigin } from '@mocks/handlers/respond';
import { server } from '@mocks/node';
import { renderRoute } from '../test-utils';

const answers = metrics.find((metric) => metric.id === 'open-dialogue-answers');
if (!answers) throw new Error('fixture missing');
const editor = { id: 'u1', displayName: 'Aruzhan Editor', organisation: 'Regional akimat' };
const reviewer = { id: 'u2', displayName: 'Bolat Reviewer', organisation: 'Regional akimat' };
const verifier = { id: 'u3', displayName: 'Dana Auditor', organisation: 'Audit chamber' };
const sha = 'ab'.repeat(32);

function publish152() {
  const revision = {
    ...hearingRevision(answers!),
    id: 'rev-152',
    value: 152,
    period: '2024',
    statedBy: 'Office of the akim',
    enteredBy: editor,
    approvedBy: reviewer,
    publishedAt: '2026-12-01T10:00:00.000Z',
    evidence: [
      {
        id: 'ev-1',
        name: 'answers-2024.pdf',
        type: 'application/pdf' as const,
        size: 20480,
        sha256: sha,
      },
    ],
  };
  const change: Change = {
    id: 'publication:rev-152',
    kind: 'publication',
    at: revision.publishedAt,
    metricId: answers!.id,
    initiativeId: answers!.initiativeId,
    label: answers!.label,
    revision,
    by: reviewer,
    reason: null,
  };
  recordChange(change);
  const verification = {
    state: 'verified' as const,
    by: verifier,
    at: '2026-12-02T08:00:00.000Z',
    note: 'Matched the register',
    evidence: [],
  };
  recordChange({
    ...change,
    id: 'verification:rev-152',
    kind: 'verification',
    at: verification.at,
    revision: { ...revision, verification },
    by: verifier,
    reason: verification.note,
  });
  recordChange({
    ...change,
    id: 'correction:rev-153',
    kind: 'correction',
    at: '2026-12-02T09:00:00.000Z',
    revision: {
      ...revision,
      id: 'rev-153',
      value: 153,
      publishedAt: '2026-12-02T09:00:00.000Z',
      evidence: [],
      corrects: 'rev-152',
      correctionReason: 'One answer was counted in the wrong year.',
      verification: null,
    },
  });
}

test('a figure’s history shows its value, its chart and every published value with its record', async () => {
  publish152();
  renderRoute('/figures/open-dialogue-answers?lang=en');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Open Dialogue answers' }),
  ).toBeVisible();
  expect(screen.getByText('History of a figure')).toBeVisible();

  const chart = await screen.findByRole('region', { name: 'Open Dialogue answers over time' });
  expect(
    within(chart).getByText('Open Dialogue answers: 2019: 38; 2020: 81; 2021: 125; 2024: 153.'),
  ).toBeVisible();
  expect(within(chart).getByText('Sample data')).toBeVisible();

  expect(await screen.findByText('3 published values')).toBeVisible();
  const items = screen
    .getAllByRole('listitem')
    .filter((item) => item.classList.contains('revision'));
  expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
    '153 questions',
    '152 questions',
    '125 questions',
  ]);

  const correction = screen.getByRole('listitem', { name: '153 questions' });
  expect(within(correction).getByText('Current')).toBeVisible();
  expect(
    within(correction).getByText(/Corrects the value published 1 December 2026/),
  ).toBeVisible();
  expect(within(correction).getByText(/One answer was counted in the wrong year\./)).toBeVisible();

  const published = screen.getByRole('listitem', { name: '152 questions' });
  expect(within(published).getByText('Aruzhan Editor, Regional akimat')).toBeVisible();
  expect(within(published).getAllByText('Bolat Reviewer, Regional akimat')[0]).toBeVisible();
  expect(within(published).getByText('Office of the akim')).toBeVisible();
  expect(
    within(published).getByText(/Verified by Dana Auditor \(Audit chamber\) on 2 December 2026/),
  ).toBeVisible();
  expect(within(published).getByText(/Matched the register/)).toBeVisible();
  const download = within(published).getByRole('link', { name: 'Download answers-2024.pdf' });
  expect(download).toHaveAttribute('href', endpoints.evidenceFile('ev-1'));
  expect(within(published).getByText(sha)).toBeVisible();

  const hearing = screen.getByRole('listitem', { name: '125 questions' });
  expect(within(hearing).getAllByText('From the hearing’s record')).toHaveLength(2);
  expect(within(hearing).getByText('Serik Akhmet')).toBeVisible();
  expect(within(hearing).getByText('Reported, not independently verified')).toBeVisible();
  expect(within(hearing).getByText('No files attached')).toBeVisible();
  expect(within(hearing).getByRole('link', { name: /Syr boyy/ })).toHaveAttribute(
    'href',
    '/sources?lang=en#syr-boyy-hearing',
  );
});

test('the history speaks Kazakh by default and Russian when asked', async () => {
  const { unmount } = renderRoute('/figures/services-automated');
  expect(
    await screen.findByRole('heading', { level: 2, name: 'Жарияланған мәндер' }),
  ).toBeVisible();
  expect(await screen.findByRole('heading', { level: 3, name: '173 ішінен 141' })).toBeVisible();
  unmount();
  renderRoute('/figures/services-automated?lang=ru');
  expect(await screen.findByRole('heading', { level: 3, name: '141 из 173' })).toBeVisible();
  expect(screen.getByText('Сообщено, независимо не проверено')).toBeVisible();
});

test('an unknown figure says so', async () => {
  renderRoute('/figures/no-such-figure?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(screen.getByText('There is no figure “no-such-figure”.')).toBeVisible();
});

test('a failing history endpoint shows an error with a retry, the figure stays', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  server.use(
    http.get(onAnyOrigin(endpoints.metricHistory('services-automated')), () =>
      HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }),
    ),
  );
  renderRoute('/figures/services-automated?lang=en');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Public services automated' }),
  ).toBeVisible();
  const alerts = await screen.findAllByRole('alert');
  expect(alerts.length).toBeGreaterThan(0);
  expect(within(alerts[0]!).getByText(/status 500/)).toBeVisible();
  expect(within(alerts[0]!).getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a figure with no published value says so', async () => {
  server.use(
    http.get(onAnyOrigin(endpoints.metricHistory('public-receptions')), () =>
      HttpResponse.json({
        metricId: 'public-receptions',
        revisions: [],
        page: 1,
        pageSize: 20,
        total: 0,
      }),
    ),
  );
  renderRoute('/figures/public-receptions?lang=en');
  expect(await screen.findByText('No value of this figure has been published yet.')).toBeVisible();
  expect(screen.getByText(/nothing to draw over time/)).toBeVisible();
});

test('a long history pages, newest first, and the page is in the URL', async () => {
  for (let index = 0; index < 25; index += 1) {
    const revision = {
      ...hearingRevision(answers!),
      id: `rev-${index}`,
      value: 200 + index,
      period: `${2000 + index}`,
      approvedBy: reviewer,
      publishedAt: `2026-12-01T10:${String(index).padStart(2, '0')}:00.000Z`,
    };
    recordChange({
      id: `publication:rev-${index}`,
      kind: 'publication',
      at: revision.publishedAt,
      metricId: answers!.id,
      initiativeId: answers!.initiativeId,
      label: answers!.label,
      revision,
      by: reviewer,
      reason: null,
    });
  }
  const { user, router } = renderRoute('/figures/open-dialogue-answers?lang=en');
  expect(await screen.findByRole('heading', { level: 3, name: '224 questions' })).toBeVisible();
  const pages = screen.getByRole('navigation', { name: 'Pages' });
  expect(within(pages).getByText('Page 1 of 2')).toBeVisible();
  await user.click(within(pages).getByRole('link', { name: /Older/ }));
  expect(router.state.location.search).toBe('?lang=en&page=2');
  expect(await screen.findByRole('heading', { level: 3, name: '125 questions' })).toBeVisible();
  expect(screen.queryByText('Current')).not.toBeInTheDocument();
});

test('while the history loads, a placeholder says so', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(onAnyOrigin(endpoints.metricHistory('services-automated')), async () => {
      await gate;
      return HttpResponse.json({
        metricId: 'services-automated',
        revisions: [],
        page: 1,
        pageSize: 20,
        total: 0,
      });
    }),
  );
  renderRoute('/figures/services-automated?lang=en');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Public services automated' }),
  ).toBeVisible();
  expect(
    screen.getAllByRole('status').some((status) => status.textContent?.includes('Loading')),
  ).toBe(true);
  release();
  expect(await screen.findByText('No value of this figure has been published yet.')).toBeVisible();
});

test('a revision the server logged names its public log entry, linked to the explanation', async () => {
  recordChange({
    id: 'publication:rev-logged',
    kind: 'publication',
    at: '2026-12-01T10:00:00.000Z',
    metricId: answers!.id,
    initiativeId: answers!.initiativeId,
    label: answers!.label,
    revision: {
      ...hearingRevision(answers!),
      id: 'rev-logged',
      value: 153,
      publishedAt: '2026-12-01T10:00:00.000Z',
      enteredBy: editor,
      approvedBy: reviewer,
      logIndex: 12,
    },
    by: reviewer,
    reason: null,
  });
  renderRoute(`/figures/${answers!.id}?lang=en`);
  const link = await screen.findByRole('link', { name: 'entry 12' });
  expect(link).toHaveAttribute('href', expect.stringMatching(/^\/transparency/));
  // The hearing's revision came from a mock that keeps no log: no entry is claimed for it.
  expect(screen.getAllByRole('link', { name: /^entry / })).toHaveLength(1);
});
