import type { OpenDataTable } from '../../src/contract/open-data';
import en from '../../src/locales/en/open-data.json' with { type: 'json' };
import { describeColumn } from '../../src/open-data/columns';
import { dataPackageFiles, ZIP_NAME } from '../../src/open-data/datapackage';
import type { Dataset } from '../../src/open-data/tables';
import { createTranslator } from '../../src/lib/translator';
import { zip } from './zip';

const t = createTranslator('en', { en: { common: en } }).t;

const README = (created: string, version: string) => `Ashyq open data (Kyzylorda region)
Generated ${created}, data version ${version}.

datapackage.json describes every file (Frictionless Data Package v2): the columns, their types,
and which values may be empty. Each table comes as CSV (UTF-8 with a byte-order mark) and JSON.

Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) for the compilation; each
source keeps its own terms (see "sources" in datapackage.json). Cite as:
  Ashyq, open figures of Kyzylorda region, data version ${version}, with the source named in each row.

sample = true: invented for demonstration, no source reported it. derived = true: worked out
from the source's words. The hearing's figures have no date because the source gives none.
`;

/** Every file of /data for one version of the data, the ZIP of them all included. */
export function openDataFiles(
  data: Dataset,
  version: string,
  created: string,
): Map<string, string | Buffer> {
  const files: Map<string, string | Buffer> = dataPackageFiles(data, {
    version,
    created,
    describe: (_table, column) => describeColumn(t, column),
    describeTable: (table: OpenDataTable) => t(`data.tables.${table}`),
    sourceTerms: () => t('data.sourceTerms'),
  });
  files.set('README.txt', README(created, version));
  files.set(ZIP_NAME, zip(new Map([...files].map(([name, body]) => [`ashyq-data/${name}`, body]))));
  return files;
}
