import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { createAccountBodySchema, roleSchema, usernameSchema } from '../src/contract/accounts';
import { describeIssues } from '../src/contract/common';
import { type AccountAction, accountAction, createAccount } from './auth/account-admin';
import { accountRowByUsername, listAccounts } from './auth/accounts';
import { cliActor } from './auth/actor';
import { AuthError } from './auth/errors';
import { homeRegionId } from './audit/write';
import { readConfig } from './config';
import type { Database } from './db/schema';
import { prepareDatabase } from './start';

/*
 * npm run user -- COMMAND: accounts from the server's shell, on the same database the server
 * uses (DATA_DIR or DATABASE_URL). There is no default account: the first admin is made here.
 * Every change is audited with the actor "cli"; sessions live in the database, so disabling an
 * account or resetting its password here signs it out of a running server at once.
 */
const USAGE = `Usage: npm run user -- COMMAND
  create --name USERNAME --role admin[,editor,reviewer,verifier] [--display-name "…"] [--organisation "…"]
  list
  disable --name USERNAME
  enable --name USERNAME
  reset-password --name USERNAME
  reset-mfa --name USERNAME
  unlock --name USERNAME`;

class UsageError extends Error {}

const ACTIONS = new Set<string>(['disable', 'enable', 'reset-password', 'reset-mfa', 'unlock']);

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        'display-name': { type: 'string' },
        organisation: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

const messages = (error: { issues: { message: string }[] }) =>
  error.issues.map((issue) => issue.message).join('; ');

async function run(db: Kysely<Database>, argv: string[]): Promise<void> {
  const { values, positionals } = parseOptions(argv);
  const [command, ...extra] = positionals;
  if (!command || extra.length > 0) throw new UsageError(USAGE);
  const actor = cliActor(await homeRegionId(db));
  const now = new Date();

  if (command === 'list') {
    for (const a of await listAccounts(db, actor.regionId, now)) {
      const state = [
        a.disabled && 'disabled',
        a.mustChangePassword && 'must change password',
        !a.mfaEnabled && 'no authenticator',
        a.throttled && 'throttled',
      ].filter(Boolean);
      console.info(
        `${a.username}\t${a.roles.join(',')}\t${a.displayName}${state.length ? `\t(${state.join(', ')})` : ''}`,
      );
    }
    return;
  }

  const name = usernameSchema.safeParse(values.name);
  if (!name.success)
    throw new UsageError(
      `--name: ${values.name === undefined ? 'required' : messages(name.error)}\n${USAGE}`,
    );

  if (command === 'create') {
    const roles = (values.role ?? '')
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean);
    const body = createAccountBodySchema.safeParse({
      username: name.data,
      roles,
      displayName: values['display-name'],
      organisation: values.organisation,
    });
    if (!body.success) {
      const bad = roles.find((role) => !roleSchema.safeParse(role).success);
      throw new UsageError(
        bad
          ? `--role: unknown role "${bad}" (admin, editor, reviewer, verifier)`
          : `${describeIssues(body.error)}\n${USAGE}`,
      );
    }
    const created = await createAccount(db, actor, body.data, now);
    console.info(`Created ${created.account.username} (${created.account.roles.join(', ')}).`);
    printOneTimePassword(created.oneTimePassword, created.expiresAt);
    return;
  }

  if (!ACTIONS.has(command)) throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
  const row = await accountRowByUsername(db, name.data);
  if (!row) throw new AuthError(404, 'not_found', `No account named "${name.data}".`);
  const result = await accountAction(
    db,
    { ...actor, regionId: row.region_id },
    row.id,
    command as AccountAction,
    now,
  );
  console.info(`${command}: done for ${row.username}.`);
  if (result.oneTimePassword && result.expiresAt)
    printOneTimePassword(result.oneTimePassword, result.expiresAt);
}

function printOneTimePassword(password: string, expiresAt: string) {
  console.info(`one-time password: ${password}`);
  console.info(
    `It works once, until ${expiresAt}; it must be changed at the first sign-in, which also sets up the authenticator.`,
  );
}

async function main(): Promise<number> {
  const { db, repository } = await prepareDatabase(readConfig().database);
  try {
    await run(db, process.argv.slice(2));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    if (
      error instanceof AuthError ||
      (error instanceof Error && error.name === 'TypeError' && 'code' in error)
    ) {
      console.error(error.message);
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
    console.error(`user: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
