/**
 * Which pages other sites may put in a frame: the chart embeds, and nothing else (clickjacking
 * needs a frame, so every other page refuses one). The one rule, for the server's HTML answers
 * and for `vite preview` (scripts/open-data-dev-plugin.ts); the hardening CSP folds it in.
 */
export const mayBeFramed = (path: string): boolean => /^\/embed\/[^/]+\/?$/.test(path);

/** The CSP directive for a page at `path`. */
export const frameAncestors = (path: string): string =>
  mayBeFramed(path) ? 'frame-ancestors *' : "frame-ancestors 'none'";
