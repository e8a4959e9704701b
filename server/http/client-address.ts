import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Who sent a request, as far as we can believe it. Forwarded headers (X-Forwarded-For,
 * X-Forwarded-Proto) are believed only when the connection comes from a proxy named in
 * TRUST_PROXY; otherwise anyone could write any address there and escape a per-address limit.
 */
export interface ClientInfo {
  /** The client's IP address (IPv4-mapped IPv6 written as IPv4), or 'unknown'. */
  address: string;
  /** The client reached us over https (directly, or through a trusted proxy that says so). */
  https: boolean;
}

export interface TrustedProxies {
  trusts(address: string): boolean;
  /** For the start-up line and tests: what TRUST_PROXY said, or 'none'. */
  describe: string;
}

export const TRUST_NONE: TrustedProxies = { trusts: () => false, describe: 'none' };

/** `::ffff:10.0.0.1` → `10.0.0.1`: one address, one spelling. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped?.[1] ?? trimmed).toLowerCase();
}

/**
 * TRUST_PROXY: a comma-separated list of proxy addresses or CIDR ranges (`127.0.0.1`,
 * `10.0.0.0/8`, `::1`), or `loopback` for 127.0.0.0/8 and ::1. Unset or empty: trust no one.
 * Throws a message naming the entry that is wrong.
 */
export function parseTrustProxy(value: string | undefined): TrustedProxies {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return TRUST_NONE;
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= max))
    ) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address, a CIDR range or "loopback"`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return {
    trusts: (candidate) => {
      const address = normaliseAddress(candidate);
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
    describe: entries.join(','),
  };
}

/**
 * The client behind a chain of proxies: starting from the socket's peer, each hop that is a
 * trusted proxy hands over to the address it names (X-Forwarded-For, read right to left); the
 * first untrusted address is the client.
 */
export function resolveClient(
  request: {
    remoteAddress: string | undefined;
    forwardedFor: string | undefined;
    forwardedProto: string | undefined;
    encrypted: boolean;
  },
  trusted: TrustedProxies,
): ClientInfo {
  const peer = request.remoteAddress ? normaliseAddress(request.remoteAddress) : 'unknown';
  if (!trusted.trusts(peer)) return { address: peer, https: request.encrypted };
  const hops = (request.forwardedFor ?? '')
    .split(',')
    .map((hop) => normaliseAddress(hop))
    .filter((hop) => isIP(hop) !== 0);
  let address = peer;
  while (hops.length > 0 && trusted.trusts(address)) address = hops.pop() ?? address;
  // The proxy nearest to us says how the client reached it.
  const proto = request.forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return { address, https: proto === undefined ? request.encrypted : proto === 'https' };
}

const firstHeader = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(',') : value;

/** The client of a Node request (what start.ts computes once per request). */
export function clientOfIncoming(incoming: IncomingMessage, trusted: TrustedProxies): ClientInfo {
  return resolveClient(
    {
      remoteAddress: incoming.socket.remoteAddress,
      forwardedFor: firstHeader(incoming.headers['x-forwarded-for']),
      forwardedProto: firstHeader(incoming.headers['x-forwarded-proto']),
      encrypted: 'encrypted' in incoming.socket && incoming.socket.encrypted === true,
    },
    trusted,
  );
}

const clients = new WeakMap<object, ClientInfo>();
const UNKNOWN: ClientInfo = { address: 'unknown', https: false };

/** Remembers a request's client (start.ts, once per request, before Hono sees it). */
export function rememberClient(incoming: IncomingMessage, client: ClientInfo): void {
  clients.set(incoming, client);
}

/**
 * The client of the request a Hono handler is answering: use this for audit rows, throttles and
 * logs. Requests made without a server (`app.request()` in tests) are 'unknown'.
 */
export function clientOf(c: Context): ClientInfo {
  const env: unknown = c.env;
  const incoming =
    typeof env === 'object' && env !== null && 'incoming' in env ? env.incoming : undefined;
  return (typeof incoming === 'object' && incoming !== null && clients.get(incoming)) || UNKNOWN;
}
