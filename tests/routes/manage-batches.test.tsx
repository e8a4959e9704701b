import { screen, within } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { metrics } from '@mocks/fixtures/metrics';
import { resetManageMock } from '@mocks/handlers/manage-state';
import { renderRoute } from '../test-utils';
import { editor, reviewer, signIn, signOut } from './manage-steps';

beforeEach(() => resetManageMock());

const header = 'metric,value,district\n';

test('a CSV with a bad row is refused row by row; fixed, it is submitted and approved as a whole', async () => {
  const { user } = renderRoute('/manage/batches?lang=en');
  await signIn(user, editor);
  const text = await screen.findByLabelText('Or paste the rows here');
  await user.click(text);
  await user.paste(`${header}project-office-okrugs,150,\npublic-receptions,many,\n`);
  await user.click(screen.getByRole('button', { name: 'Check every row' }));
  expect(
    await screen.findByRole('heading', {
      name: 'One row has problems: nothing can be submitted until it is fixed.',
    }),
  ).toBeVisible();
  const table = screen.getByRole('table', { name: 'Rows of the file' });
  const bad = await within(table).findByRole('row', { name: /^3 Public receptions/ });
  expect(within(bad).getByText(/must be a number/)).toBeVisible();
  expect(
    within(table).getByRole('row', {
      name: /^2 Project-office working groups The figure itself 144 150 \+6 \(\+4\.2%\)/,
    }),
  ).toBeVisible();
  expect(screen.queryByRole('button', { name: /^Submit/ })).toBeNull();

  await user.clear(text);
  await user.paste(`${header}project-office-okrugs,150,\nproject-office-okrugs,26,aral\n`);
  await user.click(screen.getByRole('button', { name: 'Check every row' }));
  await user.click(await screen.findByRole('button', { name: 'Submit all 2 rows for review' }));
  expect(await screen.findByText('Submitted: 2 rows wait for review.')).toBeVisible();

  await signOut(user);
  await signIn(user, reviewer);
  await user.click(await screen.findByRole('link', { name: 'Review' }));
  const links = await screen.findAllByRole('link', {
    name: 'Part of an uploaded file: see all its rows',
  });
  expect(links).toHaveLength(2);
  await user.click(links[0] as HTMLElement);
  await user.click(await screen.findByRole('button', { name: 'Approve and publish every row' }));
  expect(await screen.findByText('Every row is approved and published.')).toBeVisible();
  const metric = metrics.find((item) => item.id === 'project-office-okrugs');
  expect(metric?.value).toBe(150);
  expect(metric?.breakdown.find((entry) => entry.districtId === 'aral')?.value).toBe(26);
  expect(await screen.findAllByText('Published')).toHaveLength(2);
});
