import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderRoute } from '../test-utils';

test('the deck opens on its title slide, and every slide states source and verification', async () => {
  renderRoute('/present?lang=en');
  const stage = await screen.findByRole('region', { name: 'Slide 1 of 11' });
  expect(within(stage).getByRole('heading', { name: 'Public hearing on anti-corruption culture' })).toBeVisible();
  expect(within(stage).getByText(/Reported, not independently verified · Date not stated in the source/)).toBeVisible();
  expect(screen.getByRole('button', { name: /Previous/ })).toBeDisabled();
});

test('arrow keys, space, PageUp/PageDown, Home and End move through the deck and the URL follows', async () => {
  const { user, router } = renderRoute('/present?lang=en');
  await screen.findByRole('region', { name: 'Slide 1 of 11' });
  await user.keyboard('{ArrowRight}');
  const second = await screen.findByRole('region', { name: 'Slide 2 of 11' });
  expect(within(second).getByRole('heading', { level: 2, name: 'Interdepartmental anti-corruption commission' })).toBeVisible();
  expect(router.state.location.search).toBe('?lang=en&slide=2');
  await user.keyboard('{PageDown}');
  await screen.findByRole('region', { name: 'Slide 3 of 11' });
  await user.keyboard('{End}');
  const last = await screen.findByRole('region', { name: 'Slide 11 of 11' });
  expect(within(last).getByRole('heading', { name: 'Sources' })).toBeVisible();
  expect(within(last).getByText(/Serik Akhmet, Deputy akim/)).toBeVisible();
  await user.keyboard('{PageUp}');
  await screen.findByRole('region', { name: 'Slide 10 of 11' });
  await user.keyboard('{Home}');
  await screen.findByRole('region', { name: 'Slide 1 of 11' });
});

test('a slide number in the URL opens that slide; a wrong one is clamped and explained', async () => {
  renderRoute('/present?lang=ru&slide=6');
  const stage = await screen.findByRole('region', { name: 'Слайд 6 из 11' });
  expect(within(stage).getByRole('heading', { level: 2, name: 'Проект «Open space»' })).toBeVisible();
  expect(within(stage).getByText('304')).toBeVisible();

  renderRoute('/present?lang=en&slide=99');
  expect(await screen.findByText('There is no slide “99”; the deck has 11 slides.')).toBeVisible();
  expect(screen.getByRole('region', { name: 'Slide 11 of 11' })).toBeVisible();
});

test('the buttons work like the keys', async () => {
  const { user } = renderRoute('/present?lang=kk');
  await screen.findByRole('region', { name: '11 слайдтың 1-сі' });
  await user.click(screen.getByRole('button', { name: /Алға/ }));
  await waitFor(() => expect(screen.getByRole('region', { name: '11 слайдтың 2-сі' })).toBeVisible());
  expect(screen.getByRole('link', { name: 'Басып шығаруға арналған нұсқа' })).toHaveAttribute('href', '/present/print?lang=kk');
});

test('the handout lists every slide with its sources, ready to print', async () => {
  renderRoute('/present/print?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Handout' })).toBeVisible();
  const pages = await screen.findAllByRole('listitem', { name: /^Slide \d+ of 11$/ });
  expect(pages).toHaveLength(11);
  for (const page of pages) expect(within(page).getAllByText(/^Source:/).length).toBeGreaterThan(0);
  expect(screen.getByRole('button', { name: 'Print' })).toBeVisible();
});

test('two quick presses move two slides, even before the page has re-rendered', async () => {
  const { router } = renderRoute('/present?lang=en');
  await screen.findByRole('region', { name: 'Slide 1 of 11' });
  // Outside act(), as a real browser would: React does not re-render between the two presses.
  const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp' }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  expect(await screen.findByRole('region', { name: 'Slide 10 of 11' })).toBeVisible();
  expect(router.state.location.search).toBe('?lang=en&slide=10');
});
