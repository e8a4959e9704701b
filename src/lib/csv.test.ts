import { expect, test } from 'vitest';
import { escapeCsvCell, toCsv } from './csv';

test('starts with a byte-order mark and uses CRLF line ends', () => {
  const csv = toCsv(['Аудан', 'Мән'], [['Арал ауданы', 25]]);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.slice(1)).toBe('Аудан,Мән\r\nАрал ауданы,25\r\n');
});

test('text that looks like a formula is neutralised', () => {
  expect(escapeCsvCell('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
  expect(escapeCsvCell('+7 700')).toBe("'+7 700");
  expect(escapeCsvCell('-46 %')).toBe("'-46 %");
  expect(escapeCsvCell('@cmd')).toBe("'@cmd");
  expect(escapeCsvCell('\tx')).toBe("'\tx");
  expect(escapeCsvCell('\rx')).toBe('"\'\rx"');
});

test('numbers stay numbers, negative ones included', () => {
  expect(escapeCsvCell(-46)).toBe('-46');
  expect(escapeCsvCell(81.5)).toBe('81.5');
  expect(escapeCsvCell(null)).toBe('');
});

test('quotes, commas and line breaks are quoted', () => {
  expect(escapeCsvCell('a, b')).toBe('"a, b"');
  expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
  expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
});
