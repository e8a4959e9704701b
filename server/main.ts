import { existsSync } from 'node:fs';
import { readConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './start';

/*
 * npm run serve (and npm start after the build): the API and the built dashboard on one port.
 * Configuration is the environment only (README): PORT, HOST, DATA_DIR, DATABASE_URL, DIST_DIR,
 * RATE_LIMIT, TRUST_PROXY, PUBLIC_URL, LOG_LEVEL.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const server = await startServer({ ...config, logger: createLogger(config.logLevel) });
  console.info(
    `[ashyq] ${server.describe}${server.seeded ? ' (created and seeded from mocks/fixtures)' : ''}`,
  );
  const dashboard = existsSync(config.distDir)
    ? `dashboard from ${config.distDir}`
    : `API only: no dashboard build at ${config.distDir} (npm run build)`;
  console.info(`[ashyq] Listening on ${server.url} (${dashboard})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`[ashyq] ${signal}: closing the server and the database`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[ashyq] Could not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    `[ashyq] Could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
