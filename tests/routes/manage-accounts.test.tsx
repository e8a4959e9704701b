import { screen, within } from '@testing-library/react';
import { beforeEach, expect, test } from 'vitest';
import { resetManageMock } from '@mocks/handlers/manage-state';
import { renderRoute } from '../test-utils';
import { demo, editor, signIn } from './manage-steps';

beforeEach(() => resetManageMock());

test('an admin creates an account and sees its one-time password once, with a copy button', async () => {
  const { user } = renderRoute('/manage/accounts?lang=en');
  await signIn(user, demo);
  expect(await screen.findByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  expect(await screen.findByRole('article', { name: /Aigerim Editor/ })).toBeVisible();

  let form = screen.getByRole('form', { name: 'New account' });
  await user.type(within(form).getByLabelText('Username'), 'a.nurlanova');
  await user.type(within(form).getByLabelText('Public name'), 'Aliya Nurlanova');
  await user.type(within(form).getByLabelText('Organisation'), 'Anti-corruption service');
  await user.click(within(form).getByRole('button', { name: 'Create the account' }));
  expect(await within(form).findByRole('alert')).toHaveTextContent('Choose at least one role.');

  await user.click(within(form).getByRole('checkbox', { name: /Editor/ }));
  await user.click(within(form).getByRole('button', { name: 'Create the account' }));

  const shown = await screen.findByRole('heading', { name: 'One-time password for a.nurlanova' });
  expect(shown).toHaveFocus();
  const password = screen.getByLabelText('One-time password').textContent ?? '';
  expect(password.length).toBeGreaterThanOrEqual(8);
  await user.click(screen.getByRole('button', { name: 'Copy the password' }));
  expect(await navigator.clipboard.readText()).toBe(password);
  const card = await screen.findByRole('article', { name: /Aliya Nurlanova/ });
  expect(within(card).getByText('one-time password')).toBeVisible();
  expect(within(card).getByText('Editor')).toBeVisible();

  await user.click(screen.getByRole('button', { name: 'I have passed it on' }));
  expect(screen.queryByText(password)).not.toBeInTheDocument();

  // The form is empty again. A username that is taken is refused.
  form = screen.getByRole('form', { name: 'New account' });
  expect(within(form).getByLabelText('Username')).toHaveValue('');
  await user.type(within(form).getByLabelText('Username'), 'editor');
  await user.click(within(form).getByRole('checkbox', { name: /Reviewer/ }));
  await user.click(within(form).getByRole('button', { name: 'Create the account' }));
  expect(await within(form).findByRole('alert')).toHaveTextContent('This username is taken.');
});

test('an admin resets a password (asked twice) and sees the new one-time password; disables an account', async () => {
  const { user } = renderRoute('/manage/accounts?lang=en');
  await signIn(user, demo);
  const card = await screen.findByRole('article', { name: /Aigerim Editor/ });
  await user.click(within(card).getByRole('button', { name: 'Reset the password' }));
  expect(within(card).getByRole('alert')).toHaveTextContent('Reset the password of editor?');
  await user.click(within(card).getByRole('button', { name: 'Yes, do it' }));
  expect(
    await screen.findByRole('heading', { name: 'One-time password for editor' }),
  ).toBeVisible();

  await user.click(within(card).getByRole('button', { name: 'Disable' }));
  await user.click(within(card).getByRole('button', { name: 'Yes, do it' }));
  expect(await within(card).findByText('disabled')).toBeVisible();
  expect(within(card).getByRole('button', { name: 'Enable' })).toBeVisible();
});

test('an admin changes roles and names', async () => {
  const { user } = renderRoute('/manage/accounts?lang=en');
  await signIn(user, demo);
  const card = await screen.findByRole('article', { name: /Aigerim Editor/ });
  await user.click(within(card).getByRole('button', { name: 'Edit' }));
  const form = within(card).getByRole('form', { name: 'Edit editor' });
  await user.click(within(form).getByRole('checkbox', { name: /Reviewer/ }));
  await user.clear(within(form).getByLabelText('Public name'));
  await user.type(within(form).getByLabelText('Public name'), 'Aigerim S.');
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  const updated = await screen.findByRole('article', { name: /Aigerim S\./ });
  expect(within(updated).getByText('Reviewer')).toBeVisible();
});

test('someone without the admin role sees no admin links and a plain message on an admin page', async () => {
  const { user } = renderRoute('/manage/accounts?lang=en');
  await signIn(user, editor);
  expect(
    await screen.findByRole('heading', { level: 1, name: 'You need the admin role' }),
  ).toBeVisible();
  const nav = screen.getByRole('navigation', { name: 'Management' });
  expect(
    within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent),
    // An editor's own pages are there; no admin page is.
  ).toEqual(['Home', 'Sessions', 'Proposals', 'Upload a CSV']);
  expect(screen.getByRole('link', { name: 'Back to the management home page' })).toBeVisible();
});

test('the admin message is in Kazakh too, on the audit page', async () => {
  const { user } = renderRoute('/manage/audit?lang=kk');
  await user.type(await screen.findByLabelText('Пайдаланушы аты'), editor.username);
  await user.type(screen.getByLabelText('Құпиясөз'), editor.password);
  await user.click(screen.getByRole('button', { name: 'Кіру' }));
  await user.type(await screen.findByLabelText('Алты таңбалы код'), '123456');
  await user.click(screen.getByRole('button', { name: 'Жалғастыру' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Әкімші рөлі қажет' })).toBeVisible();
});
