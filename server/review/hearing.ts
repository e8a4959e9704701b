import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hearingRevisionId } from '../log/hearing';

/*
 * Every figure's first published revision is the value the hearing reported, carried over from
 * its record: nobody entered or approved it in this system (created_by and reviewed_by are null),
 * and it says so on its history page. Written once per figure, at start, for figures that have no
 * revision yet (a fresh database, or one from before revisions existed).
 */
export async function ensureHearingRevisions(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const region = await trx.selectFrom('region').select('id').orderBy('id').executeTakeFirst();
    if (!region) return 0;
    const metrics = await trx
      .selectFrom('metrics')
      .selectAll()
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('revisions')
              .select('revisions.id')
              .whereRef('revisions.metric_id', '=', 'metrics.id'),
          ),
        ),
      )
      .orderBy('position')
      .execute();
    if (metrics.length === 0) return 0;
    const at = now.toISOString();
    await trx
      .insertInto('revisions')
      .values(
        metrics.map((metric) => ({
          id: hearingRevisionId(metric.id),
          region_id: region.id,
          metric_id: metric.id,
          new_metric: null,
          status: 'published',
          version: 1,
          value: metric.value,
          total: metric.total,
          status_text: metric.status_text,
          period: metric.as_of,
          district_id: metric.district_id,
          source_id: metric.source_id,
          new_source: null,
          stated_by: metric.reporter_id,
          evidence_ids: '[]',
          corrects: null,
          correction_reason: null,
          note: null,
          rejection_reason: null,
          batch_id: null,
          created_by: null,
          last_edited_by: null,
          reviewed_by: null,
          created_at: at,
          updated_at: at,
          submitted_at: null,
          reviewed_at: null,
          published_at: at,
          sample: metric.sample,
        })),
      )
      .execute();
    return metrics.length;
  });
}
