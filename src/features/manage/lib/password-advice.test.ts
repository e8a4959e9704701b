import { expect, test } from 'vitest';
import { passwordAdvice } from './password-advice';

test('passwords under 8 are short, under 15 fine, 15 and more good, counted as typed', () => {
  expect(passwordAdvice('1234567', 8, 15)).toBe('short');
  expect(passwordAdvice('        ', 8, 15)).toBe('fine');
  expect(passwordAdvice('a'.repeat(15), 8, 15)).toBe('good');
});
