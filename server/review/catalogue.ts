import type { Kysely } from 'kysely';
import type { Metric } from '../../src/contract/metrics';
import type { NewMetric, NewSource } from '../../src/contract/revisions';
import type { Person, Source } from '../../src/contract/sources';
import { metricToRow, toJson } from '../db/mapping';
import type { Database } from '../db/schema';
import { loadSources } from '../repository';

/*
 * The catalogue records a publication may add: a source the proposal named as new, a person of
 * a source (who stated the figure), a figure an admin proposed.
 */
type Trx = Kysely<Database>;

/** The role of a person added to a source because a proposal named them as who stated it. */
const STATED_ROLE = {
  kk: 'Көрсеткішті мәлімдеген',
  ru: 'Сообщил(а) показатель',
  en: 'Stated the figure',
};
const same = (text: string) => ({ kk: text, ru: text, en: text });
const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function nextPosition(trx: Trx, table: 'sources' | 'metrics'): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select(({ fn }) => fn.max('position').as('top'))
    .executeTakeFirst();
  return Number(row?.top ?? -1) + 1;
}

export async function insertSource(trx: Trx, source: NewSource): Promise<string> {
  const id = newId('source');
  await trx
    .insertInto('sources')
    .values({
      id,
      position: await nextPosition(trx, 'sources'),
      kind: source.kind,
      title: toJson(same(source.title)),
      publication: toJson({
        name: same(source.publisher),
        author: same(source.publisher),
        language: 'und',
        url: source.url,
      }),
      event: toJson({
        name: same(source.title),
        format: 'in-person',
        topic: same(source.title),
        date: source.date,
        dateNote: null,
        organisers: [],
        participantsNote: null,
      }),
      people: '[]',
    })
    .execute();
  return id;
}

/**
 * The person id the figure's reporter is: one of the source's people when the proposal names
 * them (by id or by name); otherwise the named person is added to the source.
 */
export async function reporterFor(trx: Trx, sourceId: string, statedBy: string): Promise<string> {
  const [source] = await loadSources(trx).then((all) => all.filter((s) => s.id === sourceId));
  if (!source) throw new Error(`source ${sourceId} vanished`);
  const named = (person: Person) =>
    person.id === statedBy || Object.values(person.name).includes(statedBy);
  const known = source.people.find(named);
  if (known) return known.id;
  const person: Person = {
    id: `stated-${source.people.length + 1}`,
    name: same(statedBy),
    role: STATED_ROLE,
    isModerator: false,
    spokeOn: null,
  };
  const people: Source['people'] = [...source.people, person];
  await trx
    .updateTable('sources')
    .set({ people: toJson(people) })
    .where('id', '=', sourceId)
    .execute();
  return person.id;
}

export async function insertMetric(
  trx: Trx,
  spec: NewMetric,
  at: { sourceId: string; reporterId: string; period: string | null },
): Promise<void> {
  const metric: Metric = {
    ...spec,
    value: null,
    statusText: null,
    total: null,
    parentId: null,
    target: null,
    baseline: spec.kind === 'change' ? 100 : null,
    direction: null,
    asOf: at.period,
    districtId: null,
    sourceId: at.sourceId,
    reporterId: at.reporterId,
    verification: 'reported',
    derived: false,
    derivation: null,
    sample: false,
    series: [],
    breakdown: [],
    logIndex: null,
  };
  await trx
    .insertInto('metrics')
    .values(metricToRow(metric, await nextPosition(trx, 'metrics')))
    .execute();
}
