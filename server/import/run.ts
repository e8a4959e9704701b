import type { Repository } from '../repository';
import { type ImportSummary, planImport } from './plan';
import { readImportFile } from './read';

/**
 * Reads, validates and writes an import file in one transaction. Throws ImportError (naming
 * row and field) when anything is wrong; then nothing has been written.
 */
export async function importFile(repository: Repository, path: string): Promise<ImportSummary> {
  const rows = await readImportFile(path);
  return repository.updateMetrics((snapshot) => planImport(rows, snapshot));
}
