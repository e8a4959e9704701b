import { createHash } from 'node:crypto';

/*
 * RFC 6962 hashing with Node's synchronous SHA-256, for the server's own hot paths (appends and
 * proofs). The same bytes as the pure module's WebCrypto hashing (tests compare them); WebCrypto
 * sends every digest through the thread pool, which made an inclusion proof at 1M entries cost
 * milliseconds at p99.
 */

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

const digest = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

export const leafHashSync = (entry: Uint8Array) => digest(LEAF, entry);
export const nodeHashSync = (left: Uint8Array, right: Uint8Array) => digest(NODE, left, right);
