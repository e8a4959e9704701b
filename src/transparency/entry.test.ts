import fc from 'fast-check';
import { expect, test } from 'vitest';
import { escapeText, formatLogEntry, type LogEntry, parseLogEntry, unescapeText } from './entry';

const publication: LogEntry = {
  kind: 'publication',
  region: 'kyzylorda',
  figure: 'automated-services',
  revision: 'r-01',
  value: 152,
  unit: { kk: 'қызмет', ru: 'услуги', en: 'services' },
  total: null,
  period: '2026',
  district: null,
  source: 'hearing-2025',
  statedBy: 'Regional akimat',
  evidence: ['a'.repeat(64)],
  enteredBy: { id: 'acc-1', name: 'Aigerim S.' },
  approvedBy: { id: 'acc-2', name: 'Nurlan K.' },
  verifiedBy: null,
  reason: null,
  corrects: null,
  time: '2026-12-02T09:00:00.000Z',
  previous: 3,
};

test('an entry is fixed-order text lines, written exactly so', () => {
  expect(formatLogEntry(publication)).toBe(
    [
      'ashyq.org/figure-log/v1',
      'kind publication',
      'region kyzylorda',
      'figure automated-services',
      'revision r-01',
      'value 152',
      'unit-kk қызмет',
      'unit-ru услуги',
      'unit-en services',
      'total -',
      'period 2026',
      'district -',
      'source hearing-2025',
      'stated-by Regional akimat',
      `evidence ${'a'.repeat(64)}`,
      'entered-by acc-1 Aigerim S.',
      'approved-by acc-2 Nurlan K.',
      'verified-by -',
      'reason -',
      'corrects -',
      'time 2026-12-02T09:00:00.000Z',
      'previous 3',
      '',
    ].join('\n'),
  );
});

test('reading an entry back gives the same record; any other spelling is refused', () => {
  const text = formatLogEntry(publication);
  expect(parseLogEntry(text)).toEqual(publication);
  expect(parseLogEntry(text.replace('value 152', 'value 152.0'))).toBeNull();
  expect(parseLogEntry(text.replace('kind publication\n', ''))).toBeNull();
  expect(parseLogEntry(`${text}extra line\n`)).toBeNull();
  expect(parseLogEntry(text.slice(0, -1))).toBeNull();
});

test('a line break or a dash in a text cannot forge a field', () => {
  const tricky = { ...publication, statedBy: 'Akimat\nvalue 999', reason: '-' };
  const text = formatLogEntry(tricky);
  expect(text).toContain('stated-by Akimat\\nvalue 999\n');
  expect(text).toContain('reason \\-\n');
  expect(parseLogEntry(text)).toEqual(tricky);
});

test('escaping round-trips every string', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (value) => {
      const escaped = escapeText(value);
      expect(escaped).not.toMatch(/[\n\r]/);
      expect(unescapeText(escaped)).toBe(value);
    }),
  );
});

test('random entries round-trip', () => {
  const actor = fc.option(
    fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,12}$/), name: fc.string() }),
  );
  const number = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }));
  fc.assert(
    fc.property(
      fc.record({
        value: number,
        total: number,
        statedBy: fc.string(),
        reason: fc.option(fc.string()),
        enteredBy: actor,
        verifiedBy: actor,
        previous: fc.option(fc.nat()),
      }),
      (random) => {
        const entry = { ...publication, ...random };
        const parsed = parseLogEntry(formatLogEntry(entry));
        // -0 is written "0", as JavaScript writes it.
        const plain = (n: number | null) => (n === 0 ? 0 : n);
        expect(parsed).toEqual({ ...entry, value: plain(entry.value), total: plain(entry.total) });
      },
    ),
  );
});
