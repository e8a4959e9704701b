import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../import/run';
import { startServer } from '../start';
import { importText } from './import-set';

/*
 * The process the crash test kills (server/crash.test.ts): the real server on a SQLite file,
 * importing one file after another. Import n sets every row of a fixed set to the value n (a
 * headline, history points, district entries), so a torn import would show as mixed values.
 * After each commit it prints "committed n": the acknowledgement the test holds it to.
 *
 *   node --import tsx server/crash/import-loop.ts DATABASE_FILE FIRST_N
 */
async function main(): Promise<void> {
  const [file = '', first = '1'] = process.argv.slice(2);
  const server = await startServer({
    database: { kind: 'sqlite', file },
    distDir: null,
    port: 0,
    hostname: '127.0.0.1',
  });
  const csv = join(`${file}.import.csv`);
  process.stdout.write(`ready ${server.url}\n`);
  for (let n = Number(first); ; n++) {
    writeFileSync(csv, importText(n));
    await importFile(server.repository, csv);
    server.invalidate();
    process.stdout.write(`committed ${n}\n`);
  }
}

void main();
