import { resolve } from 'node:path';
import { backupLogKey, finishLogKeyRestore, prepareLogKeyRestore } from './backup/log-key-backup';
import { BackupError, backupSqlite, restoreSqlite } from './backup/sqlite-backup';
import { readConfig } from './config';

/*
 * npm run backup -- FILE    a consistent copy of the SQLite database, while the server runs
 * npm run restore -- FILE   puts a backup back, after checking it is whole and Ashyq's (stop the
 *                           server first)
 *
 * The same variables as the server (DATA_DIR). With DATABASE_URL (PostgreSQL), use pg_dump and
 * pg_restore (README). What a backup holds is the database file and, when the transparency log
 * and its signing key exist, the key as one more part, FILE.log-key (mode 0600: keep it as
 * secret as the key itself), checked the same way: it must be the key that signed the log in
 * that database. A restore puts both back, or neither.
 */
const USAGE = 'Usage: npm run backup -- FILE   |   npm run restore -- FILE';

async function main(): Promise<number> {
  const [command, file, ...rest] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const { database, transparencyLog } = readConfig();
  const { dataDir } = transparencyLog;
  if (database.kind !== 'sqlite') {
    console.error(
      `DATABASE_URL points at PostgreSQL: back it up with pg_dump and restore it with pg_restore (README, "Backups").`,
    );
    return 2;
  }
  const target = resolve(file);
  try {
    if (command === 'backup') {
      const summary = await backupSqlite(database.file, target);
      const keyPart = await backupLogKey(dataDir, target);
      console.info(
        `Backed up ${database.file} to ${summary.file} (${summary.bytes} bytes, data version ${summary.datasetVersion}, integrity ok).`,
      );
      if (keyPart)
        console.info(`The log's signing key is in ${keyPart} (secret: keep it with the backup).`);
    } else {
      // The key is checked first: a restore that could not go on signing is refused whole.
      const key = await prepareLogKeyRestore(target, dataDir);
      const summary = await restoreSqlite(target, database.file);
      const keyFile = finishLogKeyRestore(key);
      console.info(
        `Restored ${target} into ${database.file} (data version ${summary.datasetVersion}, integrity ok). Start the server again.`,
      );
      if (keyFile) console.info(`The log's signing key is back in ${keyFile}.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`${command === 'backup' ? 'Backup' : 'Restore'} refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
