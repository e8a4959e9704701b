import { expect, test } from 'vitest';
import { auditCsvHref, auditParams, filtersFromForm } from './audit-filters';

test('empty fields are no filter, and text is trimmed', () => {
  expect(
    filtersFromForm({ actor: '  demo ', action: '', outcome: '', from: '2026-12-01', to: '' }),
  ).toEqual({ actor: 'demo', from: '2026-12-01' });
});

test('an outcome the contract does not know is dropped rather than sent', () => {
  expect(filtersFromForm({ outcome: 'maybe' })).toEqual({});
  expect(filtersFromForm({ outcome: 'denied' })).toEqual({ outcome: 'denied' });
});

test('a page asks for the filters, its size and the entries before the last one seen', () => {
  expect(auditParams({ outcome: 'failure' }, 120, 50)).toEqual({
    actor: undefined,
    action: undefined,
    outcome: 'failure',
    from: undefined,
    to: undefined,
    before: '120',
    limit: '50',
  });
  expect(auditParams({}, null, 50).before).toBeUndefined();
});

test('the CSV link carries the same filters, escaped', () => {
  expect(auditCsvHref({})).toBe('/api/v1/admin/audit.csv');
  expect(
    auditCsvHref({ actor: 'a&b', action: 'auth.sign_in', to: '2026-12-02' }, 'https://x.kz'),
  ).toBe('https://x.kz/api/v1/admin/audit.csv?actor=a%26b&action=auth.sign_in&to=2026-12-02');
});
