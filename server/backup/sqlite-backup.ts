import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { migrations } from '../db/migrations';
import { DATASET_VERSION_KEY } from '../db/seed';

/** A backup or restore that must not go ahead, with a sentence saying why. */
export class BackupError extends Error {}

const SQLITE_HEADER = 'SQLite format 3\0';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface BackupSummary {
  file: string;
  bytes: number;
  datasetVersion: number;
  migrations: string[];
}

/**
 * Checks that `file` is an intact Ashyq database this version can read: a SQLite file, whole
 * (`PRAGMA integrity_check`), with our migration table and dataset version, and no migration
 * this code does not know (a backup from a newer version). Throws BackupError naming the problem.
 */
export function inspectBackup(file: string): BackupSummary {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
    throw new BackupError(`${file} is not a SQLite database`);
  }
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened: ${messageOf(error)}`);
  }
  try {
    let problems: string[];
    try {
      problems = db
        .prepare('PRAGMA integrity_check')
        .pluck()
        .all()
        .map(String)
        .filter((line) => line !== 'ok');
    } catch (error) {
      throw new BackupError(`${file} is damaged: ${messageOf(error)}`);
    }
    if (problems.length > 0)
      throw new BackupError(`${file} is damaged: ${problems.slice(0, 3).join('; ')}`);
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all().map(String),
    );
    if (!tables.has('kysely_migration') || !tables.has('meta') || !tables.has('metrics')) {
      throw new BackupError(`${file} is a SQLite database, but not one of Ashyq's`);
    }
    const applied = db
      .prepare('SELECT name FROM kysely_migration ORDER BY name')
      .pluck()
      .all()
      .map(String);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      throw new BackupError(
        `${file} comes from a newer version of Ashyq (migrations ${unknown.join(', ')}); upgrade first`,
      );
    }
    const version = db
      .prepare('SELECT value FROM meta WHERE key = ?')
      .pluck()
      .get(DATASET_VERSION_KEY);
    if (version === undefined)
      throw new BackupError(`${file} has no dataset version: not a complete Ashyq database`);
    const bytes = db
      .prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()')
      .pluck()
      .get();
    return {
      file,
      bytes: Number(bytes),
      datasetVersion: Number(version),
      migrations: applied,
    };
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of a live database (SQLite's online backup API: the server may keep reading
 * and writing meanwhile), written next to `target` and renamed into place only once it checks
 * out, so a failed or interrupted backup never leaves a half-written file under the name.
 */
export async function backupSqlite(databaseFile: string, target: string): Promise<BackupSummary> {
  if (!existsSync(databaseFile)) throw new BackupError(`There is no database at ${databaseFile}`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  try {
    const summary = inspectBackup(partial);
    renameSync(partial, target);
    return { ...summary, file: target };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Replaces the database with a backup, after checking the backup (inspectBackup). The copy goes
 * through SQLite's backup API into the database file itself, under its locks, so the WAL and the
 * file stay consistent. Stop the server first: its caches would not know the data changed.
 */
export async function restoreSqlite(
  backupFile: string,
  databaseFile: string,
): Promise<BackupSummary> {
  const summary = inspectBackup(backupFile);
  const source = new SQLite(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  // The restored file is checked where it now lives, as the server will open it.
  const restored = inspectBackup(databaseFile);
  if (restored.datasetVersion !== summary.datasetVersion) {
    throw new BackupError(`${databaseFile} does not match ${backupFile} after restoring`);
  }
  return restored;
}
