import { isIP } from 'node:net';

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until this address may ask again (when not allowed). */
  retryAfter: number;
}

/**
 * IPv6 clients usually hold a whole /64, so that is one client; an IPv4 address is one client.
 * Keeps someone with a /64 from escaping the limit by changing the low bits.
 */
export function limitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * A fixed window per minute and per client: `perMinute` requests, then 429 until the window
 * ends. `perMinute = 0` turns it off. The table is bounded: when it is full, windows that have
 * ended are dropped, and if none have, the oldest half goes (a flood of addresses cannot grow
 * memory without end).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 100_000,
  ) {}

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  hit(address: string): RateVerdict {
    if (!this.enabled) return { allowed: true, retryAfter: 0 };
    const key = limitKey(address);
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (!window && this.windows.size >= this.maxClients) this.prune(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return { allowed: true, retryAfter: 0 };
    return {
      allowed: false,
      retryAfter: Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)),
    };
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= 60_000) this.windows.delete(key);
    }
    if (this.windows.size < this.maxClients) return;
    let drop = Math.ceil(this.windows.size / 2);
    for (const key of this.windows.keys()) {
      if (drop-- <= 0) break;
      this.windows.delete(key);
    }
  }
}
