/**
 * An open-loop load: requests arrive at random times (a Poisson process) at `rate` a second over
 * up to `connections` keep-alive connections, as a crowd of readers does, and each one's time to
 * its last byte is kept. autocannon's paced mode sends each tick's requests in one burst, so its
 * p99 measures the burst, not the server; this one measures how long an answer waits.
 */
import http from 'node:http';

export async function pacedLoad(url, { rate = 1000, connections = 100, seconds = 10 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const times = [];
  let errors = 0;
  let pending = 0;
  const one = () =>
    new Promise((resolve) => {
      const start = process.hrtime.bigint();
      pending += 1;
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.once('end', () => {
          if (response.statusCode === 200)
            times.push(Number(process.hrtime.bigint() - start) / 1e6);
          else errors += 1;
          pending -= 1;
          resolve();
        });
      });
      request.once('error', () => {
        errors += 1;
        pending -= 1;
        resolve();
      });
    });
  const until = performance.now() + seconds * 1000;
  let next = performance.now();
  const sent = [];
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < until) {
        sent.push(one());
        next += -Math.log(1 - Math.random()) * (1000 / rate);
      }
      if (now >= until) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(sent);
  agent.destroy();
  const sorted = times.sort((a, b) => a - b);
  const at = (p) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;
  return {
    reqPerSec: Math.round(sorted.length / seconds),
    p50: at(0.5),
    p99: at(0.99),
    errors,
    pending,
  };
}
