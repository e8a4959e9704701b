import { readConfig } from './config';
import { ImportError } from './import/errors';
import { importFile } from './import/run';
import { prepareDatabase } from './start';

/*
 * npm run import -- FILE: writes the figures of a .csv or .json file (format in
 * server/README-section.md) to the same database the server uses (DATA_DIR or DATABASE_URL).
 * A running server shows them within a second.
 */
async function main(): Promise<number> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) {
    console.error('Usage: npm run import -- FILE.csv|FILE.json');
    return 2;
  }
  const { repository, describe } = await prepareDatabase(readConfig().database);
  try {
    const summary = await importFile(repository, file);
    console.info(
      `Imported ${summary.rows} row${summary.rows === 1 ? '' : 's'} into ${describe}: ` +
        `${summary.headline} headline value(s), ${summary.series} history point(s), ` +
        `${summary.breakdown} district entr${summary.breakdown === 1 ? 'y' : 'ies'} ` +
        `(figures: ${summary.metrics.join(', ')}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await repository.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
