import { QueryClient } from '@tanstack/react-query';
import { afterEach, expect, test } from 'vitest';
import { z } from 'zod/mini';
import { persistQueries, restoreQueries } from './persist-queries';

const key = 'test:last-good-data';
const queries = [{ queryKey: ['answer'], schema: z.object({ answer: z.number() }) }];
const stored = () => JSON.parse(localStorage.getItem(key) ?? 'null') as { savedAt: number } | null;

afterEach(() => localStorage.clear());

test('data fetched before the subscription began is saved at once', () => {
  const client = new QueryClient();
  client.setQueryData(['answer'], { answer: 42 });
  const stop = persistQueries(client, key, queries);
  expect(stored()).toMatchObject({ entries: { '["answer"]': { answer: 42 } } });
  stop();
});

test('data restored from storage is not saved again as if it were new', () => {
  localStorage.setItem(
    key,
    JSON.stringify({ savedAt: 1000, entries: { '["answer"]': { answer: 1 } } }),
  );
  const client = new QueryClient();
  expect(restoreQueries(client, key, queries)).toBe(1000);
  const stop = persistQueries(client, key, queries);
  expect(stored()?.savedAt).toBe(1000);
  stop();
});

test('each later successful fetch is saved', async () => {
  const client = new QueryClient();
  const stop = persistQueries(client, key, queries);
  expect(stored()).toBeNull();
  await client.fetchQuery({ queryKey: ['answer'], queryFn: () => ({ answer: 7 }) });
  expect(stored()).toMatchObject({ entries: { '["answer"]': { answer: 7 } } });
  stop();
});
