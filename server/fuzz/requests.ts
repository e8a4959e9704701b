/**
 * Random and malformed HTTP/1.x requests as raw bytes, from a seeded generator (the same seed
 * gives the same requests, so a failure can be replayed). Each request is one of a few kinds:
 * plausible API and page requests with odd parameters, broken request lines and headers, wrong or
 * missing lengths, truncated and oversized bodies, odd methods, encodings and versions.
 */
import { CLEAN_VALUES, HEADERS, METHODS, ODD_SEGMENTS, PARAMS, PATHS, VALUES } from './vocabulary';

export type Random = () => number;

/** mulberry32: small, fast, and good enough to pick requests. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const int = (random: Random, max: number) => Math.floor(random() * max);

function path(random: Random): string {
  let base = pick(random, PATHS);
  const roll = random();
  if (roll < 0.25) base += `/${pick(random, ODD_SEGMENTS)}`;
  else if (roll < 0.3)
    base = `/${Array.from({ length: 1 + int(random, 40) }, () => pick(random, ODD_SEGMENTS)).join('/')}`;
  else if (roll < 0.32) base = `/${'a'.repeat(9000 + int(random, 9000))}`;
  else if (roll < 0.34)
    base = pick(random, ['*', 'http://example.com/api/v1/region', 'api/v1/region', '']);
  if (random() < 0.5) {
    const query = Array.from(
      { length: 1 + int(random, 4) },
      () => `${pick(random, PARAMS)}=${pick(random, VALUES)}`,
    );
    base += `?${query.join('&')}`;
  }
  return base;
}

/** One request as the bytes to send, and whether to close our side once they are sent. */
export function randomRequest(random: Random): { bytes: Buffer; end: boolean; kind: string } {
  // Half are requests a real client could send, with parameters from anywhere: they reach the
  // handlers. The other half break something.
  if (random() < 0.5) return plausibleRequest(random);
  const method = pick(random, METHODS);
  const target = path(random);
  const version =
    random() < 0.9
      ? 'HTTP/1.1'
      : pick(random, ['HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1', 'HTTPS/1.1', '']);
  const headers: string[] = [];
  if (random() < 0.95) headers.push('Host: 127.0.0.1');
  if (random() < 0.05) headers.push('Host: a', 'Host: b');
  for (let i = int(random, 4); i > 0; i--) {
    const [name, value] = pick(random, HEADERS);
    headers.push(`${name}: ${value()}`);
  }
  if (random() < 0.05)
    headers.push(`X-Bad${pick(random, [' ', '\u0001', ':', '(', '\u00e9'])}Name: x`);
  if (random() < 0.03) headers.push('X-Folded: a\r\n  continued');
  if (random() < 0.02) headers.push(...Array.from({ length: 200 }, (_, i) => `X-Many-${i}: ${i}`));

  let body = Buffer.alloc(0);
  let kind = 'plain';
  let end = true;
  const roll = random();
  if (roll < 0.1) {
    kind = 'json body';
    body = Buffer.from(
      pick(random, ['{}', '{"a":', '[1,2,3]', 'null', '{"__proto__":{"x":1}}', '\u0000\u0001']),
    );
    headers.push('Content-Type: application/json', `Content-Length: ${body.length}`);
  } else if (roll < 0.15) {
    kind = 'oversized body';
    body = Buffer.alloc(1024 * 1024 + 1 + int(random, 1024 * 1024), 0x61);
    headers.push(`Content-Length: ${body.length}`);
  } else if (roll < 0.2) {
    kind = 'truncated body';
    body = Buffer.from('x'.repeat(10 + int(random, 100)));
    headers.push(`Content-Length: ${body.length + 1 + int(random, 5000)}`);
  } else if (roll < 0.25) {
    kind = 'chunked body';
    headers.push('Transfer-Encoding: chunked');
    body = Buffer.from(
      pick(random, [
        '5\r\nhello\r\n0\r\n\r\n',
        'zz\r\nbad\r\n',
        '5\r\nhel',
        'ffffffffffff\r\n',
        '0\r\n\r\n',
      ]),
    );
  } else if (roll < 0.28) {
    kind = 'conflicting lengths';
    headers.push(
      pick(random, [
        'Content-Length: 5',
        'Content-Length: -1',
        'Content-Length: abc',
        'Content-Length: 1, 2',
      ]),
      'Transfer-Encoding: chunked',
    );
    body = Buffer.from('0\r\n\r\n');
  } else if (roll < 0.3) {
    kind = 'garbage';
    return {
      bytes: Buffer.from(Array.from({ length: 1 + int(random, 3000) }, () => int(random, 256))),
      end: true,
      kind,
    };
  } else if (roll < 0.32) {
    kind = 'headers never finished';
    end = true;
    return {
      bytes: Buffer.from(`${method} ${target} ${version}\r\nHost: x\r\nX-Slow: `),
      end,
      kind,
    };
  }
  const head = `${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`;
  return { bytes: Buffer.concat([Buffer.from(head, 'utf8'), body]), end, kind };
}

function plausibleRequest(random: Random): { bytes: Buffer; end: boolean; kind: string } {
  let target = pick(random, PATHS);
  if (random() < 0.6) {
    const query = Array.from(
      { length: 1 + int(random, 3) },
      () => `${pick(random, PARAMS)}=${encodeURIComponent(pick(random, CLEAN_VALUES))}`,
    );
    target += `?${query.join('&')}`;
  }
  // Like a browser, it waits for the answer before closing (Connection: close ends it then).
  const headers = ['Host: 127.0.0.1', 'Connection: close'];
  for (let i = int(random, 3); i > 0; i--) {
    const [name, value] = pick(random, HEADERS.slice(0, 12));
    headers.push(`${name}: ${value()}`);
  }
  const method = pick(random, ['GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'DELETE']);
  return {
    bytes: Buffer.from(`${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`),
    end: false,
    kind: 'plausible',
  };
}
