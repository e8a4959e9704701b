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

const services = metrics.find((metric) => metric.id === 'services-automated');
if (!services) throw new Error('fixture missing');
const reviewer = { id: 'u2', displayName: 'Bolat Reviewer', organisation: 'Regional akimat' };

function correct() {
  const change: Change = {
    id: 'correction:rev-9',
    kind: 'correction',
    at: '2026-12-01T10:00:00.000Z',
    metricId: services!.id,
    initiativeId: services!.initiativeId,
    label: services!.label,
    revision: {
      ...hearingRevision(services!),
      id: 'rev-9',
      value: 152,
      corrects: 'hearing-services-automated',
      correctionReason: 'Eleven services were counted twice.',
      approvedBy: reviewer,
    },
    by: reviewer,
    reason: 'Eleven services were counted twice.',
  };
  recordChange(change);
}

test('the change list shows the newest first, with who did it and why, and links the feed', async () => {
  correct();
  renderRoute('/changes?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Changes' })).toBeVisible();
  expect(await screen.findByText('10 changes')).toBeVisible();
  const items = screen.getAllByRole('listitem').filter((item) => item.classList.contains('change'));
  const first = items[0]!;
  expect(within(first).getByText('Corrected')).toBeVisible();
  expect(within(first).getByRole('link', { name: 'Public services automated' })).toHaveAttribute(
    'href',
    '/figures/services-automated?lang=en',
  );
  expect(within(first).getByText('152 of 173')).toBeVisible();
  expect(within(first).getByText(/Bolat Reviewer, Regional akimat/)).toBeVisible();
  expect(within(first).getByText(/Eleven services were counted twice/)).toBeVisible();
  expect(within(items[1]!).getByText(/From the hearing’s record/)).toBeVisible();
  expect(screen.getByRole('link', { name: 'Atom feed of this list' })).toHaveAttribute(
    'href',
    '/changes.atom?lang=en',
  );
});

test('filtering by programme and language keeps both in the URL and in the feed link', async () => {
  correct();
  const { user, router } = renderRoute('/changes?lang=en');
  const form = await screen.findByRole('form', { name: 'Filter the changes' });
  await user.selectOptions(within(form).getByLabelText('Programme'), 'public-services-automation');
  await user.selectOptions(within(form).getByLabelText('Language of the labels'), 'ru');
  await user.click(within(form).getByRole('button', { name: 'Show' }));
  expect(router.state.location.search).toBe('?lang=ru&initiative=public-services-automation');
  expect(await screen.findByText('2 изменения')).toBeVisible();
  expect(screen.getAllByRole('link', { name: 'Автоматизированные госуслуги' })).toHaveLength(2);
  expect(screen.getByRole('link', { name: 'Лента Atom этого списка' })).toHaveAttribute(
    'href',
    '/changes.atom?lang=ru&initiative=public-services-automation',
  );
});

test('pages: older changes are one link away and the page is in the URL', async () => {
  for (let index = 0; index < 25; index += 1) {
    recordChange({
      id: `publication:rev-${index}`,
      kind: 'publication',
      at: `2026-12-01T10:${String(index).padStart(2, '0')}:00.000Z`,
      metricId: services!.id,
      initiativeId: services!.initiativeId,
      label: services!.label,
      revision: { ...hearingRevision(services!), id: `rev-${index}`, value: 100 + index },
      by: reviewer,
      reason: null,
    });
  }
  const { user, router } = renderRoute('/changes?lang=en');
  const pages = await screen.findByRole('navigation', { name: 'Pages' });
  expect(within(pages).getByText('Page 1 of 2')).toBeVisible();
  await user.click(within(pages).getByRole('link', { name: /Older/ }));
  expect(router.state.location.search).toBe('?lang=en&page=2');
  expect(await screen.findByText('Page 2 of 2')).toBeVisible();
  expect(screen.getByRole('link', { name: /Newer/ })).toBeVisible();
});

test('an empty change list says so', async () => {
  server.use(
    http.get(onAnyOrigin(endpoints.changes), () =>
      HttpResponse.json({ changes: [], page: 1, pageSize: 20, total: 0 }),
    ),
  );
  renderRoute('/changes?lang=kk');
  expect(await screen.findByText('Әзірге ешқандай өзгеріс жарияланбаған.')).toBeVisible();
});

test('a failing change list shows an error with a retry; the feed link stays', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  server.use(http.get(onAnyOrigin(endpoints.changes), () => HttpResponse.error()));
  renderRoute('/changes?lang=en');
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText(/could not be reached/)).toBeVisible();
  expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(screen.getByRole('link', { name: 'Atom feed of this list' })).toBeVisible();
});

test('a change list of the wrong shape says so and names the endpoint', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  server.use(
    http.get(onAnyOrigin(endpoints.changes), () => HttpResponse.json({ changes: 'none' })),
  );
  renderRoute('/changes?lang=en');
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByText(/cannot read \(\/api\/v1\/changes\)/)).toBeVisible();
});
