import { screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderRoute } from '../test-utils';

test('an unknown address shows the not-found page in the reader’s language', async () => {
  const { user, router } = renderRoute('/no/such/page?lang=kk');
  expect(await screen.findByRole('heading', { level: 1, name: 'Бет табылмады' })).toBeVisible();
  await user.click(screen.getByRole('link', { name: 'Шолуға өту' }));
  expect(router.state.location.pathname).toBe('/');
  expect(await screen.findByRole('heading', { level: 1, name: /Қызылорда облысындағы/ })).toBeVisible();
});

test('the frame offers a skip link and the three languages on every page', async () => {
  renderRoute('/no/such/page?lang=en');
  await screen.findByRole('heading', { level: 1, name: 'Page not found' });
  expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
  const switcher = screen.getByRole('navigation', { name: 'Language' });
  expect(switcher).toBeVisible();
  expect(screen.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
  expect(screen.getByRole('link', { name: 'Қазақша' })).toHaveAttribute('href', '/no/such/page?lang=kk');
});
