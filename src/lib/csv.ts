/** A cell of a CSV file: text, a number, or empty. */
export type CsvCell = string | number | null;

const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at the start)
 * gets a leading apostrophe. Numbers stay numbers, so a negative value is still a value.
 */
export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const neutralised = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

/** UTF-8 CSV with a byte-order mark, so spreadsheet programs open Cyrillic text correctly. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(escapeCsvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Hands the text to the browser as a file download. */
export function downloadText(
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Hands a file (CSV, SVG, PNG) to the browser as a download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next tick: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
