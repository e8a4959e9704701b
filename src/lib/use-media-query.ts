import { useSyncExternalStore } from 'react';

/*
 * Whether a CSS media query matches now, kept up to date. One subscribe/snapshot pair per query,
 * made once, so React sees stable functions. False where there is no matchMedia (jsdom, SSR).
 */
const stores = new Map<
  string,
  { subscribe: (onChange: () => void) => () => void; snapshot: () => boolean }
>();

function storeFor(query: string) {
  let store = stores.get(query);
  if (!store) {
    store = {
      subscribe(onChange) {
        if (typeof window.matchMedia !== 'function') return () => undefined;
        const list = window.matchMedia(query);
        list.addEventListener('change', onChange);
        return () => list.removeEventListener('change', onChange);
      },
      snapshot: () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    };
    stores.set(query, store);
  }
  return store;
}

export function useMediaQuery(query: string): boolean {
  const { subscribe, snapshot } = storeFor(query);
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
