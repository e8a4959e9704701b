// @vitest-environment node
import { expect, test } from 'vitest';
import { parseCsv } from './import/csv';
import { ImportError } from './import/errors';
import { rowsFromCsv, rowsFromJson } from './import/read';

test('CSV: quotes, doubled quotes, commas and line breaks in fields, CRLF, BOM, blank lines', () => {
  const text = '\uFEFFa,b\r\n"x, ""y""",2\r\n\r\n"multi\nline",3\n';
  expect(parseCsv(text)).toEqual([
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['x, "y"', '2'] },
    { line: 4, cells: ['multi\nline', '3'] },
  ]);
});

test('CSV: an unclosed quote names its line', () => {
  expect(() => parseCsv('a,b\n"open,1\n')).toThrow('line 2: a quoted field is never closed');
});

test('CSV rows: empty cells are left out, numbers and booleans are read, rows keep their lines', () => {
  expect(rowsFromCsv('metric,value,period,sample\n\nx,1.5e2,2024,true\n')).toEqual([
    { row: 1, line: 3, values: { metric: 'x', value: 150, period: '2024', sample: true } },
  ]);
  // Unreadable cells stay text, so the schema can say what they should have been.
  expect(rowsFromCsv('metric,value\nx,1 000\n')[0]?.values).toEqual({
    metric: 'x',
    value: '1 000',
  });
});

test('CSV header: unknown and missing columns are named before any row is read', () => {
  const error = (() => {
    try {
      rowsFromCsv('metric,amount\nx,1\n');
    } catch (e) {
      return e as ImportError;
    }
    return null;
  })();
  expect(error).toBeInstanceOf(ImportError);
  expect(error?.issues.map((i) => i.field)).toEqual(['amount', 'value']);
  expect(error?.message).toContain('line 1, field "amount": unknown column');
});

test('CSV: a row with more cells than the header is rejected with its row and line', () => {
  expect(() => rowsFromCsv('metric,value\nx,1,2\n')).toThrow(
    'row 1 (line 2): has 3 cells but the header has 2 columns',
  );
});

test('JSON: an array of objects; anything else is named', () => {
  expect(rowsFromJson('[{"metric":"x","value":1}]')).toEqual([
    { row: 1, values: { metric: 'x', value: 1 } },
  ]);
  expect(() => rowsFromJson('{"metric":"x"}')).toThrow('a JSON import is an array of row objects');
  expect(() => rowsFromJson('[{"metric":"x"}, 3]')).toThrow('row 2: must be an object');
  expect(() => rowsFromJson('[{')).toThrow('not valid JSON');
});
