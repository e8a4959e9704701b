import { useTranslation } from '@/lib/i18n-react';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useLogHead } from '@/features/transparency/api/get-log-head';
import { addCatalogues, lastSeenSize } from '@/features/transparency/check/run-check';

/** The page's own namespace, added to i18next the first time the page renders. */
function useTransparencyT() {
  const { i18n } = useTranslation();
  addCatalogues(i18n);
  return useTranslation('transparency').t;
}

function LogHeadPanel() {
  const t = useTransparencyT();
  const head = useLogHead();
  if (head.isPending) return <Skeleton height="12rem" />;
  if (head.isError) {
    return (
      <p className="notice" role="status">
        {t('transparency.page.failed')}
      </p>
    );
  }
  if (head.data.kind === 'none') {
    return (
      <p className="notice" role="status">
        {t('transparency.page.noLog')}
      </p>
    );
  }
  const { key, origin, size, root } = head.data;
  const site = window.location.origin;
  return (
    <>
      <section aria-labelledby="log-key">
        <h2 id="log-key">{t('transparency.page.keyTitle')}</h2>
        <p>
          <code className="log-code">{key}</code>
        </p>
        <p>{t('transparency.page.keyNote')}</p>
      </section>
      <section aria-labelledby="log-checkpoint">
        <h2 id="log-checkpoint">{t('transparency.page.checkpointTitle')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('transparency.page.origin')}</dt>
            <dd>
              <code className="log-code">{origin}</code>
            </dd>
          </div>
          <div>
            <dt>{t('transparency.page.size')}</dt>
            <dd>{size}</dd>
          </div>
          <div>
            <dt>{t('transparency.page.root')}</dt>
            <dd>
              <code className="log-code">{root}</code>
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="log-how">
        <h2 id="log-how">{t('transparency.page.howTitle')}</h2>
        <p>{t('transparency.page.how')}</p>
        <pre className="log-command" aria-label={t('transparency.page.commandLabel')}>
          <code>{`npm run verify-log -- ${site} --key ${key} --state ashyq-log.state`}</code>
        </pre>
        <p>{t('transparency.page.howArgs')}</p>
        <p>{t('transparency.page.howDoes')}</p>
      </section>
    </>
  );
}

/** What this browser remembers of the log (the tree its next check must extend). */
function BrowserState() {
  const t = useTransparencyT();
  const size = lastSeenSize();
  return (
    <p>
      {size === null
        ? t('transparency.page.browserUnseen')
        : t('transparency.page.browserSeen', { size: String(size) })}
    </p>
  );
}

/** /transparency: the public log in plain words, its key and latest checkpoint, how to check it. */
export default function TransparencyRoute() {
  const t = useTransparencyT();
  return (
    <>
      <PageHeader title={t('transparency.page.title')} lead={t('transparency.page.lead')} />
      <section aria-labelledby="log-what">
        <h2 id="log-what">{t('transparency.page.whatTitle')}</h2>
        <p>{t('transparency.page.what1')}</p>
        <p>{t('transparency.page.what2')}</p>
        <h2>{t('transparency.page.whyTitle')}</h2>
        <p>{t('transparency.page.why')}</p>
      </section>
      <LogHeadPanel />
      <section aria-labelledby="log-browser">
        <h2 id="log-browser">{t('transparency.page.browserTitle')}</h2>
        <p>{t('transparency.page.browser')}</p>
        <BrowserState />
      </section>
      <section aria-labelledby="log-guarantees">
        <h2 id="log-guarantees">{t('transparency.page.guaranteeTitle')}</h2>
        <ul>
          <li>{t('transparency.page.does1')}</li>
          <li>{t('transparency.page.does2')}</li>
          <li>{t('transparency.page.doesNot1')}</li>
          <li>{t('transparency.page.doesNot2')}</li>
        </ul>
      </section>
    </>
  );
}
