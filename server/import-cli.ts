import { readConfig } from './config';
import { accountRowByUsername } from './auth/accounts';
import { AuthError } from './auth/errors';
import { ImportError } from './import/errors';
import { readImportFile } from './import/read';
import { importFile } from './import/run';
import { submitBatch } from './review/batch';
import { actingFrom } from './review/workflow';
import { prepareDatabase, type PreparedDatabase } from './start';

/*
 * npm run import -- FILE: writes the figures of a .csv or .json file (format in the README) to
 * the same database the server uses (DATA_DIR or DATABASE_URL); a running server shows them
 * within a second. npm run import -- FILE --as USERNAME: submits the rows for review as that
 * editor, one batch, exactly as the browser's upload does; it never publishes anything.
 */
const USAGE = 'Usage: npm run import -- FILE.csv|FILE.json [--as USERNAME]';

function parseArgs(args: string[]): { file: string; as: string | null } | null {
  const [file, flag, username, ...rest] = args;
  if (!file || file.startsWith('--') || rest.length > 0) return null;
  if (flag === undefined) return { file, as: null };
  if (flag !== '--as' || !username) return null;
  return { file, as: username };
}

async function importDirectly({ repository, describe }: PreparedDatabase, file: string) {
  const summary = await importFile(repository, file);
  console.info(
    `Imported ${summary.rows} row${summary.rows === 1 ? '' : 's'} into ${describe}: ` +
      `${summary.headline} headline value(s), ${summary.series} history point(s), ` +
      `${summary.breakdown} district entr${summary.breakdown === 1 ? 'y' : 'ies'} ` +
      `(figures: ${summary.metrics.join(', ')}).`,
  );
}

async function submitAs({ db, describe }: PreparedDatabase, file: string, username: string) {
  const account = await accountRowByUsername(db, username.toLowerCase());
  if (!account || account.disabled) {
    throw new AuthError(403, 'forbidden', `No enabled account "${username}".`);
  }
  const rows = await readImportFile(file);
  const batch = await submitBatch(
    { db, now: () => new Date(), log: null, onPublicChange: () => {} },
    actingFrom(account, 'cli'),
    rows,
    `npm run import -- ${file} --as ${username}`,
  );
  console.info(
    `Submitted ${batch.revisions.length} row${batch.revisions.length === 1 ? '' : 's'} for review ` +
      `as ${account.username} into ${describe} (batch ${batch.id}). Nothing is published until a ` +
      'reviewer approves it at /manage/review.',
  );
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const prepared = await prepareDatabase(readConfig().database);
  try {
    await (args.as === null
      ? importDirectly(prepared, args.file)
      : submitAs(prepared, args.file, args.as));
    return 0;
  } catch (error) {
    if (error instanceof ImportError || error instanceof AuthError) {
      console.error(`${args.file}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await prepared.repository.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
