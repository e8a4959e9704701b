// @vitest-environment node
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { readConfig } from './config';

test('no configuration: port 4173 on loopback, SQLite under ./data, dashboard from ./dist', () => {
  expect(readConfig({})).toMatchObject({
    port: 4173,
    hostname: '127.0.0.1',
    distDir: resolve('dist'),
    database: { kind: 'sqlite', file: resolve('data', 'ashyq.sqlite') },
    auth: {
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 8,
      publicUrl: null,
      now: expect.any(Function),
    },
  });
  // Empty variables count as unset (a CI file may export them empty).
  expect(readConfig({ PORT: '', DATABASE_URL: '' }).database.kind).toBe('sqlite');
});

test('DATA_DIR, PORT, HOST and DATABASE_URL are honoured', () => {
  const config = readConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/srv/ashyq' });
  expect(config).toMatchObject({
    port: 0,
    hostname: '0.0.0.0',
    database: { kind: 'sqlite', file: '/srv/ashyq/ashyq.sqlite' },
  });
  expect(readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/ashyq' }).database).toEqual({
    kind: 'postgres',
    url: 'postgres://u:p@db:5432/ashyq',
  });
});

test('a bad variable stops start-up with a message naming it', () => {
  expect(() => readConfig({ PORT: 'eighty' })).toThrow('PORT: PORT must be a port number');
  expect(() => readConfig({ PORT: '70000' })).toThrow('PORT must be 0-65535');
  expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
    'DATABASE_URL: DATABASE_URL must be a postgres:// URL',
  );
});

test('session limits and PUBLIC_URL are read and checked', () => {
  const config = readConfig({
    SESSION_IDLE_MINUTES: '15',
    SESSION_ABSOLUTE_HOURS: '4',
    PUBLIC_URL: 'https://ashyq.example/',
  });
  expect(config.auth).toMatchObject({
    sessionIdleMinutes: 15,
    sessionAbsoluteHours: 4,
    publicUrl: 'https://ashyq.example',
  });
  expect(() => readConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(
    'SESSION_IDLE_MINUTES must be 1-1440',
  );
  expect(() => readConfig({ PUBLIC_URL: 'ashyq.example' })).toThrow(
    'PUBLIC_URL must be an http(s) URL',
  );
});

test('RATE_LIMIT, TRUST_PROXY, PUBLIC_URL and LOG_LEVEL: defaults, values and errors', () => {
  const defaults = readConfig({});
  expect(defaults).toMatchObject({ rateLimit: 600, publicUrl: null, logLevel: 'info' });
  expect(defaults.trustProxy.describe).toBe('none');
  const set = readConfig({
    RATE_LIMIT: '0',
    TRUST_PROXY: '10.0.0.0/8,loopback',
    PUBLIC_URL: 'https://figures.example.kz/',
    LOG_LEVEL: 'warn',
  });
  expect(set).toMatchObject({ rateLimit: 0, logLevel: 'warn' });
  expect(set.publicUrl?.href).toBe('https://figures.example.kz/');
  expect(set.trustProxy.trusts('10.2.3.4')).toBe(true);
  expect(() => readConfig({ RATE_LIMIT: '-1' })).toThrow('RATE_LIMIT');
  expect(() => readConfig({ TRUST_PROXY: 'my-proxy' })).toThrow('TRUST_PROXY: "my-proxy"');
  expect(() => readConfig({ PUBLIC_URL: 'ftp://x' })).toThrow('PUBLIC_URL');
  expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL');
});

test('LOG_WITNESSES: none by default; URL and key pairs; a wrong entry is named', () => {
  const vkey = 'witness.example+358fc9ff+BNJgnW4y9cDsyOASmfqPt85rodOzO1rfveeYK5SbWm7i';
  expect(readConfig({}).transparencyLog.witnesses).toEqual([]);
  expect(readConfig({ LOG_WITNESSES: '' }).transparencyLog.witnesses).toEqual([]);
  const [witness] = readConfig({ LOG_WITNESSES: `https://witness.example/api ${vkey}` })
    .transparencyLog.witnesses;
  expect(witness).toMatchObject({ url: 'https://witness.example/api/', name: 'witness.example' });
  expect(() => readConfig({ LOG_WITNESSES: vkey })).toThrow('LOG_WITNESSES: LOG_WITNESSES entry 1');
  expect(() =>
    readConfig({
      LOG_WITNESSES: `https://witness.example/ ${vkey.replace('358fc9ff', '358fc9fe')}`,
    }),
  ).toThrow('the key ID 358fc9fe does not match the key');
});
