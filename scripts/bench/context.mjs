/**
 * The context handed to each section's run(ctx): `ctx.build()` (memoised build), `ctx.preview()`
 * (memoised preview server, returns its base URL), `ctx.onCleanup(fn)` for anything that must be
 * stopped at the end (also on error or Ctrl-C), `ctx.log()` for progress and `ctx.args`.
 */
import { buildApp, startPreview } from './build.mjs';
import { elapsed, once, RESULTS_DIR, ROOT } from './util.mjs';

export function createContext(args) {
  const cleanups = [];
  const log = (...parts) => console.error(`[bench ${elapsed()}]`, ...parts);
  const ctx = {
    args,
    root: ROOT,
    resultsDir: RESULTS_DIR,
    log,
    onCleanup(fn) {
      cleanups.push(fn);
    },
    async cleanup() {
      while (cleanups.length) {
        const fn = cleanups.pop();
        try {
          await fn();
        } catch (error) {
          log('cleanup failed:', error?.message ?? error);
        }
      }
    },
    /** Builds once (or checks the existing build with --no-build); returns { dir, stats }. */
    build: once(() => buildApp(ctx)),
    /** Starts `vite preview` once; returns its base URL. Stopped by ctx.cleanup(). */
    preview: once(async () => {
      await ctx.build();
      return startPreview(ctx);
    }),
  };
  return ctx;
}
