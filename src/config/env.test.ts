import { expect, test } from 'vitest';
import { parseEnv } from './env';

test('no API URL means the embedded mock API', () => {
  expect(parseEnv({}).VITE_API_URL).toBeUndefined();
  expect(parseEnv({ VITE_API_URL: '' }).VITE_API_URL).toBeUndefined();
});

test('a real API URL is kept without a trailing slash', () => {
  expect(parseEnv({ VITE_API_URL: 'https://api.example.kz/' }).VITE_API_URL).toBe('https://api.example.kz');
});

test('a bad value is named in the error', () => {
  expect(() => parseEnv({ VITE_API_URL: 'not a url' })).toThrow(/VITE_API_URL/);
});

test('"/" means the API is on the server that serves the app', () => {
  expect(parseEnv({ VITE_API_URL: '/' }).VITE_API_URL).toBe('');
});

test('a pinned log key is kept; unset or empty means each browser pins what it first sees', () => {
  const key = 'ashyq.example/log+0a1b2c3d+AYz/9w==';
  expect(parseEnv({ VITE_LOG_KEY: key }).VITE_LOG_KEY).toBe(key);
  expect(parseEnv({ VITE_LOG_KEY: '' }).VITE_LOG_KEY).toBeUndefined();
  expect(parseEnv({}).VITE_LOG_KEY).toBeUndefined();
  expect(() => parseEnv({ VITE_LOG_KEY: 'not a key' })).toThrow(/VITE_LOG_KEY/);
});
