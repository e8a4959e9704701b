/** Section `api`: autocannon against the real server's GET endpoints and the same JSON as a static file. */
import { benchApi, TARGETS as API_TARGETS } from './api-throughput.mjs';

export default { name: 'api', title: 'API server throughput', run: apiSection };

async function apiSection(ctx) {
  const connections = 100;
  const duration = 10;
  const rows = await benchApi({ connections, duration, log: (message) => ctx.log(message) });
  const apiRows = rows.filter((row) => row.kind === 'api');
  return {
    tables: [
      {
        title: `API vs the same JSON served as a static file by the same process (${connections} connections, ${duration} s each)`,
        columns: ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'ratio to static'],
        align: ['left', 'right', 'right', 'right', 'right'],
        rows: rows.map((row) => [
          row.endpoint,
          String(row.reqPerSec),
          String(row.p50),
          String(row.p99),
          `${Math.round(row.ratio * 100)} %`,
        ]),
      },
    ],
    targets: apiRows.flatMap((row) => [
      {
        label: `${row.endpoint} ≥ ${API_TARGETS.minRatioToStatic * 100} % of static throughput`,
        value: `${Math.round(row.ratio * 100)} %`,
        pass: row.ratio >= API_TARGETS.minRatioToStatic,
      },
      {
        label: `${row.endpoint} p99 < ${API_TARGETS.maxP99Ms} ms at ${connections} connections`,
        value: `${row.p99} ms`,
        pass: row.p99 < API_TARGETS.maxP99Ms,
        timing: true,
      },
    ]),
    data: rows,
  };
}
