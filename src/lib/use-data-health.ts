import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';

export interface DataHealth {
  /** When the newest data on screen was fetched (or saved, if restored). */
  lastUpdated: number | null;
  /** When requests started failing; null while the API answers. */
  offlineSince: number | null;
}

/**
 * Watches every query: data older than its latest failed attempt means the API is unreachable and
 * the screen shows the last good data. Recovers by itself on the next successful fetch.
 */
export function useDataHealth(): DataHealth {
  const client = useQueryClient();
  const since = useRef<number | null>(null);
  const cache = useRef<{ key: string; value: DataHealth }>({
    key: '',
    value: { lastUpdated: null, offlineSince: null },
  });

  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    [client],
  );
  const snapshot = useCallback((): DataHealth => {
    const states = client
      .getQueryCache()
      .getAll()
      .map((query) => query.state);
    const withData = states.filter((state) => state.data !== undefined);
    const lastUpdated =
      withData.length > 0 ? Math.max(...withData.map((s) => s.dataUpdatedAt)) : null;
    const failing = states.some((state) => state.errorUpdatedAt > state.dataUpdatedAt);
    if (!failing) since.current = null;
    else if (since.current === null) since.current = Date.now();
    const key = `${lastUpdated}:${since.current}`;
    if (cache.current.key !== key)
      cache.current = { key, value: { lastUpdated, offlineSince: since.current } };
    return cache.current.value;
  }, [client]);

  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
