import { useEffect } from 'react';
import { useLocation } from 'react-router';

const GIVE_UP_MS = 10_000;
const READER_MOVED = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Brings the element that the address's #fragment names into view, and keeps it there while the
 * page around it settles. Browsers do this only for elements present when the page loads; here
 * the cards and charts arrive later, with their data, and placeholders above them change height.
 * Stops as soon as the reader scrolls, touches or types, and after ten seconds in any case.
 */
export function useScrollToHash(): void {
  const { hash, key } = useLocation();
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id || typeof MutationObserver === 'undefined') return;
    let lastTop: number | null = null;
    const follow = () => {
      const element = document.getElementById(id);
      if (!element) return;
      const top = element.getBoundingClientRect().top;
      if (lastTop !== null && Math.abs(top - lastTop) < 2) return;
      element.scrollIntoView({ block: 'start' });
      lastTop = element.getBoundingClientRect().top;
    };
    const observer = new MutationObserver(follow);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
      for (const type of READER_MOVED) window.removeEventListener(type, stop);
    };
    const timer = window.setTimeout(stop, GIVE_UP_MS);
    for (const type of READER_MOVED) window.addEventListener(type, stop, { passive: true });
    observer.observe(document.body, { childList: true, subtree: true });
    follow();
    return stop;
  }, [hash, key]);
}
