import { screen, within } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { server } from '@mocks/node';
import { audit, resetManageMock } from '@mocks/handlers/manage-state';
import { renderRoute } from '../test-utils';
import { demo, signIn } from './manage-steps';

beforeEach(() => resetManageMock());

/** The audit requests the page makes, as query strings. */
function auditRequests(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/admin/audit') seen.push(url.search);
  });
  return seen;
}

test('the audit log lists entries; filters change the request and the CSV link', async () => {
  const seen = auditRequests();
  const { user } = renderRoute('/manage/audit?lang=en');
  await signIn(user, demo);
  const table = await screen.findByRole('table', { name: 'Audit log entries' });
  expect(within(table).getAllByText('auth.sign_in').length).toBeGreaterThan(0);
  expect(seen.at(-1)).toBe('?limit=50');

  const filters = screen.getByRole('form', { name: 'Filter the entries' });
  await user.type(within(filters).getByLabelText('Who'), 'demo');
  await user.type(within(filters).getByLabelText(/^Action/), 'auth.totp');
  await user.selectOptions(within(filters).getByLabelText('Outcome'), 'success');
  await user.type(within(filters).getByLabelText('From (date)'), '2026-01-01');
  await user.click(within(filters).getByRole('button', { name: 'Apply the filters' }));

  expect(await screen.findByText('1 entry shown.')).toBeVisible();
  expect(seen.at(-1)).toBe('?actor=demo&action=auth.totp&outcome=success&from=2026-01-01&limit=50');
  expect(screen.getByRole('link', { name: 'Download these entries as CSV' })).toHaveAttribute(
    'href',
    '/api/v1/admin/audit.csv?actor=demo&action=auth.totp&outcome=success&from=2026-01-01',
  );

  await user.selectOptions(within(filters).getByLabelText('Outcome'), 'denied');
  await user.click(within(filters).getByRole('button', { name: 'Apply the filters' }));
  expect(await screen.findByText('No entries match these filters.')).toBeVisible();
});

test('"older entries" asks for the page before the last one seen', async () => {
  for (let n = 0; n < 60; n += 1) {
    audit({
      actorId: null,
      actorName: `guess${n}`,
      action: 'auth.sign_in',
      target: null,
      outcome: 'failure',
    });
  }
  const seen = auditRequests();
  const { user } = renderRoute('/manage/audit?lang=en');
  await signIn(user, demo);
  expect(await screen.findByText('50 entries shown.')).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'Older entries' }));
  expect(await screen.findByText('62 entries shown.')).toBeVisible();
  expect(seen.at(-1)).toBe('?before=13&limit=50');
  expect(screen.getByText('That is the oldest entry.')).toBeVisible();
  // A crafted name stays text: a line break in it cannot start a new row.
  expect(screen.getByText('guess0')).toBeVisible();
});
