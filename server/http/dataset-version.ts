/**
 * The dataset version as the server last saw it. Reading it from the database on every request
 * would cost more than the cached answer it guards, so it is re-read at most every `maxAgeMs`:
 * an import run from another process (npm run import) shows within that time, and an import
 * run in this process calls `bump()` and shows at once.
 */
export class DatasetVersion {
  private value = -1;
  private checkedAt = -Infinity;
  private pending: Promise<number> | null = null;
  private local = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly maxAgeMs = 1000,
  ) {}

  /** A key for caches: changes when the database's version or a local bump changes. */
  async current(): Promise<string> {
    if (performance.now() - this.checkedAt > this.maxAgeMs) await this.refresh();
    return `${this.value}.${this.local}`;
  }

  /** The key without waiting, or null when it is due for a re-read (then call current()). */
  peek(): string | null {
    return performance.now() - this.checkedAt > this.maxAgeMs
      ? null
      : `${this.value}.${this.local}`;
  }

  bump(): void {
    this.local += 1;
  }

  private refresh(): Promise<number> {
    this.pending ??= this.read()
      .then((value) => {
        this.value = value;
        this.checkedAt = performance.now();
        return value;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
