import { screen, within } from '@testing-library/react';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { beforeEach, expect, test } from 'vitest';
import { resetManageMock } from '@mocks/handlers/manage-state';
import { renderRoute } from '../test-utils';

beforeEach(() => resetManageMock());

test('first sign-in: one-time password, own password, authenticator, recovery codes, home', async () => {
  const { user } = renderRoute('/manage/sessions?lang=en');
  await user.type(await screen.findByLabelText('Username'), 'newcomer');
  await user.type(screen.getByLabelText('Password'), 'one-time-pass');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  // Step: choose a password. Too short is stopped here; a common one is refused by the server.
  const title = await screen.findByRole('heading', { level: 1, name: 'Choose your password' });
  expect(title).toHaveFocus();
  const oneTime = screen.getByLabelText('One-time password');
  const fresh = screen.getByLabelText('New password');
  expect(oneTime).toHaveAttribute('autocomplete', 'current-password');
  expect(fresh).toHaveAttribute('autocomplete', 'new-password');
  expect(fresh).toHaveAccessibleDescription(/At least 8 characters; 15 or more is better/);
  await user.type(oneTime, 'one-time-pass');
  await user.type(fresh, 'short');
  await user.click(screen.getByRole('button', { name: 'Save the password' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('at least 8 characters');

  await user.clear(fresh);
  await user.type(fresh, 'password123');
  await user.click(screen.getByRole('button', { name: 'Save the password' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('This password is too common');

  await user.clear(fresh);
  await user.type(fresh, 'river camel winter lamp');
  await user.click(screen.getByRole('button', { name: 'Save the password' }));

  // Step: the authenticator. The key as text is what a person would type into the app.
  const mfa = await screen.findByRole('heading', { level: 1, name: 'Set up two-factor sign-in' });
  expect(mfa).toHaveFocus();
  expect(await screen.findByRole('img', { name: /QR code/ })).toBeVisible();
  const key = screen.getByLabelText('Key for the authenticator app').textContent ?? '';
  expect(key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const codeField = screen.getByLabelText('Six-digit code');
  expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');

  await user.type(codeField, '000000');
  await user.click(screen.getByRole('button', { name: 'Confirm' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('That code is not right.');

  const code = generateTOTP(decodeBase32IgnorePadding(key.replace(/ /g, '')), 30, 6);
  await user.clear(codeField);
  await user.type(codeField, code);
  await user.click(screen.getByRole('button', { name: 'Confirm' }));

  // Step: the recovery codes, shown once.
  const saved = await screen.findByRole('heading', { level: 1, name: 'Save your recovery codes' });
  expect(saved).toHaveFocus();
  const codes = within(screen.getByRole('list', { name: 'Recovery codes' })).getAllByRole(
    'listitem',
  );
  expect(codes).toHaveLength(10);
  await user.click(screen.getByRole('button', { name: 'Copy the codes' }));
  expect(await screen.findByText('Copied.')).toBeVisible();
  expect(await navigator.clipboard.readText()).toBe(
    codes.map((item) => item.textContent).join('\n'),
  );
  await user.click(screen.getByRole('button', { name: 'I have saved them' }));

  // And the page asked for in the first place.
  expect(await screen.findByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  expect(screen.getByRole('navigation', { name: 'Management' })).toBeVisible();
});
