import { expect, test } from 'vitest';
import { initiatives } from '@mocks/fixtures/initiatives';
import { metrics } from '@mocks/fixtures/metrics';
import { region } from '@mocks/fixtures/region';
import { createI18n } from '@/lib/i18n';
import { allCatalogues } from '@tests/catalogues';
import { chartHasDerived, chartHasSample } from '@/components/charts/chart-types';
import { chartsForAll, chartsForInitiative } from './chart-specs';

const context = (locale: 'en' | 'ru' | 'kk') => ({ t: createI18n(locale, allCatalogues).t, locale, region });
const charts = chartsForAll(initiatives, metrics, context('en'));
const chart = (id: string) => {
  const spec = charts.find((c) => c.id === id);
  if (!spec) throw new Error(`no chart ${id}; have ${charts.map((c) => c.id).join(', ')}`);
  return spec;
};

test('the hearing yields the charts the dashboard promises', () => {
  expect(charts.map((c) => c.id).sort()).toEqual(
    [
      'aqmeshit-adaldyq-alany-counts',
      'corruption-offences-change-index',
      'open-dialogue-answers-history',
      'open-dialogue-counts',
      'open-space-relocated-parts',
      'project-office-okrugs-by-district',
      'service-open-akimat-centres-by-district',
      'services-automated-split',
    ].sort(),
  );
});

test('services: automated against not yet, with a summary stating the numbers', () => {
  const spec = chart('services-automated-split');
  expect(spec.rows.map((r) => [r.label, r.value])).toEqual([
    ['Public services automated', 141],
    ['Not yet', 32],
  ]);
  expect(spec.summary).toBe('Public services automated: 141 of 173 (81.5%); 32 not yet.');
  expect(chartHasSample(spec)).toBe(false);
});

test('offences as an index: earlier period 100, now 54, marked derived', () => {
  const spec = chart('corruption-offences-change-index');
  expect(spec.rows.map((r) => r.value)).toEqual([100, 54]);
  expect(chartHasDerived(spec)).toBe(true);
  expect(spec.summary).toContain('54 (\u221246%)');
});

test('Open space: relocated against fully adapted', () => {
  const spec = chart('open-space-relocated-parts');
  expect(spec.rows.map((r) => r.value)).toEqual([304, 60]);
  expect(spec.summary).toContain('19.7%');
});

test('project-office reach lists both of its figures', () => {
  expect(chart('aqmeshit-adaldyq-alany-counts').summary).toBe(
    'Project-office working groups: 144 rural okrugs; Public receptions: 15 receptions.',
  );
});

test('district splits: Service Open Akimat derived for all eight, working groups sample', () => {
  const centres = chart('service-open-akimat-centres-by-district');
  expect(centres.rows).toHaveLength(8);
  expect(centres.rows.every((r) => r.derived && !r.sample && r.value === 1)).toBe(true);
  expect(centres.summary).toBe(
    'Service Open Akimat coverage: 1 in each of the 8 areas (the districts and the city).',
  );
  const groups = chart('project-office-okrugs-by-district');
  expect(groups.rows.every((r) => r.sample)).toBe(true);
  expect(groups.rows.reduce((sum, r) => sum + r.value, 0)).toBe(144);
  expect(groups.summary).toContain('144 in all');
});

test('the invented history is a sample line chart', () => {
  const spec = chart('open-dialogue-answers-history');
  expect(spec.kind).toBe('line');
  expect(chartHasSample(spec)).toBe(true);
});

test('labels and numbers follow the language', () => {
  const services = initiatives.find((i) => i.id === 'public-services-automation');
  if (!services) throw new Error('fixture missing');
  const [spec] = chartsForInitiative(services, metrics, context('ru'));
  expect(spec?.summary).toBe(
    'Автоматизированные госуслуги: 141 из 173 (81,5\u00a0%); осталось 32.',
  );
  const [kk] = chartsForInitiative(services, metrics, context('kk'));
  expect(kk?.rows[0]?.label).toBe('Автоматтандырылған мемлекеттік қызметтер');
});
