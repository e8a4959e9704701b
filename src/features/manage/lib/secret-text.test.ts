import { expect, test } from 'vitest';
import { groupSecret, recoveryCodesFile } from './secret-text';

test('the key is grouped in fours, padding dropped', () => {
  expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
  expect(groupSecret('ABCDEFG===')).toBe('ABCD EFG');
  expect(groupSecret('')).toBe('');
});

test('the recovery file lists every code on its own line', () => {
  const codes = Array.from({ length: 10 }, (_, i) => `aaaa${i}-bbbb${i}`);
  const text = recoveryCodesFile(codes, 'demo', new Date('2026-12-02T06:00:00Z'));
  expect(text.split('\n').filter((line) => /^aaaa\d-bbbb\d$/.test(line))).toEqual(codes);
  expect(text).toContain('demo');
  expect(text).toContain('2026-12-02T06:00:00.000Z');
});
