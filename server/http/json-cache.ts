import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { DatasetVersion } from './dataset-version';

/** One answer, serialised once per dataset version: identity and gzip bodies and their ETag. */
export interface CachedJson {
  /** null: the resource does not exist (the handler answers 404). */
  body: Uint8Array<ArrayBuffer> | null;
  gzip: Uint8Array<ArrayBuffer> | null;
  etag: string;
}

/** Bodies smaller than this are sent as they are: gzip would save next to nothing. */
const GZIP_THRESHOLD = 1024;

function serialise(value: unknown): CachedJson {
  if (value === null) return { body: null, gzip: null, etag: '' };
  const body = new TextEncoder().encode(JSON.stringify(value));
  const hash = createHash('sha1').update(body).digest('base64url').slice(0, 27);
  return {
    body,
    gzip: body.byteLength >= GZIP_THRESHOLD ? new Uint8Array(gzipSync(body)) : null,
    // Weak: the gzip and identity bodies are the same representation, so one tag serves both.
    etag: `W/"${hash}"`,
  };
}

/**
 * Serialised API answers keyed by path and query, valid for one dataset version. Concurrent
 * misses share one database read. The number of keys is bounded (filters in URLs are user input).
 */
export class JsonCache {
  private readonly entries = new Map<
    string,
    { version: string; value: Promise<CachedJson>; ready?: CachedJson }
  >();

  constructor(
    private readonly version: DatasetVersion,
    private readonly maxEntries = 500,
  ) {}

  /**
   * The answer when it is ready and current, without a promise: the hot path. A handler that
   * answers synchronously lets Hono and @hono/node-server skip their async machinery.
   */
  peek(key: string): CachedJson | null {
    const version = this.version.peek();
    const entry = version === null ? undefined : this.entries.get(key);
    return entry?.version === version ? (entry?.ready ?? null) : null;
  }

  async get(key: string, load: () => Promise<unknown>): Promise<CachedJson> {
    const version = await this.version.current();
    const existing = this.entries.get(key);
    if (existing && existing.version === version) return existing.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entry: { version: string; value: Promise<CachedJson>; ready?: CachedJson } = {
      version,
      value: load().then(serialise),
    };
    this.entries.set(key, entry);
    entry.value.then(
      (ready) => {
        // Unknown ids are not kept: made-up URLs must not push real answers out of the cache.
        if (ready.body !== null) entry.ready = ready;
        else if (this.entries.get(key) === entry) this.entries.delete(key);
      },
      // A failed read is not remembered: the next request tries again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}
