// @vitest-environment node
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { readConfig } from './config';

test('no configuration: port 4173 on loopback, SQLite under ./data, dashboard from ./dist', () => {
  expect(readConfig({})).toEqual({
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
  expect(() => readConfig({ PUBLIC_URL: 'ashyq.example' })).toThrow('PUBLIC_URL must be an origin');
});
