import { describe, expect, it } from 'vitest';
import { parseCpuLine, parseProcStat, percent } from '../../scripts/bench/cpu.mjs';

// The bench's "was the machine busy?" reads Linux's counters; these are the parsers behind it.
describe('bench CPU meter', () => {
  it('counts busy ticks (steal included) and idle ticks from /proc/stat', () => {
    const text = 'cpu  100 5 50 800 20 3 2 10 0 0\ncpu0 50 2 25 400 10 1 1 5 0 0\n';
    expect(parseCpuLine(text)).toEqual({ busy: 170, total: 990 });
  });

  it('refuses text that is not /proc/stat', () => {
    expect(() => parseCpuLine('intr 1 2 3')).toThrow('not /proc/stat');
  });

  it('reads the parent and the CPU time of a process whose name holds spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[0] = 'S'; // field 3: state
    fields[1] = '4242'; // field 4: ppid
    fields.splice(11, 4, '700', '300', '40', '10'); // fields 14–17: utime stime cutime cstime
    fields[19] = '987654'; // field 22: start time
    const line = `1234 (Web Content (x) 2) ${fields.join(' ')}`;
    expect(parseProcStat(line)).toEqual({ ppid: 4242, start: 987654, self: 1000, children: 50 });
  });

  it('prints shares as whole percentages', () => {
    expect(percent(0.234)).toBe('23 %');
    expect(percent(null)).toBe('—');
  });
});
