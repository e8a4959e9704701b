import { describe, expect, it } from 'vitest';
import { getDomain } from './tldts-stand-in';

describe('getDomain (stand-in for tldts)', () => {
  it('gives the last two labels of a domain', () => {
    expect(getDomain('ashyq.example.kz')).toBe('example.kz');
    expect(getDomain('Example.KZ.')).toBe('example.kz');
  });

  it('has no registrable domain for a single label or an address', () => {
    expect(getDomain('localhost')).toBeNull();
    expect(getDomain('127.0.0.1')).toBeNull();
    expect(getDomain('[::1]')).toBeNull();
    expect(getDomain('')).toBeNull();
  });
});
