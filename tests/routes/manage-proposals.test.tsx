import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, expect, test } from 'vitest';
import { metrics } from '@mocks/fixtures/metrics';
import { resetManageMock } from '@mocks/handlers/manage-state';
import { renderRoute } from '../test-utils';
import { editor, reviewer, signIn, signOut } from './manage-steps';

beforeEach(() => resetManageMock());

/** Fills the form as an editor would: figure, value, date, the hearing as source, who said it. */
async function fillProposal(user: UserEvent, value: string) {
  await user.selectOptions(
    await screen.findByLabelText('Figure'),
    screen.getByRole('option', { name: 'Project-office working groups' }),
  );
  await user.type(screen.getByLabelText(/^Value/), value);
  await user.type(screen.getByLabelText('Date'), '2026-11-30');
  const sources = screen.getByLabelText('Listed source');
  const hearing = within(sources).getAllByRole('option')[1];
  if (hearing) await user.selectOptions(sources, hearing);
  await user.type(screen.getByLabelText(/^Stated by/), 'Aral district akimat');
}

function card(name: RegExp | string) {
  return screen.findByRole('article', { name });
}

test('an editor proposes, saves a draft, submits; it waits for review', async () => {
  const { user } = renderRoute('/manage/proposals?lang=en');
  await signIn(user, editor);
  expect(await screen.findByText('You have not proposed any figures yet.')).toBeVisible();
  await user.click(screen.getByRole('link', { name: 'New proposal' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'New proposal' })).toBeVisible();
  await fillProposal(user, '150');
  await user.click(screen.getByRole('button', { name: 'Save as draft' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Edit the proposal' })).toBeVisible();
  expect(await screen.findByText('Draft saved.')).toBeVisible();
  // What was typed came back from the server as it was.
  expect(screen.getByLabelText(/^Value/)).toHaveValue('150');
  await user.click(screen.getByRole('button', { name: 'Submit for review' }));
  expect(await screen.findByText(/^Submitted\./)).toBeVisible();
  const proposal = await card(/Project-office working groups/);
  expect(within(proposal).getByText('Waiting for review')).toBeVisible();
  expect(within(proposal).getByRole('button', { name: 'Withdraw from review' })).toBeVisible();
  expect(within(proposal).queryByRole('link', { name: 'Edit' })).toBeNull();
  // Nothing is published until a reviewer approves.
  expect(metrics.find((metric) => metric.id === 'project-office-okrugs')?.value).toBe(144);
});

test('the form names every missing field and keeps what was typed', async () => {
  const { user } = renderRoute('/manage/proposals/new?lang=en');
  await signIn(user, editor);
  await user.type(await screen.findByLabelText(/^Value/), 'abc');
  await user.click(screen.getByRole('button', { name: 'Save as draft' }));
  expect(
    await screen.findByText('4 fields need attention: see the messages beside them.'),
  ).toBeVisible();
  expect(screen.getByLabelText('Figure')).toHaveAccessibleDescription(
    'Choose the figure this is for.',
  );
  expect(screen.getByLabelText(/^Value/)).toHaveAccessibleDescription(
    'A number: 150, 81.5 or 81,5. Write a number, e.g. 150 or 81,5.',
  );
  expect(screen.getByLabelText(/^Value/)).toHaveValue('abc');
});

test('rejected with a reason, revised and submitted again, then approved', async () => {
  const { user } = renderRoute('/manage/proposals/new?lang=en');
  await signIn(user, editor);
  await fillProposal(user, '150');
  await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
  expect(await screen.findByText(/^Submitted\./)).toBeVisible();

  await signOut(user);
  await signIn(user, reviewer);
  await user.click(await screen.findByRole('link', { name: 'Review' }));
  const queued = await card(/Project-office working groups/);
  expect(within(queued).getByText('Published now')).toBeVisible();
  expect(within(queued).getByText('144')).toBeVisible();
  expect(within(queued).getByText('+6 (+4.2%)')).toBeVisible();
  await user.click(within(queued).getByRole('button', { name: 'Reject' }));
  await user.type(
    within(queued).getByLabelText('Reason for rejecting'),
    'The hearing said 144; name the document for 150.',
  );
  await user.click(within(queued).getByRole('button', { name: 'Reject with this reason' }));
  expect(await screen.findByText(/^Rejected: Project-office working groups/)).toBeVisible();
  expect(await screen.findByText('No proposals are waiting for review.')).toBeVisible();

  await signOut(user);
  await signIn(user, editor);
  await user.click(await screen.findByRole('link', { name: 'Proposals' }));
  const rejected = await card(/Project-office working groups/);
  expect(within(rejected).getByText('Rejected')).toBeVisible();
  expect(
    within(rejected).getByText('The hearing said 144; name the document for 150.'),
  ).toBeVisible();
  await user.click(within(rejected).getByRole('link', { name: 'Revise' }));
  const value = await screen.findByLabelText(/^Value/);
  expect(screen.getByText('The hearing said 144; name the document for 150.')).toBeVisible();
  await user.clear(value);
  await user.type(value, '152');
  await user.click(screen.getByRole('button', { name: 'Submit for review' }));
  expect(await screen.findByText(/^Submitted\./)).toBeVisible();

  await signOut(user);
  await signIn(user, reviewer);
  await user.click(await screen.findByRole('link', { name: 'Review' }));
  const again = await card(/Project-office working groups/);
  expect(within(again).getAllByText('152')).toHaveLength(2);
  await user.click(within(again).getByRole('button', { name: 'Approve and publish' }));
  expect(
    await screen.findByText('Approved: Project-office working groups is published.'),
  ).toBeVisible();
  expect(metrics.find((metric) => metric.id === 'project-office-okrugs')?.value).toBe(152);
});

test('an admin proposes a new figure with its labels in three languages', async () => {
  const { user } = renderRoute('/manage/proposals/new?lang=en');
  await signIn(user, { username: 'demo', password: 'demo-password' });
  await user.selectOptions(
    await screen.findByLabelText('Figure'),
    screen.getByRole('option', { name: 'A new figure (administrators)…' }),
  );
  const group = screen.getByRole('group', { name: 'The new figure' });
  await user.selectOptions(within(group).getByLabelText('Programme'), 'open-space');
  await user.type(within(group).getByLabelText(/^Identifier/), 'schools-open');
  for (const [legend, [kk, ru, en]] of [
    ['Name of the figure', ['Ашық мектептер', 'Открытые школы', 'Open schools']],
    ['What it measures, in one sentence', ['Мектептер саны.', 'Число школ.', 'Schools.']],
  ] as const) {
    const names = within(group).getByRole('group', { name: legend });
    await user.type(within(names).getByLabelText('Kazakh'), kk);
    await user.type(within(names).getByLabelText('Russian'), ru);
    await user.type(within(names).getByLabelText('English'), en);
  }
  await user.type(screen.getByLabelText(/^Value/), '12');
  await user.click(screen.getByRole('button', { name: 'Save as draft' }));
  expect(
    await screen.findByText('3 fields need attention: see the messages beside them.'),
  ).toBeVisible();
  expect(screen.getByLabelText('Date')).toHaveAccessibleDescription(
    'A new figure needs its date or year.',
  );
  await user.click(screen.getByRole('radio', { name: 'A year' }));
  await user.type(screen.getByLabelText('Year (four digits)'), '2026');
  await user.click(screen.getByRole('radio', { name: 'A new source' }));
  await user.type(screen.getByLabelText('Title'), 'Akimat report on schools');
  await user.type(screen.getByLabelText('Publisher'), 'Regional akimat');
  await user.type(screen.getByLabelText('Date of publication'), '2026-11-01');
  await user.type(screen.getByLabelText(/^Stated by/), 'Education department');
  await user.click(screen.getByRole('button', { name: 'Submit for review' }));
  const proposal = await card(/Open schools/);
  expect(within(proposal).getByText('Waiting for review')).toBeVisible();
  expect(within(proposal).getByText('Akimat report on schools')).toBeVisible();
});

test('a submitted proposal can be withdrawn to a draft and edited again', async () => {
  const { user } = renderRoute('/manage/proposals/new?lang=en');
  await signIn(user, editor);
  await fillProposal(user, '150');
  await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
  const proposal = await card(/Project-office working groups/);
  await user.click(within(proposal).getByRole('button', { name: 'Withdraw from review' }));
  expect(await within(proposal).findByText('Draft')).toBeVisible();
  expect(within(proposal).getByRole('link', { name: 'Edit' })).toBeVisible();
  expect(within(proposal).getByRole('button', { name: 'Submit for review' })).toBeVisible();
});
