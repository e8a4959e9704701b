import { rawRequest } from '../raw-http';
import { randomRequest, seeded } from './requests';

export interface FuzzResult {
  requests: number;
  seed: number;
  ms: number;
  /** Answers by status code; 0: the server closed the connection without an answer. */
  statuses: Record<string, number>;
  serverErrors: number;
  /** Requests of each kind that got a 5xx (what to look at first). */
  serverErrorKinds: Record<string, number>;
  /** No answer and no close within the client's timeout (the server held the connection). */
  hung: number;
}

/** Sends `count` random requests, `concurrency` at a time, each on its own connection. */
export async function fuzz(options: {
  port: number;
  count: number;
  seed?: number;
  concurrency?: number;
  timeoutMs?: number;
}): Promise<FuzzResult> {
  const seed = options.seed ?? 13;
  const random = seeded(seed);
  const statuses: Record<string, number> = {};
  const serverErrorKinds: Record<string, number> = {};
  let serverErrors = 0;
  let hung = 0;
  let sent = 0;
  const started = Date.now();
  const worker = async () => {
    while (sent < options.count) {
      sent += 1;
      const request = randomRequest(random);
      const answer = await rawRequest(options.port, request.bytes, {
        end: request.end,
        timeoutMs: options.timeoutMs ?? 5000,
      });
      if (!answer.closed && answer.status === 0) hung += 1;
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.status >= 500) {
        serverErrors += 1;
        serverErrorKinds[request.kind] = (serverErrorKinds[request.kind] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 32 }, worker));
  return {
    requests: sent,
    seed,
    ms: Date.now() - started,
    statuses,
    serverErrors,
    serverErrorKinds,
    hung,
  };
}
