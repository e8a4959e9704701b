/**
 * How much of the machine's CPU other work took while the bench measured something.
 *
 * The load average cannot say: on two cores a Lighthouse run (Chromium, the server and
 * Lighthouse itself) lifts it to 2 on an otherwise idle machine. So this reads Linux's counters
 * instead, every SAMPLE_MS: the CPU time of every process outside the bench's own tree (the
 * bench, what it started, and anything that was ever part of that tree), from /proc/<pid>/stat,
 * over the CPU time that passed on all cores (/proc/stat). A foreign process's reaped children
 * count as its own; pid 1's do not, since it also reaps the bench's orphans (a killed Chromium's
 * helpers). Missed or misplaced: foreign work in processes that live and die between two
 * samples, and the bench's own in processes that leave its tree before a sample sees them. Off
 * Linux the meter returns null and callers fall back to the load average.
 */
import fs from 'node:fs';
import os from 'node:os';

/** Share of the machine (0–1) other work may take before timed targets only warn. */
export const BUSY_OTHER_SHARE = 0.2;
const SAMPLE_MS = 250;

/** Starts a meter; `stop()` returns { other } as a share of all cores (0–1), or null. */
export function cpuMeter() {
  const sampler = startSampler();
  const start = sampler.read();
  let stopped = false;
  return {
    /** The share since start; a second call returns null. */
    stop() {
      if (stopped) return null;
      stopped = true;
      const end = sampler.read();
      sampler.release();
      if (!start || !end || end.capacity <= start.capacity) return null;
      return { other: clamp((end.other - start.other) / (end.capacity - start.capacity)) };
    },
  };
}

/** "12 %" for a share, or "—" without one. */
export const percent = (share) => (share == null ? '—' : `${Math.round(share * 100)} %`);

const clamp = (x) => Math.min(1, Math.max(0, x));

/** One sampler for all the meters running; it stops when the last one is released. */
let shared = null;
function startSampler() {
  if (!shared) {
    const state = { users: 0, totals: { other: 0, capacity: 0 }, prev: null, ours: new Set() };
    const tick = () => {
      try {
        sample(state);
      } catch {
        state.totals = null; // not Linux, or /proc unreadable: no figure rather than a wrong one
      }
    };
    tick();
    const timer = setInterval(tick, SAMPLE_MS);
    timer.unref();
    shared = {
      state,
      read() {
        tick();
        return state.totals && { ...state.totals };
      },
      release() {
        if (--state.users > 0) return;
        clearInterval(timer);
        shared = null;
      },
    };
  }
  shared.state.users += 1;
  return shared;
}

/** Adds the foreign processes' ticks and the machine's capacity since the previous sample. */
function sample(state) {
  if (!state.totals) return;
  const cpu = parseCpuLine(fs.readFileSync('/proc/stat', 'utf8'));
  const procs = new Map(); // "pid start" → { pid, ppid, self, children }
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (stat) procs.set(`${name} ${stat.start}`, { pid: Number(name), ...stat });
  }
  markOurs(procs, state.ours);
  const prev = state.prev;
  state.prev = { cpu, procs };
  if (!prev) return;
  // Children reaped since the last sample: their whole life lands in their parent's `children`;
  // the part already counted while they ran is taken off there.
  const gone = new Map(); // parent pid → ticks of its children that were seen and are gone
  for (const [key, q] of prev.procs)
    if (!procs.has(key)) gone.set(q.ppid, (gone.get(q.ppid) ?? 0) + q.self + q.children);
  let other = 0;
  for (const [key, p] of procs) {
    if (state.ours.has(key)) continue;
    const before = prev.procs.get(key);
    other += p.self - (before?.self ?? 0);
    if (p.pid === 1) continue;
    other += Math.max(0, p.children - (before?.children ?? 0) - (gone.get(p.pid) ?? 0));
  }
  state.totals.other += Math.max(0, other);
  state.totals.capacity += cpu.total - prev.cpu.total;
}

/** Adds to `ours` the bench and every descendant of it or of anything once ours (orphans too). */
function markOurs(procs, ours) {
  const children = new Map();
  for (const [key, p] of procs) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(key);
  }
  const stack = [...procs].filter(([key, p]) => p.pid === process.pid || ours.has(key));
  while (stack.length) {
    const [key, p] = stack.pop();
    ours.add(key);
    for (const k of children.get(p.pid) ?? []) if (!ours.has(k)) stack.push([k, procs.get(k)]);
  }
}

/** Busy and total clock ticks of all cores from /proc/stat's text (its first line). */
export function parseCpuLine(text) {
  const [label, ...fields] = text.split('\n')[0].trim().split(/\s+/);
  if (label !== 'cpu') throw new Error('not /proc/stat');
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user + nice + system + (irq || 0) + (softirq || 0) + (steal || 0);
  return { busy, total: busy + idle + (iowait || 0) };
}

function readStat(pid) {
  try {
    return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // gone between readdir and read
  }
}

/**
 * From a /proc/<pid>/stat line: parent pid, start time (ticks after boot; with the pid, a key
 * that survives pid reuse), the process's own CPU ticks and its reaped children's.
 */
export function parseProcStat(text) {
  // The command name (field 2) may hold spaces and parentheses: split after its last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): ppid is field 4, utime..cstime fields 14–17, starttime 22.
  const [utime, stime, cutime, cstime] = rest.slice(11, 15).map(Number);
  return {
    ppid: Number(rest[1]),
    start: Number(rest[19]),
    self: utime + stime,
    children: cutime + cstime,
  };
}

/** The 1-minute load average per core: the fallback where /proc is not there. */
export const loadPerCore = () => os.loadavg()[0] / os.cpus().length;
