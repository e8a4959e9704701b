import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderRoute } from '../test-utils';

test('the sources page describes the hearing: organisers, topic, date note, publication', async () => {
  renderRoute('/sources?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Sources' })).toBeVisible();
  const source = await screen.findByRole('article', { name: 'The principle of openness has taken shape' });
  expect(within(source).getByText('Syr boyy (regional newspaper)')).toBeVisible();
  expect(within(source).getByText('Moldir Kalymbet')).toBeVisible();
  expect(within(source).getByText('Kazakh')).toBeVisible();
  expect(within(source).getByText('Online')).toBeVisible();
  expect(within(source).getByText('Date not stated in the source')).toBeVisible();
  expect(within(source).getByText(/between March 2019 and March 2022/)).toBeVisible();
  expect(within(source).getByText(/Zhanaru national anti-corruption movement/)).toBeVisible();
});

test('each speaker is listed with their role, and the figures they gave', async () => {
  renderRoute('/sources?lang=ru');
  const people = await screen.findByRole('heading', { name: 'Выступавшие и участники' });
  expect(people).toBeVisible();
  const akhmet = screen.getAllByRole('listitem').find((item) => within(item).queryByText('Серик Ахмет'));
  if (!akhmet) throw new Error('no list item for the speaker');
  expect(within(akhmet).getByText('Заместитель акима области')).toBeVisible();
  expect(within(akhmet).getByText('Привёл 9 показателей:')).toBeVisible();
  expect(within(akhmet).getByText('Автоматизированные госуслуги: 141 из 173')).toBeVisible();
  expect(within(akhmet).getByText('Коррупционные правонарушения: \u221246 %')).toBeVisible();
  expect(screen.getByText(/Даулеткерей Рахметуллин/)).toBeVisible();
  expect(screen.getByText('· модератор')).toBeVisible();
});
