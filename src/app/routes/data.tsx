import { useTranslation } from '@/lib/i18n-react';
// The page's words travel with the page (a lazy chunk), not in the catalogue every page loads.
import en from '@/locales/en/open-data.json';
import kk from '@/locales/kk/open-data.json';
import ru from '@/locales/ru/open-data.json';
import type { z } from 'zod/mini';
import { endpoints } from '@/contract/endpoints';
import { openDataTableNames, openDataTables } from '@/contract/open-data';
import { PageHeader } from '@/components/ui/page-header';
import { describeColumn } from '@/open-data/columns';
import { ZIP_NAME } from '@/open-data/datapackage-names';

/** A column's type as the data package names it (read off the zod schema, no JSON Schema code). */
function columnType(schema: z.ZodMiniType): string {
  const def = schema.def as { type: string; innerType?: z.ZodMiniType; format?: string };
  if (def.type === 'nullable' && def.innerType) return columnType(def.innerType);
  if (def.type === 'string' && def.format === 'date') return 'date';
  return def.type === 'number' || def.type === 'boolean' ? def.type : 'string';
}

const bundles = { kk, ru, en };

/** The page's own namespace, added to the catalogues the first time the page renders. */
function useOpenDataT() {
  const { i18n, t } = useTranslation('openData');
  i18n.addBundles('openData', bundles);
  return t;
}

/** /data: what the bulk download holds, its licence, and what every column means. */
export default function DataRoute() {
  const t = useOpenDataT();
  return (
    <>
      <PageHeader title={t('data.title')} lead={t('data.lead')}>
        <p className="data-downloads">
          <a className="button" href={`/data/${ZIP_NAME}`} download>
            {t('data.download')}
          </a>{' '}
          <a href="/data/datapackage.json">{t('data.descriptor')}</a>
        </p>
      </PageHeader>
      <section aria-labelledby="data-licence">
        <h2 id="data-licence">{t('data.licenceTitle')}</h2>
        <p>
          {t('data.licence')} {t('data.sourceTerms')}
        </p>
        <p>
          <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">
            CC BY 4.0
          </a>
        </p>
        <h2>{t('data.dateTitle')}</h2>
        <p>{t('data.date')}</p>
        <p>{t('data.csvNote')}</p>
        <p>{t('data.flags')}</p>
      </section>
      <section aria-labelledby="data-files">
        <h2 id="data-files">{t('data.filesTitle')}</h2>
        {openDataTableNames.map((name) => (
          <div key={name} className="card data-table-card">
            <h3 id={`table-${name}`}>
              <code>{name}</code>
            </h3>
            <p>{t(`data.tables.${name}`)}</p>
            <p>
              <a href={`/data/${name}.csv`}>{name}.csv</a> ·{' '}
              <a href={`/data/${name}.json`}>{name}.json</a>
            </p>
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t('data.columnsTitle', { table: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('data.column')}</th>
                    <th scope="col">{t('data.type')}</th>
                    <th scope="col">{t('data.meaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(openDataTables[name].shape).map(([column, schema]) => (
                    <tr key={column}>
                      <th scope="row">
                        <code>{column}</code>
                      </th>
                      <td>{columnType(schema as z.ZodMiniType)}</td>
                      <td>{describeColumn(t, column)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
      </section>
      <section aria-labelledby="data-api">
        <h2 id="data-api">{t('data.apiTitle')}</h2>
        <p>
          {t('data.api')} <a href={endpoints.openapi}>openapi.json</a> ·{' '}
          <a href="/api/docs">{t('data.apiDocs')}</a>
        </p>
      </section>
    </>
  );
}
