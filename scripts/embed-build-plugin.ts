import { build, type Plugin, type ResolvedConfig } from 'vite';

/**
 * Builds the embed page (embed.html, src/embed/main.ts) after the dashboard, into the same
 * dist/, as a build of its own. In one multi-page build the two entries would share chunks, and
 * the dashboard's chunks are cut for its first paint: the embed would then load the dashboard's
 * whole 166 kB app chunk (React, the router, Query) for a page that uses none of them. Its own
 * build gives it only what it imports: zod, the translator, the chart drawing and its text.
 */
export function embedBuildPlugin(alias: Record<string, string>): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'ashyq-embed-build',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: config.root,
        mode: config.mode,
        logLevel: 'warn',
        resolve: { alias },
        build: {
          outDir: config.build.outDir,
          emptyOutDir: false,
          target: 'es2022',
          sourcemap: false,
          rolldownOptions: { input: { embed: `${config.root}/embed.html` } },
        },
      });
    },
  };
}
