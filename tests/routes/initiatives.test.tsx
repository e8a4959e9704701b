import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { server } from '@mocks/node';
import { renderRoute } from '../test-utils';

test('the initiatives page lists every programme and links to it, keeping the language', async () => {
  const { user, router } = renderRoute('/initiatives?lang=ru');
  expect(await screen.findByRole('heading', { level: 1, name: 'Инициативы' })).toBeVisible();
  await screen.findByRole('link', { name: 'Проект «Open space»' });
  const list = within(screen.getByRole('main')).getByRole('list');
  expect(within(list).getAllByRole('listitem')).toHaveLength(7);
  const openSpace = within(list)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByRole('link', { name: 'Проект «Open space»' }));
  expect(openSpace).toHaveTextContent('2 показателя');
  await user.click(screen.getByRole('link', { name: 'Проект «Open space»' }));
  expect(router.state.location.pathname).toBe('/initiatives/open-space');
  expect(router.state.location.search).toBe('?lang=ru');
  expect(await screen.findByRole('heading', { level: 1, name: 'Проект «Open space»' })).toBeVisible();
});

test('an empty list says there is nothing yet', async () => {
  server.use(http.get('*/api/v1/initiatives', () => HttpResponse.json([])));
  renderRoute('/initiatives?lang=en');
  expect(await screen.findByText('No initiatives have been recorded yet.')).toBeVisible();
});
