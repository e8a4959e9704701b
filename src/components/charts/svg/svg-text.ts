/** Width in px of `text` at `size` px. Browsers measure with a canvas; tests use an estimate. */
export type Measure = (text: string, size: number, weight?: number) => number;

/** About Noto Sans' average advance: good enough to lay out text where no canvas is at hand. */
export const estimateWidth: Measure = (text, size, weight = 400) =>
  text.length * size * (weight >= 700 ? 0.6 : 0.56);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text and attribute values in SVG/HTML: nothing the data says can become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Breaks `text` into lines no wider than `width` (a word longer than that gets a line of its own). */
export function wrapText(
  text: string,
  width: number,
  size: number,
  measure: Measure,
  weight = 400,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, weight) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** A <text> of one or more lines, each a <tspan>; `y` is the first line's baseline. */
export function textBlock(
  lines: string[],
  {
    x,
    y,
    size,
    lineHeight = 1.35,
    fill,
    anchor = 'start',
    weight = 400,
  }: {
    x: number;
    y: number;
    size: number;
    lineHeight?: number;
    fill: string;
    anchor?: 'start' | 'middle' | 'end';
    weight?: number;
  },
): string {
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${x}" y="${round(y + i * size * lineHeight)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text font-size="${size}" fill="${fill}" text-anchor="${anchor}" font-weight="${weight}">${spans}</text>`;
}

export const round = (n: number): number => Math.round(n * 10) / 10;
