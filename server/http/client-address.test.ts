// @vitest-environment node
import { expect, test } from 'vitest';
import { normaliseAddress, parseTrustProxy, resolveClient, TRUST_NONE } from './client-address';

const request = (remoteAddress: string, forwardedFor?: string, forwardedProto?: string) => ({
  remoteAddress,
  forwardedFor,
  forwardedProto,
  encrypted: false,
});

test('with no trusted proxy, forwarded headers are ignored, whatever they say', () => {
  expect(resolveClient(request('203.0.113.9', '1.2.3.4', 'https'), TRUST_NONE)).toEqual({
    address: '203.0.113.9',
    https: false,
  });
  expect(resolveClient(request('::ffff:203.0.113.9', '1.2.3.4'), TRUST_NONE).address).toBe(
    '203.0.113.9',
  );
});

test('behind a trusted proxy, the first untrusted hop from the right is the client', () => {
  const trusted = parseTrustProxy('10.0.0.0/8, ::1');
  // The client wrote a fake first entry; our proxy appended the real peer.
  expect(resolveClient(request('10.0.0.2', '6.6.6.6, 198.51.100.7', 'https'), trusted)).toEqual({
    address: '198.51.100.7',
    https: true,
  });
  // Two proxies of ours in a row.
  expect(resolveClient(request('::1', '198.51.100.7, 10.1.1.1'), trusted).address).toBe(
    '198.51.100.7',
  );
  // An untrusted peer cannot use the header at all.
  expect(resolveClient(request('192.0.2.1', '198.51.100.7', 'https'), trusted)).toEqual({
    address: '192.0.2.1',
    https: false,
  });
  // Garbage in the header is skipped, not believed.
  expect(resolveClient(request('10.0.0.2', 'not-an-ip, <script>'), trusted).address).toBe(
    '10.0.0.2',
  );
});

test('TRUST_PROXY accepts addresses, ranges and "loopback", and names a bad entry', () => {
  expect(parseTrustProxy(undefined).describe).toBe('none');
  expect(parseTrustProxy('').trusts('127.0.0.1')).toBe(false);
  const loopback = parseTrustProxy('loopback');
  expect(loopback.trusts('127.0.0.1')).toBe(true);
  expect(loopback.trusts('::ffff:127.0.0.5')).toBe(true);
  expect(loopback.trusts('::1')).toBe(true);
  expect(loopback.trusts('10.0.0.1')).toBe(false);
  expect(parseTrustProxy('2001:db8::/32').trusts('2001:db8::1')).toBe(true);
  for (const bad of ['localhost', '10.0.0.0/33', '1.2.3.4/8/1', '::1/129', '10.0.0.0/x']) {
    expect(() => parseTrustProxy(bad)).toThrow(`"${bad}"`);
  }
  expect(normaliseAddress(' FE80::1 ')).toBe('fe80::1');
});
