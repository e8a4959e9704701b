import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, expect, test } from 'vitest';
import { server } from '@mocks/node';
import { resetManageMock } from '@mocks/handlers/manage-state';
import { renderRoute } from '../test-utils';
import { demo, signIn } from './manage-steps';

beforeEach(() => resetManageMock());

test('sign-in with password and code leads to the home page, with name, roles and sign-out', async () => {
  const { user } = renderRoute('/manage?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
  expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
  await signIn(user, demo);

  const heading = await screen.findByRole('heading', {
    level: 1,
    name: 'Hello, Demo Admin (development)',
  });
  expect(heading).toHaveFocus();
  expect(screen.getByText('Administrator')).toBeVisible();
  const nav = screen.getByRole('navigation', { name: 'Management' });
  expect(within(nav).getByRole('link', { name: 'Accounts' })).toHaveAttribute(
    'href',
    '/manage/accounts?lang=en',
  );
  expect(within(nav).getByRole('link', { name: 'Audit log' })).toBeVisible();
  // The site header names the person and offers sign-out (page headers inside main come after).
  const [siteHeader] = screen.getAllByRole('banner');
  if (!siteHeader) throw new Error('no site header');
  expect(siteHeader).toHaveTextContent('Signed in as Demo Admin (development)');
  expect(within(siteHeader).getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(document.title).toBe('Management · Ashyq');
});

test('a wrong password and a wrong code are said plainly', async () => {
  const { user } = renderRoute('/manage?lang=en');
  await user.type(await screen.findByLabelText('Username'), 'demo');
  await user.type(screen.getByLabelText('Password'), 'not-the-password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The username or the password is wrong.',
  );

  await user.clear(screen.getByLabelText('Password'));
  await user.type(screen.getByLabelText('Password'), demo.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await user.type(await screen.findByLabelText('Six-digit code'), '000000');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right.');
});

test('a throttled sign-in says how many minutes to wait, in Russian too', async () => {
  server.use(
    http.post('*/api/v1/auth/sign-in', () =>
      HttpResponse.json(
        { error: { code: 'throttled', message: 'Too many failed sign-ins.' } },
        { status: 429, headers: { 'Retry-After': '600' } },
      ),
    ),
  );
  const { user } = renderRoute('/manage?lang=ru');
  await user.type(await screen.findByLabelText('Имя пользователя'), 'demo');
  await user.type(screen.getByLabelText('Пароль'), 'whatever-it-is');
  await user.click(screen.getByRole('button', { name: 'Войти' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Слишком много неудачных попыток. Повторите через 10 минут.',
  );
});

test('the mock throttles an account after five failures, and the form says so', async () => {
  const { user } = renderRoute('/manage?lang=en');
  const password = await screen.findByLabelText('Password');
  await user.type(screen.getByLabelText('Username'), 'demo');
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await user.clear(password);
    await user.type(password, `wrong-${attempt}`);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
  }
  expect(screen.getByRole('alert')).toHaveTextContent('Try again in 15 minutes.');
});

test('a recovery code works instead of the app’s code', async () => {
  const { user } = renderRoute('/manage?lang=en');
  await user.type(await screen.findByLabelText('Username'), 'demo');
  await user.type(screen.getByLabelText('Password'), demo.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
  await user.type(screen.getByLabelText('Recovery code'), 'aaaaa-bbbbb');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  // The demo account has no recovery codes in the mock: the refusal is the wrong-code one.
  expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right.');
});

test('a signed-out visitor to a management page signs in and lands on that page', async () => {
  const { user } = renderRoute('/manage/sessions?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await signIn(user, demo);
  expect(await screen.findByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  const table = await screen.findByRole('table', { name: 'Your sessions' });
  expect(within(table).getByText('this device')).toBeVisible();
  expect(within(table).getByText('Firefox on Windows (fixture)')).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'End other sessions' }));
  expect(await screen.findByText('Your other sessions have ended.')).toBeVisible();
  expect(screen.queryByText('Firefox on Windows (fixture)')).not.toBeInTheDocument();
});

test('a signed-in person changes their password: the current one is asked for and checked', async () => {
  const { user } = renderRoute('/manage/sessions?lang=en');
  await signIn(user, demo);
  const form = await screen.findByRole('region', { name: 'Change your password' });
  await user.type(within(form).getByLabelText('Current password'), 'not my password');
  await user.type(within(form).getByLabelText('New password'), 'a river, a road and a reed');
  await user.click(within(form).getByRole('button', { name: 'Change password' }));
  expect(await within(form).findByRole('alert')).toHaveTextContent(/current password/i);
  expect(within(form).getByLabelText('New password')).toHaveValue('a river, a road and a reed');

  await user.clear(within(form).getByLabelText('Current password'));
  await user.type(within(form).getByLabelText('Current password'), demo.password);
  await user.click(within(form).getByRole('button', { name: 'Change password' }));
  expect(
    await within(form).findByText(
      'Your password has been changed, and your other sessions have ended.',
    ),
  ).toBeVisible();
  expect(within(form).getByLabelText('New password')).toHaveValue('');
});

test('sign-out returns to the sign-in form', async () => {
  const { user } = renderRoute('/manage?lang=kk');
  await user.type(await screen.findByLabelText('Пайдаланушы аты'), demo.username);
  await user.type(screen.getByLabelText('Құпиясөз'), demo.password);
  await user.click(screen.getByRole('button', { name: 'Кіру' }));
  await user.type(await screen.findByLabelText('Алты таңбалы код'), '123456');
  await user.click(screen.getByRole('button', { name: 'Жалғастыру' }));
  expect(await screen.findByRole('heading', { level: 1, name: /Сәлеметсіз бе/ })).toBeVisible();

  await user.click(screen.getByRole('button', { name: 'Шығу' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Кіру' })).toBeVisible();
  expect(screen.queryByRole('navigation', { name: 'Басқару' })).not.toBeInTheDocument();
});

test('the development account is hinted only while the mock API answers', async () => {
  renderRoute('/manage?lang=en');
  expect(await screen.findByText(/Development mock API: sign in as demo/)).toBeVisible();
});
