import { useMediaQuery } from './use-media-query';

/** True on a phone-width screen (app.css's `max-width: 40rem`), where a page shows links to long content instead of all of it. */
export const useNarrowScreen = (): boolean => useMediaQuery('(max-width: 40rem)');
