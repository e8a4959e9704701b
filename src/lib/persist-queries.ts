import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
import { z } from 'zod/mini';

/** A query whose last good data should survive a reload, and the schema that data must satisfy. */
export interface PersistedQuery {
  queryKey: QueryKey;
  schema: z.ZodMiniType;
}

const snapshotSchema = z.object({
  savedAt: z.number(),
  entries: z.record(z.string(), z.unknown()),
});

function readSnapshot(storageKey: string): z.infer<typeof snapshotSchema> | null {
  try {
    return snapshotSchema.parse(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return null;
  }
}

/**
 * Puts saved data back into the cache, for queries that have none yet. Stored data is parsed with
 * the contract like any response: a stale or tampered snapshot is ignored, never shown.
 * Returns when the data was saved, or null when nothing was restored.
 */
export function restoreQueries(
  client: QueryClient,
  storageKey: string,
  queries: PersistedQuery[],
): number | null {
  const snapshot = readSnapshot(storageKey);
  if (!snapshot) return null;
  let restored = 0;
  for (const { queryKey, schema } of queries) {
    if (client.getQueryData(queryKey) !== undefined) continue;
    const parsed = schema.safeParse(snapshot.entries[hashKey(queryKey)]);
    if (!parsed.success) continue;
    client.setQueryData(queryKey, parsed.data, { updatedAt: snapshot.savedAt });
    restored += 1;
  }
  return restored > 0 ? snapshot.savedAt : null;
}

/** Saves the queries' data whenever one of them fetches successfully. Returns an unsubscribe. */
export function persistQueries(
  client: QueryClient,
  storageKey: string,
  queries: PersistedQuery[],
): () => void {
  const watched = new Set(queries.map(({ queryKey }) => hashKey(queryKey)));
  const save = () => {
    const entries: Record<string, unknown> = {};
    for (const { queryKey } of queries) {
      const data = client.getQueryData(queryKey);
      if (data !== undefined) entries[hashKey(queryKey)] = data;
    }
    try {
      localStorage.setItem(storageKey, JSON.stringify({ savedAt: Date.now(), entries }));
    } catch {
      // Storage full or disabled: the kiosk still works, it just cannot survive a reload offline.
    }
  };
  // A query may have succeeded before this subscription began (React can run the effect that
  // calls this after the first fetches are in), so data newer than the stored snapshot is saved at
  // once. Data restored from that snapshot is not newer, and is not saved again as if fresh.
  const storedAt = readSnapshot(storageKey)?.savedAt ?? 0;
  if (
    queries.some(({ queryKey }) => (client.getQueryState(queryKey)?.dataUpdatedAt ?? 0) > storedAt)
  )
    save();
  return client.getQueryCache().subscribe((event) => {
    if (
      event.type === 'updated' &&
      event.action.type === 'success' &&
      watched.has(event.query.queryHash)
    )
      save();
  });
}
