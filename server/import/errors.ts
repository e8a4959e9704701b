/** One thing wrong with an import file, located as precisely as possible. */
export interface ImportIssue {
  /** 1-based data row. */
  row?: number;
  /** CSV line (the header is line 1). */
  line?: number;
  field?: string;
  message: string;
}

export function formatIssue({ row, line, field, message }: ImportIssue): string {
  const place =
    row !== undefined
      ? `row ${row}${line !== undefined ? ` (line ${line})` : ''}`
      : line !== undefined
        ? `line ${line}`
        : 'file';
  return `${place}${field !== undefined ? `, field "${field}"` : ''}: ${message}`;
}

/** The whole file is rejected; nothing was written. The message lists every issue found. */
export class ImportError extends Error {
  readonly issues: ImportIssue[];

  constructor(issues: ImportIssue[]) {
    const shown = issues.slice(0, 20).map((issue) => `  ${formatIssue(issue)}`);
    const more = issues.length > 20 ? [`  ... and ${issues.length - 20} more`] : [];
    super(
      [
        `Import rejected, nothing was written (${issues.length} problem${issues.length === 1 ? '' : 's'}):`,
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'ImportError';
    this.issues = issues;
  }
}
