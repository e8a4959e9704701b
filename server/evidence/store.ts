import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EVIDENCE_MAX_BYTES } from '../../src/contract/revisions';
import { AuthError } from '../auth/errors';
import { contentMatches, type EvidenceType, MAGIC_BYTES } from './types';

/*
 * Evidence files on disk: DATA_DIR/evidence/<32 hex digits>, mode 0600, in a directory of mode
 * 0700. A body is written to a temporary name as it arrives (never held whole in memory), hashed
 * on the way, checked by its first bytes and its size, and only renamed into place when all of
 * it was good; anything else removes the temporary file.
 */
export const evidenceDirOf = (dataDir: string) => join(dataDir, 'evidence');

/** A server-made name: 128 random bits, nothing from the upload. */
const newStoredName = () => randomBytes(16).toString('hex');

const TEMPORARY_PREFIX = '.upload-';

/** Only names this module made may be opened (a stored name is never a path). */
export const isStoredName = (name: string) => /^[0-9a-f]{32}$/.test(name);

export interface StoredFile {
  storedName: string;
  size: number;
  sha256: string;
}

export const tooLargeError = () =>
  new AuthError(
    413,
    'payload_too_large',
    `The file is larger than ${EVIDENCE_MAX_BYTES} bytes (${EVIDENCE_MAX_BYTES / 1024 / 1024} MiB).`,
  );

/** Writes the body under `dir`; refuses (AuthError) an empty, oversized or mismatched one. */
export async function storeUpload(
  dir: string,
  body: ReadableStream<Uint8Array> | null,
  type: EvidenceType,
  maxBytes = EVIDENCE_MAX_BYTES,
): Promise<StoredFile> {
  if (!body) throw new AuthError(400, 'empty_file', 'The file is empty.');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const storedName = newStoredName();
  const temporary = join(dir, `${TEMPORARY_PREFIX}${storedName}`);
  const file = await open(temporary, 'wx', 0o600);
  const hash = createHash('sha256');
  const head = new Uint8Array(MAGIC_BYTES);
  let size = 0;
  let finished = false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > maxBytes) throw tooLargeError();
      if (size < MAGIC_BYTES) {
        head.set(value.subarray(0, MAGIC_BYTES - size), size);
        const seen = Math.min(MAGIC_BYTES, size + value.length);
        if (seen === MAGIC_BYTES && !contentMatches(type, head)) throw mismatch(type);
      }
      hash.update(value);
      await file.write(value);
      size += value.length;
    }
    if (size === 0) throw new AuthError(400, 'empty_file', 'The file is empty.');
    if (!contentMatches(type, head.subarray(0, Math.min(size, MAGIC_BYTES)))) throw mismatch(type);
    await file.chmod(0o600);
    await file.sync();
    await file.close();
    await rename(temporary, join(dir, storedName));
    finished = true;
    return { storedName, size, sha256: hash.digest('hex') };
  } finally {
    if (!finished) {
      await reader.cancel().catch(() => undefined);
      await file.close().catch(() => undefined);
      await rm(temporary, { force: true });
    }
  }
}

const mismatch = (type: EvidenceType) =>
  new AuthError(
    400,
    'content_mismatch',
    `The file's content is not ${type}: its first bytes do not match the type it was sent as.`,
  );

/** Removes a stored file (an upload whose database row could not be written). */
export async function removeStored(dir: string, storedName: string): Promise<void> {
  if (isStoredName(storedName)) await rm(join(dir, storedName), { force: true });
}

/**
 * Removes temporary files older than `olderThanMs` (an upload cut off by a crash or a restart);
 * an upload in progress is younger than the request timeout. Returns how many were removed.
 */
export async function sweepTemporary(dir: string, now: Date, olderThanMs = 3600_000) {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(TEMPORARY_PREFIX)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now.getTime() - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
