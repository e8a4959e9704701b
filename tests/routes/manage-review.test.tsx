import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, expect, test } from 'vitest';
import { accountSeeds } from '@mocks/fixtures/accounts';
import { metrics } from '@mocks/fixtures/metrics';
import { server } from '@mocks/node';
import { findAccount, refuse, resetManageMock } from '@mocks/handlers/manage-state';
import { onAnyOrigin } from '@mocks/handlers/respond';
import {
  actorOf,
  hearingRevision,
  revisionState,
  type StoredRevision,
} from '@mocks/handlers/revisions-state';
import { manageEndpoints } from '@/contract/endpoints';
import { renderRoute } from '../test-utils';
import { editor, reviewer, signIn, verifier } from './manage-steps';

beforeEach(() => resetManageMock());

const account = (username: string) => {
  const seed = accountSeeds.find((entry) => entry.account.username === username);
  if (!seed) throw new Error(username);
  return seed.account;
};

/** A proposal already submitted by `username`, as if entered through the form. */
function submittedBy(username: string, value = 150): StoredRevision {
  const metric = metrics.find((item) => item.id === 'project-office-okrugs');
  if (!metric) throw new Error('fixture');
  const by = actorOf(account(username));
  const revision: StoredRevision = {
    ...hearingRevision(metric),
    id: `rev-${username}`,
    status: 'submitted',
    version: 2,
    value,
    period: '2026-11-30',
    statedBy: 'Aral district akimat',
    createdBy: by,
    lastEditedBy: by,
    publishedAt: null,
    submittedAt: '2026-12-02T10:00:00.000Z',
    updatedAt: '2026-12-02T10:00:00.000Z',
  };
  revisionState().revisions.push(revision);
  return revision;
}

test('nobody is offered Approve on a proposal of their own', async () => {
  findAccount((entry) => entry.account.username === 'reviewer')?.account.roles.push('editor');
  submittedBy('reviewer');
  const { user } = renderRoute('/manage/review?lang=en');
  await signIn(user, reviewer);
  const own = await screen.findByRole('article', { name: /Project-office working groups/ });
  expect(
    within(own).getByText(
      'You proposed or last edited this one, so another reviewer decides on it.',
    ),
  ).toBeVisible();
  expect(within(own).queryByRole('button', { name: 'Approve and publish' })).toBeNull();
  expect(within(own).queryByRole('button', { name: 'Reject' })).toBeNull();
});

test('when another reviewer approved first, the 409 is told plainly and the queue refreshes', async () => {
  const revision = submittedBy('editor');
  const { user } = renderRoute('/manage/review?lang=en');
  await signIn(user, reviewer);
  const queued = await screen.findByRole('article', { name: /Project-office working groups/ });
  // Someone else approves it while this page is open.
  Object.assign(revision, {
    status: 'published',
    version: 3,
    publishedAt: new Date().toISOString(),
  });
  await user.click(within(queued).getByRole('button', { name: 'Approve and publish' }));
  expect(
    await screen.findByText(
      'Someone else has already acted on this (approved, rejected or withdrew it). The list now shows where things stand.',
    ),
  ).toBeVisible();
  expect(await screen.findByText('No proposals are waiting for review.')).toBeVisible();
});

test('a verifier marks a published figure verified, then withdraws it with a reason', async () => {
  const { user } = renderRoute('/manage/review?lang=en');
  await signIn(user, verifier);
  expect(screen.queryByRole('heading', { name: 'Waiting for review' })).toBeNull();
  const figure = await screen.findByRole('article', { name: 'Project-office working groups' });
  expect(within(figure).getByText('Reported, not independently verified')).toBeVisible();
  await user.click(within(figure).getByRole('button', { name: 'Mark independently verified' }));
  await user.click(within(figure).getByRole('button', { name: 'Mark verified' }));
  expect(
    within(figure).getByText('Write the reason: the other person will read it.'),
  ).toBeVisible();
  await user.type(within(figure).getByLabelText('What you checked'), 'Matched the akimat list.');
  await user.click(within(figure).getByRole('button', { name: 'Mark verified' }));
  expect(
    await screen.findByText('Project-office working groups is marked independently verified.'),
  ).toBeVisible();
  expect(await within(figure).findByText('Independently verified')).toBeVisible();
  expect(metrics.find((item) => item.id === 'project-office-okrugs')?.verification).toBe(
    'verified',
  );

  await user.click(within(figure).getByRole('button', { name: 'Withdraw verification' }));
  await user.type(within(figure).getByLabelText('Why it is withdrawn'), 'The list was a draft.');
  await user.click(within(figure).getByRole('button', { name: 'Withdraw with this reason' }));
  expect(await within(figure).findByText('Verification withdrawn')).toBeVisible();
  expect(within(figure).getByText('The list was a draft.')).toBeVisible();
});

