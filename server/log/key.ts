import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  isValidKeyName,
  parseSignerKey,
} from '../../src/transparency/note';
import type { LogIdentity } from './append';

/*
 * The log's signing key: made on first start, kept in DATA_DIR as a C2SP signer key
 * ("PRIVATE+KEY+<name>+<id>+<base64>") with file mode 0600, never logged. Its name is the log's
 * origin; a key whose name is not the configured origin is refused (the origin never changes:
 * a new origin is a new log, with a new key file).
 */

export const LOG_KEY_FILE = 'log-signing.key';

/**
 * The log's key and origin. `origin` is LOG_ORIGIN when set; unset, the existing key's name
 * decides, and a first start takes `fallback` (made from PUBLIC_URL), so the origin stays what it
 * was on the first start even if PUBLIC_URL changes later.
 */
export async function loadLogIdentity(
  dataDir: string,
  configured: string | null,
  fallback: string = configured ?? 'localhost/ashyq-log',
): Promise<LogIdentity> {
  const file = path.join(dataDir, LOG_KEY_FILE);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const kept = existing === null ? null : await parseSignerKey(existing.trim());
  if (existing !== null && kept === null) throw new Error(`${file} is not a signing key`);
  const origin = configured ?? kept?.name ?? fallback;
  if (!isValidKeyName(origin)) {
    throw new Error(`LOG_ORIGIN: "${origin}" is not a log name (no spaces, no "+")`);
  }
  if (kept) {
    const signer = kept;
    if (signer.name !== origin) {
      throw new Error(
        `${file} signs for the log "${signer.name}", not "${origin}": a log's origin never ` +
          'changes (move the key file away to start a new log)',
      );
    }
    return { origin, signer };
  }
  const { seed, signer } = await generateSigner(origin);
  await mkdir(dataDir, { recursive: true });
  // "wx": never overwrite a key another process made at the same moment.
  await writeFile(file, `${await formatSignerKey(origin, seed)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return { origin, signer };
}

/** The verifier key as one line: "<name>+<key id>+<base64>" (served at /log/key). */
export const verifierKeyOf = (identity: LogIdentity) =>
  formatVerifierKey(identity.origin, identity.signer.publicKey);
