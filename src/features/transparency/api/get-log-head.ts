import { useQuery } from '@tanstack/react-query';
import { env } from '@/config/env';
import { toBase64 } from '@/transparency/bytes';
import { parseCheckpoint } from '@/transparency/checkpoint';
import { openNote, parseVerifierKey } from '@/transparency/note';

/** What the /transparency page shows: the log's key and its latest signed checkpoint. */
export type LogHead =
  | { kind: 'log'; key: string; origin: string; size: number; root: string }
  /** The server keeps no log (the mock API answers 404). */
  | { kind: 'none' };

const logUrl = (path: string) =>
  new URL(`${env.VITE_API_URL ?? ''}/log/${path}`, window.location.origin).toString();

async function fetchText(path: string, signal: AbortSignal): Promise<string | null> {
  const response = await fetch(logUrl(path), { signal, credentials: 'omit' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`/log/${path}: HTTP ${response.status}`);
  return response.text();
}

/** Fetches and checks them: the checkpoint must carry a good signature by the key served. */
export async function getLogHead(signal: AbortSignal): Promise<LogHead> {
  const [keyText, note] = await Promise.all([
    fetchText('key', signal),
    fetchText('checkpoint', signal),
  ]);
  if (keyText === null || note === null) return { kind: 'none' };
  const key = await parseVerifierKey(keyText.trim());
  // A server with no log may answer its page for any address: that is no key, so no log.
  if (key === null) return { kind: 'none' };
  const checkpoint = parseCheckpoint((await openNote(note, [key])).text, key.name);
  if (checkpoint === null) throw new Error('the checkpoint is not one of this log');
  return {
    kind: 'log',
    key: keyText.trim(),
    origin: checkpoint.origin,
    size: checkpoint.size,
    root: toBase64(checkpoint.root),
  };
}

export function useLogHead() {
  return useQuery({
    queryKey: ['log', 'head'],
    queryFn: ({ signal }) => getLogHead(signal),
    staleTime: 60_000,
    retry: 1,
  });
}