test('an editor is told the review page needs another role', async () => {
  const { user } = renderRoute('/manage/review?lang=en');
  await signIn(user, editor);
  expect(
    await screen.findByRole('heading', { name: 'You need the reviewer or verifier role' }),
  ).toBeVisible();
  expect(screen.queryByRole('link', { name: 'Review' })).toBeNull();
});

test('evidence is uploaded and listed with its size and SHA-256; a wrong file is named', async () => {
  const { user } = renderRoute('/manage/proposals/new?lang=en');
  await signIn(user, editor);
  const input = await screen.findByLabelText('Evidence files (optional)');
  const pdf = new File(['%PDF-1.7\n%fixture'], 'akimat-list.pdf', { type: 'application/pdf' });
  await user.upload(input, pdf);
  expect(await screen.findByText('akimat-list.pdf')).toBeVisible();
  expect(screen.getByText('(17 bytes)')).toBeVisible();
  expect(screen.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  const fake = new File(['not a png'], 'chart.png', { type: 'image/png' });
  await user.upload(input, fake);
  expect(
    await screen.findByText(
      'chart.png: The file was not accepted: The content is not a image/png file.',
    ),
  ).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'Remove akimat-list.pdf' }));
  expect(screen.queryByText('akimat-list.pdf')).toBeNull();
});

test("the server's field problem is shown beside the field; nothing typed is lost", async () => {
  server.use(
    http.post(onAnyOrigin(manageEndpoints.revisions), () =>
      refuse(400, 'invalid_body', 'statedBy: at most 200 characters'),
    ),
  );
  const { user } = renderRoute('/manage/proposals/new?lang=en');
  await signIn(user, editor);
  await user.selectOptions(
    await screen.findByLabelText('Figure'),
    screen.getByRole('option', { name: 'Public receptions' }),
  );
  await user.type(screen.getByLabelText(/^Value/), '12');
  const sources = screen.getByLabelText('Listed source');
  await user.selectOptions(sources, within(sources).getAllByRole('option')[1] as HTMLElement);
  await user.type(screen.getByLabelText(/^Stated by/), 'Akimat');
  await user.click(screen.getByRole('button', { name: 'Save as draft' }));
  expect(
    await screen.findByText('The server did not accept this: at most 200 characters'),
  ).toBeVisible();
  expect(screen.getByLabelText(/^Stated by/)).toHaveValue('Akimat');
  expect(screen.getByLabelText(/^Value/)).toHaveValue('12');
});

test('a correction starts from the published figure and needs a reason', async () => {
  const { user } = renderRoute('/manage/proposals?lang=en');
  await signIn(user, editor);
  await user.click(await screen.findByText('Correct a published figure'));
  await user.click(
    await screen.findByRole('link', { name: 'Correct: Project-office working groups' }),
  );
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Correct a published figure' }),
  ).toBeVisible();
  expect(await screen.findByLabelText(/^Value/)).toHaveValue('144');
  expect(screen.getByLabelText('Figure')).toBeDisabled();
  await user.click(screen.getByRole('button', { name: 'Save as draft' }));
  expect(screen.getByLabelText(/^Why it is corrected/)).toHaveAccessibleDescription(
    "Shown with the correction on the figure's public history. Fill this in.",
  );
});
