import { useEffect, useRef, useState } from 'react';

/**
 * True once the element has come near the viewport, and from then on. Charts below the fold are
 * drawn only when the reader scrolls towards them, so the first screen is not held up by them.
 * Where IntersectionObserver is missing (tests, old browsers) everything counts as in view.
 */
export function useInView<T extends Element>(rootMargin = '300px') {
  const ref = useRef<T | null>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (inView || !element) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setInView(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView, rootMargin]);
  return { ref, inView };
}
