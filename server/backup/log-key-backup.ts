import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  openNote,
  parseSignerKey,
  parseVerifierKey,
  formatVerifierKey,
  type Signer,
} from '../../src/transparency/note';
import { LOG_KEY_FILE } from '../log/key';
import { BackupError } from './sqlite-backup';

/*
 * The log's signing key (DATA_DIR/log-signing.key) is the second part of a backup: without it a
 * restored log could not go on, and a new key would look to every reader like a forged log. It
 * is written next to the database copy as "<backup>.log-key" (mode 0600: it is a secret), and
 * checked the same way as the database: it must be a signing key, and it must be the key that
 * signed the latest checkpoint in that backup.
 */

export const keyPartOf = (backupFile: string) => `${backupFile}.log-key`;

/** The latest signed checkpoint in a database file, or null when it has no log (yet). */
function latestCheckpointIn(databaseFile: string): string | null {
  let db: SQLite.Database;
  try {
    db = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(
      `${databaseFile} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const hasLog = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_checkpoints'")
      .get();
    if (!hasLog) return null;
    const note = db
      .prepare('SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1')
      .pluck()
      .get();
    return typeof note === 'string' ? note : null;
  } finally {
    db.close();
  }
}

async function signs(signer: Signer, note: string): Promise<boolean> {
  const key = await parseVerifierKey(await formatVerifierKey(signer.name, signer.publicKey));
  if (key === null) return false;
  return openNote(note, [key]).then(
    () => true,
    () => false,
  );
}

/** Reads a key file and checks it signed the database's latest checkpoint (if there is one). */
async function checkedKey(keyFile: string, databaseFile: string): Promise<string> {
  const text = readFileSync(keyFile, 'utf8');
  const signer = await parseSignerKey(text.trim());
  if (signer === null) throw new BackupError(`${keyFile} is not a log signing key`);
  const note = latestCheckpointIn(databaseFile);
  if (note !== null && !(await signs(signer, note))) {
    throw new BackupError(
      `${keyFile} is not the key that signed the log in ${databaseFile} (another log's key?)`,
    );
  }
  return text;
}

/** Writes a secret file whole or not at all, mode 0600. */
function writeSecret(file: string, text: string): void {
  const partial = `${file}.partial`;
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(partial, { force: true });
  writeFileSync(partial, text, { mode: 0o600, flag: 'wx' });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/**
 * Copies DATA_DIR's signing key beside a database backup just taken. Returns the key part's
 * path, or null when this server has no log key (no log yet).
 */
export async function backupLogKey(dataDir: string, backupFile: string): Promise<string | null> {
  const keyFile = path.join(dataDir, LOG_KEY_FILE);
  const part = keyPartOf(backupFile);
  if (!existsSync(keyFile)) {
    if (latestCheckpointIn(backupFile) !== null) {
      throw new BackupError(`the database holds a signed log, but there is no ${keyFile}`);
    }
    // No log key: a stale key part from an earlier backup under this name must not pair with it.
    rmSync(part, { force: true });
    return null;
  }
  writeSecret(part, await checkedKey(keyFile, backupFile));
  return part;
}

/**
 * Checks, before the database is restored, that the backup's log can go on afterwards: its key
 * part signed its latest checkpoint, or (no key part) the key already in DATA_DIR did. Returns
 * what `finishLogKeyRestore` then puts in place. Throws BackupError, changing nothing.
 */
export async function prepareLogKeyRestore(
  backupFile: string,
  dataDir: string,
): Promise<{ keyText: string | null; keyFile: string }> {
  const part = keyPartOf(backupFile);
  const keyFile = path.join(dataDir, LOG_KEY_FILE);
  if (existsSync(part)) return { keyText: await checkedKey(part, backupFile), keyFile };
  if (latestCheckpointIn(backupFile) === null) return { keyText: null, keyFile };
  if (existsSync(keyFile)) {
    await checkedKey(keyFile, backupFile);
    return { keyText: null, keyFile };
  }
  throw new BackupError(
    `${backupFile} holds a signed log but its key (${part}) is missing: the restored log could not go on`,
  );
}

/** Puts the backup's key in DATA_DIR (after the database itself was restored). */
export function finishLogKeyRestore({
  keyText,
  keyFile,
}: {
  keyText: string | null;
  keyFile: string;
}) {
  if (keyText === null) return null;
  writeSecret(keyFile, keyText);
  return keyFile;
}
