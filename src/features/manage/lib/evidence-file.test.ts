import { expect, test } from 'vitest';
import { evidenceProblem, evidenceType, sizeParts } from './evidence-file';

test('the type follows the extension, in any case', () => {
  expect(evidenceType('Report.PDF')).toBe('application/pdf');
  expect(evidenceType('scan.jpeg')).toBe('image/jpeg');
  expect(evidenceType('scan.JPG')).toBe('image/jpeg');
  expect(evidenceType('chart.png')).toBe('image/png');
  expect(evidenceType('notes.docx')).toBeNull();
  expect(evidenceType('pdf')).toBeNull();
});

test('a file is refused for its type, when empty, or over 10 MB', () => {
  expect(evidenceProblem({ name: 'a.pdf', size: 10 * 1024 * 1024 })).toBeNull();
  expect(evidenceProblem({ name: 'a.pdf', size: 10 * 1024 * 1024 + 1 })).toBe('size');
  expect(evidenceProblem({ name: 'a.pdf', size: 0 })).toBe('empty');
  expect(evidenceProblem({ name: 'a.exe', size: 10 })).toBe('type');
});

test('sizes read as bytes, KB or MB with one decimal', () => {
  expect(sizeParts(900)).toEqual({ unit: 'b', value: 900 });
  expect(sizeParts(1536)).toEqual({ unit: 'kb', value: 1.5 });
  expect(sizeParts(3 * 1024 * 1024)).toEqual({ unit: 'mb', value: 3 });
});
