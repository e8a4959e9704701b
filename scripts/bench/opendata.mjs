/** Section `opendata`: the embed page's JS and Lighthouse score, and one PNG's time (opendata-section.mjs). */
import { lighthouseRun } from './lighthouse-run.mjs';
import { openDataSection } from './opendata-section.mjs';
import { CHROME_FLAGS, CHROME_PATH, ROOT } from './util.mjs';

export default {
  name: 'opendata',
  title: 'Open data',
  run: openDataSection({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    lighthouseRun,
    root: ROOT,
  }),
};
