import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderRoute } from '../test-utils';

// A page whose code fails while rendering, as a broken deploy or a bug would.
vi.mock('@/app/routes/not-found', () => ({
  default: function Broken(): never {
    throw new Error('broken page');
  },
}));

test('a page that fails shows plain words and a way back, not a blank screen', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  renderRoute('/no/such/page?lang=en');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'This page could not be shown' }),
  ).toBeVisible();
  expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/');
});
