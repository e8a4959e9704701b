/** Markdown output of the bench and the description of the machine it ran on. */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { CHROME_PATH, requireFromRoot } from './util.mjs';

export function markdownTable({ columns, rows, align = [] }) {
  const cells = [columns, ...rows].map((r) => r.map((c) => String(c ?? '').replace(/\|/g, '\\|')));
  const width = columns.map((_, i) => Math.max(3, ...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s, i) => {
    const n = width[i] - [...s].length;
    return align[i] === 'r'
      ? ' '.repeat(n) + s
      : align[i] === 'c'
        ? ' '.repeat(n >> 1) + s + ' '.repeat(n - (n >> 1))
        : s + ' '.repeat(n);
  };
  const line = (r) => `| ${r.map((c, i) => pad(c, i)).join(' | ')} |`;
  const rule = `| ${width
    .map((w, i) =>
      align[i] === 'r'
        ? '-'.repeat(w - 1) + ':'
        : align[i] === 'c'
          ? ':' + '-'.repeat(w - 2) + ':'
          : '-'.repeat(w),
    )
    .join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export function printTable(table) {
  const out = [`### ${table.title}`, ''];
  if (table.columns.length) out.push(markdownTable(table), '');
  for (const note of table.notes ?? []) out.push(`- ${note}`);
  if (table.notes?.length) out.push('');
  console.log(out.join('\n'));
}

export function environment() {
  const cpus = os.cpus();
  const version = (pkg) => {
    try {
      return requireFromRoot(`${pkg}/package.json`).version;
    } catch {
      return null;
    }
  };
  const chromium = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    chromium: (chromium.stdout || '').trim() || null,
    vite: version('vite'),
    lighthouse: version('lighthouse'),
    playwrightCore: version('playwright-core'),
  };
}
