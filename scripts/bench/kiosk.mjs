/** Section `kiosk`: the kiosk left running in Chromium for thousands of slides (see kiosk-soak.mjs). */
import { kioskSoakSection } from './kiosk-soak.mjs';
import { CHROME_FLAGS, CHROME_PATH } from './util.mjs';

export default {
  name: 'kiosk',
  title: 'Kiosk soak',
  run: kioskSoakSection({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS }),
};
