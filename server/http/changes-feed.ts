import { Hono } from 'hono';
import { type Locale, localeSchema } from '../../src/contract/common';
import { CHANGES_FEED_PATH } from '../../src/contract/endpoints';
import { changeQuerySchema } from '../../src/contract/revisions';
import { renderChangesAtom } from '../../src/open-data/atom';
import type { Repository } from '../repository';
import { publicOrigin } from './public-url';

/*
 * /changes.atom?lang=kk|ru|en&initiative=: the change list as an Atom feed for newsrooms and
 * NGOs, the latest 50 publications, corrections and verifications. Built from the same use case
 * as GET /api/v1/changes, so the feed and the page never disagree.
 */
const TITLES: Record<Locale, string> = {
  kk: 'Ashyq: көрсеткіштердегі өзгерістер',
  ru: 'Ashyq: изменения показателей',
  en: 'Ashyq: changes to the figures',
};
const FEED_SIZE = 50;

export const isChangesFeedPath = (path: string) => path === CHANGES_FEED_PATH;

export function changesFeedRoutes(repository: Repository, publicUrl: URL | null): Hono {
  const app = new Hono();
  app.get(CHANGES_FEED_PATH, async (c) => {
    const lang = localeSchema.safeParse(c.req.query('lang') ?? 'kk');
    const query = changeQuerySchema.safeParse({
      initiative: c.req.query('initiative'),
      page: 1,
      pageSize: FEED_SIZE,
    });
    if (!lang.success || !query.success) {
      return c.text('Give lang=kk, ru or en and, if you like, initiative=<programme id>.\n', 400);
    }
    const [page, sources] = await Promise.all([
      repository.listChanges(query.data),
      repository.listSources(),
    ]);
    const origin = publicOrigin(c, publicUrl);
    const self = new URL(c.req.url);
    const xml = renderChangesAtom({
      changes: page.changes,
      lang: lang.data,
      siteUrl: origin,
      selfUrl: `${origin}${CHANGES_FEED_PATH}${self.search}`,
      updated: page.changes[0]?.at ?? new Date().toISOString(),
      title: TITLES[lang.data],
      sources,
    });
    return c.body(xml, 200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
