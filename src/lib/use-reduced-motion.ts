import { useMediaQuery } from './use-media-query';

/** True when the person asked the system for less motion: charts then draw without animation. */
export const useReducedMotion = (): boolean => useMediaQuery('(prefers-reduced-motion: reduce)');
