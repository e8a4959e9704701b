import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import { DEV_TOTP_CODE } from '@mocks/fixtures/accounts';

/** Signs in through the form as a person would: username, password, then the app's code. */
export async function signIn(
  user: UserEvent,
  {
    username,
    password,
    code = DEV_TOTP_CODE,
  }: { username: string; password: string; code?: string },
): Promise<void> {
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  const heading = await screen.findByRole('heading', { level: 1, name: 'Enter your sign-in code' });
  expect(heading).toHaveFocus();
  await user.type(screen.getByLabelText('Six-digit code'), code);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

export const demo = { username: 'demo', password: 'demo-password' };
export const editor = { username: 'editor', password: 'editor-password' };
export const reviewer = { username: 'reviewer', password: 'reviewer-password' };
export const verifier = { username: 'verifier', password: 'verifier-password' };

/** Signs out with the frame's button and waits for the sign-in form. */
export async function signOut(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Sign out' }));
  await screen.findByLabelText('Username');
}
