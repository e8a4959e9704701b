// @vitest-environment node
import { expect, test } from 'vitest';
import { bodyLimitFor } from './body-limit';
import { limitKey, RateLimiter } from './rate-limit';

test('a client gets its requests per minute, then a Retry-After until the minute is over', () => {
  let now = 1_000_000;
  const limiter = new RateLimiter(3, () => now);
  for (let i = 0; i < 3; i++) expect(limiter.hit('192.0.2.1').allowed).toBe(true);
  expect(limiter.hit('192.0.2.1')).toEqual({ allowed: false, retryAfter: 60 });
  // Another client is not affected.
  expect(limiter.hit('192.0.2.2').allowed).toBe(true);
  now += 45_500;
  expect(limiter.hit('192.0.2.1')).toEqual({ allowed: false, retryAfter: 15 });
  now += 14_500;
  expect(limiter.hit('192.0.2.1').allowed).toBe(true);
});

test('0 per minute is off; a flood of addresses cannot grow the table without end', () => {
  expect(new RateLimiter(0).hit('x')).toEqual({ allowed: true, retryAfter: 0 });
  const limiter = new RateLimiter(1, () => 0, 100);
  for (let i = 0; i < 1000; i++) limiter.hit(`10.0.${i >> 8}.${i & 255}`);
  expect(
    (limiter as unknown as { windows: Map<string, unknown> }).windows.size,
  ).toBeLessThanOrEqual(100);
});

test('an IPv6 /64 is one client, so changing the low bits does not escape the limit', () => {
  expect(limitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  expect(limitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
  expect(limitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(limitKey('::1')).toBe('0:0:0:0::/64');
  expect(limitKey('192.0.2.1')).toBe('192.0.2.1');
});

test('body limits: the longest matching prefix wins, else the default', () => {
  const limits = {
    defaultBytes: 1000,
    prefixes: [
      { prefix: '/api/v1/evidence', bytes: 10_000 },
      { prefix: '/api/v1/evidence/big', bytes: 20_000 },
    ],
  };
  expect(bodyLimitFor('/api/v1/metrics', limits)).toBe(1000);
  expect(bodyLimitFor('/api/v1/evidence/1', limits)).toBe(10_000);
  expect(bodyLimitFor('/api/v1/evidence/big/1', limits)).toBe(20_000);
});
