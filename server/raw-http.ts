import { connect } from 'node:net';

/**
 * Raw HTTP/1.1 over a socket, for what fetch will not send: forged or malformed headers, wrong
 * lengths, truncated bodies. Resolves with the status line's code (0 when the server closed the
 * connection without an answer) and the whole reply once the server closes or `timeoutMs` passes.
 */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  { timeoutMs = 5000, end = true }: { timeoutMs?: number; end?: boolean } = {},
): Promise<{ status: number; text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      // The final answer's status: an interim 100 Continue may come first.
      const codes = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
      const status = codes.find((code) => code >= 200) ?? codes[0] ?? 0;
      resolve({ status, text, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(bytes, () => {
      if (end) socket.end();
    });
  });
}
