/** Types for cpu.mjs (the bench runs on plain Node; tests import it from TypeScript). */
export const BUSY_OTHER_SHARE: number;
export function cpuMeter(): { stop(): { other: number } | null };
export function percent(share: number | null | undefined): string;
export function parseCpuLine(text: string): { busy: number; total: number };
export function parseProcStat(text: string): {
  ppid: number;
  start: number;
  self: number;
  children: number;
};
export function loadPerCore(): number;
