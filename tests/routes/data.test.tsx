import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { openDataTableNames, openDataTables } from '@/contract/open-data';
import en from '@/locales/en/open-data.json';
import kk from '@/locales/kk/open-data.json';
import ru from '@/locales/ru/open-data.json';
import { renderRoute } from '../test-utils';

test('/data offers the ZIP and the package description, and explains every column of every table', async () => {
  renderRoute('/data?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: en.data.title })).toBeVisible();
  expect(screen.getByRole('link', { name: en.data.download })).toHaveAttribute(
    'href',
    '/data/ashyq-data.zip',
  );
  expect(screen.getByRole('link', { name: en.data.descriptor })).toHaveAttribute(
    'href',
    '/data/datapackage.json',
  );
  for (const name of openDataTableNames) {
    const table = screen.getByRole('table', { name: `Columns of ${name}` });
    const columns = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(columns).toEqual(Object.keys(openDataTables[name].shape));
    expect(screen.getByRole('link', { name: `${name}.csv` })).toHaveAttribute(
      'href',
      `/data/${name}.csv`,
    );
  }
  const figures = screen.getByRole('table', { name: 'Columns of figures' });
  expect(
    within(figures).getByRole('row', {
      name: /label_kk string What the figure counts \(in Kazakh\)\./,
    }),
  ).toBeVisible();
  expect(
    within(figures).getByRole('row', { name: /sample boolean true when invented/ }),
  ).toBeVisible();
  expect(screen.getByRole('link', { name: en.data.apiDocs })).toHaveAttribute('href', '/api/docs');
});

test('/data speaks Kazakh and Russian too', async () => {
  const { unmount } = renderRoute('/data?lang=kk');
  expect(await screen.findByRole('heading', { level: 1, name: kk.data.title })).toBeVisible();
  expect(screen.getAllByText(kk.data.columns.sample).length).toBeGreaterThan(1);
  unmount();
  renderRoute('/data?lang=ru');
  expect(await screen.findByRole('heading', { level: 1, name: ru.data.title })).toBeVisible();
  // label_kk: the column's meaning and its language, in Russian.
  expect(
    screen.getByText(`${ru.data.columns.label.replace(/\.$/, '')} (${ru.data.lang.kk}).`),
  ).toBeVisible();
});

test('the open-data catalogues have the same keys in every language', () => {
  const keys = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? keys(value, `${prefix}${key}.`)
        : [`${prefix}${key}`],
    );
  expect(keys(kk)).toEqual(keys(en));
  expect(keys(ru)).toEqual(keys(en));
});
