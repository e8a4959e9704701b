import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseCsv } from './csv';
import { ImportError, type ImportIssue } from './errors';
import { csvCellsToValues, importColumns, type RawRow } from './rows';

/** Reads a .csv or .json import file into rows; throws ImportError for a malformed file. */
export async function readImportFile(path: string): Promise<RawRow[]> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.json') {
    throw new ImportError([{ message: `expected a .csv or .json file, got "${path}"` }]);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ImportError([{ message: `cannot read "${path}": ${(error as Error).message}` }]);
  }
  const rows = extension === '.csv' ? rowsFromCsv(text) : rowsFromJson(text);
  if (rows.length === 0) throw new ImportError([{ message: 'the file has no rows' }]);
  return rows;
}

export function rowsFromJson(text: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new ImportError([{ message: `not valid JSON: ${(error as Error).message}` }]);
  }
  if (!Array.isArray(data)) {
    throw new ImportError([{ message: 'a JSON import is an array of row objects' }]);
  }
  const issues: ImportIssue[] = [];
  const rows: RawRow[] = [];
  data.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push({ row: index + 1, message: 'must be an object with the row fields' });
    } else {
      rows.push({ row: index + 1, values: item as Record<string, unknown> });
    }
  });
  if (issues.length > 0) throw new ImportError(issues);
  return rows;
}

export function rowsFromCsv(text: string): RawRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    throw new ImportError([{ message: (error as Error).message }]);
  }
  const [head, ...body] = records;
  if (!head) return [];
  const header = head.cells.map((cell) => cell.trim());
  const known = new Set<string>(importColumns);
  const issues: ImportIssue[] = [];
  header.forEach((column, index) => {
    if (!known.has(column)) {
      issues.push({
        line: head.line,
        field: column,
        message: `unknown column; the columns are ${importColumns.join(', ')}`,
      });
    } else if (header.indexOf(column) !== index) {
      issues.push({ line: head.line, field: column, message: 'column appears twice' });
    }
  });
  for (const required of ['metric', 'value']) {
    if (!header.includes(required)) {
      issues.push({ line: head.line, field: required, message: 'required column is missing' });
    }
  }
  if (issues.length > 0) throw new ImportError(issues);

  const rows: RawRow[] = [];
  body.forEach((record, index) => {
    if (record.cells.length > header.length) {
      issues.push({
        row: index + 1,
        line: record.line,
        message: `has ${record.cells.length} cells but the header has ${header.length} columns`,
      });
      return;
    }
    rows.push({
      row: index + 1,
      line: record.line,
      values: csvCellsToValues(header, record.cells),
    });
  });
  if (issues.length > 0) throw new ImportError(issues);
  return rows;
}
