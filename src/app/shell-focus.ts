/**
 * index.html paints a frame (skip link, brand, language links, navigation) before the app runs,
 * and React then replaces it with its own. A keyboard user who has already tabbed into the frame
 * would lose their place to <body> at that swap. This keeps it: the focused element of the frame
 * is described by the landmark it is in and its position there, and once the frame is gone the
 * element at the same place in the app gets the focus.
 */

/** The frame's parts that the app renders the same way, by class. */
const PARTS = ['skip-link', 'brand', 'language-switcher', 'site-nav', 'page-header'] as const;

interface Place {
  part: string;
  index: number;
  href: string | null;
}

const focusables = (container: Element) =>
  container.matches('a, button') ? [container] : [...container.querySelectorAll('a[href], button')];

/** Where `element` is in the frame, or null when it is not in one of its parts. */
export function placeOf(element: Element): Place | null {
  for (const part of PARTS) {
    const container = element.closest(`.${part}`);
    if (!container) continue;
    return {
      part,
      index: focusables(container).indexOf(element),
      href: element.getAttribute('href'),
    };
  }
  return null;
}

/** The app's element at that place (same part, same position), or one with the same link. */
export function elementAt(place: Place, root: ParentNode): HTMLElement | null {
  const container = root.querySelector(`.${place.part}`);
  const candidate = container ? focusables(container)[place.index] : undefined;
  if (candidate instanceof HTMLElement) return candidate;
  if (place.href === null) return null;
  const path = (href: string) => new URL(href, document.baseURI).pathname;
  const wanted = path(place.href);
  return (
    [...root.querySelectorAll<HTMLElement>('a[href]')].find(
      (a) => path(a.getAttribute('href') ?? '') === wanted,
    ) ?? null
  );
}

/**
 * Watches the frame in `root` until React replaces it; if the focus was in the frame and fell to
 * <body> with it, moves it to the matching element of the app. Returns a function that stops.
 */
export function keepFocusThroughSwap(root: HTMLElement): () => void {
  const shell = root.querySelector('[data-shell]');
  if (!shell) return () => {};
  // The reader may have tabbed in while the code was still downloading.
  let place: Place | null =
    document.activeElement && shell.contains(document.activeElement)
      ? placeOf(document.activeElement)
      : null;
  const onFocus = (event: FocusEvent) => {
    place = event.target instanceof Element ? placeOf(event.target) : null;
  };
  shell.addEventListener('focusin', onFocus as EventListener);
  const observer = new MutationObserver(() => {
    if (shell.isConnected) return;
    stop();
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (place && lost) elementAt(place, root)?.focus();
  });
  const stop = () => {
    observer.disconnect();
    shell.removeEventListener('focusin', onFocus as EventListener);
  };
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}
