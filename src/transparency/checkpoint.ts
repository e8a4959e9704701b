import { type Bytes, concat, fromBase64, parseDecimal, toBase64, utf8 } from './bytes';
import { HASH_SIZE } from './merkle';
import { COSIGNATURE_V1, isValidKeyName, keyId } from './note';

/*
 * C2SP tlog-checkpoint: the note text "<origin>\n<size>\n<base64 root>\n" (extension lines are
 * allowed by the format; Ashyq writes none), and C2SP tlog-cosignature, a witness's timestamped
 * signature over it.
 */

export interface Checkpoint {
  origin: string;
  size: number;
  root: Bytes;
  /** Lines after the root; read, never written. */
  extensions: string[];
}

export function formatCheckpoint({
  origin,
  size,
  root,
}: Pick<Checkpoint, 'origin' | 'size' | 'root'>): string {
  if (origin === '' || origin.includes('\n'))
    throw new Error('a checkpoint needs a one-line origin');
  if (!Number.isSafeInteger(size) || size < 0)
    throw new Error('a checkpoint size is a whole number');
  if (root.length !== HASH_SIZE) throw new Error('a checkpoint root is 32 bytes');
  return `${origin}\n${size}\n${toBase64(root)}\n`;
}

/** Parses checkpoint text strictly; null when it is not one (or not of `origin`, when given). */
export function parseCheckpoint(text: string, origin?: string): Checkpoint | null {
  if (!text.endsWith('\n')) return null;
  const [first = '', sizeLine = '', rootLine = '', ...extensions] = text.slice(0, -1).split('\n');
  if (first === '' || (origin !== undefined && first !== origin)) return null;
  const size = parseDecimal(sizeLine);
  const root = fromBase64(rootLine);
  if (size === null || root === null || root.length !== HASH_SIZE) return null;
  if (extensions.some((line) => line === '')) return null;
  return { origin: first, size, root, extensions };
}

/** What a witness signs: "cosignature/v1\ntime <t>\n" then the checkpoint text. */
export function cosignatureMessage(checkpointText: string, timestamp: number): Bytes {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

export interface Cosignature {
  timestamp: number;
  signature: Bytes;
}

/** A cosignature's bytes after the key ID: u64 big-endian timestamp ‖ 64-byte Ed25519 signature. */
export function parseCosignature(bytes: Uint8Array): Cosignature | null {
  if (bytes.length !== 72) return null;
  const timestamp = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { timestamp: Number(timestamp), signature: bytes.slice(8) };
}

export function encodeCosignature({ timestamp, signature }: Cosignature): Bytes {
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, BigInt(timestamp));
  return concat(time, signature);
}

/** A witness's key ID is computed with type 0x04, never 0x01. */
export function cosignerKeyId(name: string, publicKey: Uint8Array): Promise<string> {
  if (!isValidKeyName(name)) throw new Error(`invalid key name "${name}"`);
  return keyId(name, COSIGNATURE_V1, publicKey);
}
