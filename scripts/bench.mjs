#!/usr/bin/env node
/**
 * Ashyq performance bench: `npm run bench` (node scripts/bench.mjs).
 *
 * Prints a markdown report on stdout (progress goes to stderr, so `npm run bench > bench.md` is
 * clean) and writes the same results as JSON to bench-results/bench.json.
 *
 * Sections run in the order scripts/bench/sections.mjs lists them; pick with --only NAME,NAME.
 * Each section is a module of its own in scripts/bench/ (adding one: see sections.mjs). The
 * script exits 0 unless a section throws.
 *
 * Sizes are in kB = 1000 bytes (as Vite prints them); gzip is level 9, brotli quality 11.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseCli, usage } from './bench/cli.mjs';
import { createContext } from './bench/context.mjs';
import { environment, markdownTable, printTable } from './bench/report.mjs';
import { loadSections } from './bench/sections.mjs';
import { BUSY_OTHER_SHARE, cpuMeter, loadPerCore, percent } from './bench/cpu.mjs';
import { CHROME_PATH, ROOT, START } from './bench/util.mjs';

async function main() {
  const sections = await loadSections();
  let args;
  try {
    args = parseCli(process.argv.slice(2), sections);
  } catch (error) {
    console.error(`${error.message}\n\n${usage(sections)}`);
    return 2;
  }
  if (args.help) {
    console.log(usage(sections));
    return 0;
  }

  const ctx = createContext(args);
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    ctx.log(`${signal}: cleaning up`);
    ctx.cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const env = environment();
  console.log('# Ashyq bench\n');
  console.log(
    markdownTable({
      columns: ['', ''],
      rows: [
        ['date', env.date],
        ['node', env.node],
        ['CPU', `${env.cpu} × ${env.cores} cores`],
        ['memory', `${env.memoryGiB} GiB`],
        ['load average (1/5/15 min) at start', env.loadAverage.join(' / ')],
        ['OS', env.platform],
        ['browser', env.chromium ?? CHROME_PATH],
        [
          'vite / lighthouse / playwright-core',
          `${env.vite} / ${env.lighthouse} / ${env.playwrightCore}`,
        ],
        ['sections', args.sections.map((s) => s.name).join(', ') || '(none)'],
        [
          'build',
          args.build
            ? `vite build into ${path.relative(ROOT, args.outDir)}/`
            : `reused ${path.relative(ROOT, args.outDir)}/ (--no-build)`,
        ],
      ],
    }) + '\n',
  );

  const report = {
    env,
    args: { ...args, sections: args.sections.map((s) => s.name) },
    sections: {},
    targets: [],
    failed: [],
  };
  try {
    for (const section of args.sections) {
      const t0 = Date.now();
      const loadAtStart = loadPerCore();
      const meter = cpuMeter();
      ctx.log(`section ${section.name}`);
      console.log(`## ${section.title}\n`);
      try {
        const result = await section.run(ctx);
        for (const table of result.tables ?? []) printTable(table);
        // A target measured in time (`timing: true`) is not a pass on a busy machine: other work
        // took the CPU, so the figure says little either way. Sizes and counts are not affected.
        // "Other work" is CPU time outside the bench's own processes (scripts/bench/cpu.mjs); a
        // section may judge its targets itself from the runs behind them (`other`).
        const cpu = meter.stop();
        const sectionOther = cpu?.other ?? null;
        const targets = (result.targets ?? []).map((t) => {
          const other = t.other !== undefined ? t.other : sectionOther;
          const busy =
            other != null
              ? other > BUSY_OTHER_SHARE
              : Math.max(loadAtStart, loadPerCore()) > BUSY_LOAD_PER_CORE;
          return {
            section: section.name,
            ...t,
            ...(t.timing ? { other } : {}),
            ...(t.timing && busy
              ? { busy: true, load: +(loadPerCore() * os.cpus().length).toFixed(2) }
              : {}),
          };
        });
        if (cpu)
          console.log(`_Other work took ${percent(cpu.other)} of the CPU during this section._\n`);
        report.targets.push(...targets);
        report.sections[section.name] = { ms: Date.now() - t0, targets, data: result.data ?? null };
        console.log(`_${section.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s_\n`);
      } catch (error) {
        ctx.log(`section ${section.name} failed:`, error?.stack ?? error);
        console.log(
          `**${section.name} failed:** ${String(error?.message ?? error).split('\n')[0]}\n`,
        );
        report.sections[section.name] = {
          ms: Date.now() - t0,
          error: String(error?.stack ?? error),
        };
        report.failed.push(section.name);
      }
    }
  } finally {
    await ctx.cleanup();
  }

  if (report.targets.length) {
    console.log('## Targets\n');
    console.log(
      markdownTable({
        columns: ['target', 'measured', 'result'],
        rows: report.targets.map((t) => [t.label, t.value, verdict(t)]),
      }) + '\n',
    );
  }
  report.durationMs = Date.now() - START;
  report.env.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  await fs.mkdir(path.dirname(args.jsonFile), { recursive: true });
  await fs.writeFile(args.jsonFile, JSON.stringify(report, null, 2) + '\n');
  console.log(
    `Runtime ${(report.durationMs / 1000).toFixed(1)} s; load average at end ${report.env.loadAverageAtEnd.join(' / ')}; JSON in ${path.relative(ROOT, args.jsonFile)}` +
      (report.failed.length ? `; FAILED sections: ${report.failed.join(', ')}` : ''),
  );
  return report.failed.length ? 1 : 0;
}

/** Without /proc: load average per core above which timed targets only warn (2 cores: 1.5). */
const BUSY_LOAD_PER_CORE = 0.75;

function verdict(target) {
  if (!target.busy) return target.pass ? 'PASS' : 'FAIL';
  const why =
    target.other != null
      ? `busy machine, other work took ${percent(target.other)} of the CPU: measure again when it is quiet`
      : `busy machine, load ${target.load}: measure again when it is quiet`;
  return target.pass ? `WARN (${why})` : `FAIL? (${why})`;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
