/**
 * The bench's sections, in the order they run and print. Each is a module scripts/bench/NAME.mjs
 * whose default export is `{ name: 'NAME', title, run(ctx), default?: false }`; `default: false`
 * leaves it out of a plain `npm run bench` (then only `--only NAME` runs it).
 *
 * Adding a section is one line here: its module's name. `run(ctx)` returns
 * `{ tables, targets, data }`: `tables` are { title, columns, rows, align?, notes? }, `targets` are
 * { label, value, pass }, and `data` is whatever should go into bench.json. See context.mjs for ctx.
 */
const NAMES = [
  'sizes', // bundle sizes of the build and of what `/` loads
  'lighthouse', // Lighthouse scores, mobile and desktop
  'api', // API throughput against the same JSON as a static file
  'kiosk', // kiosk soak: heap and DOM after thousands of slides
  'auth', // one sign-in's cost, and public API p99 while sign-ins run
  'opendata', // the embed page: JS, Lighthouse, one PNG
  'fuzz', // 20,000 random and malformed requests: no 5xx
  'log', // the transparency log at 1,000,000 entries: appends, proofs, tiles
  'review', // a figure's history at 10,000 revisions, the change list at page 100
];

export async function loadSections() {
  return Promise.all(
    NAMES.map(async (name) => {
      const { default: section } = await import(`./${name}.mjs`);
      if (section?.name !== name || typeof section.run !== 'function') {
        throw new Error(
          `scripts/bench/${name}.mjs must export default { name: '${name}', title, run }`,
        );
      }
      return section;
    }),
  );
}
