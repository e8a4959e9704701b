import { expect, test } from 'vitest';
import type { Change } from '@/contract/revisions';
import { metrics } from '@mocks/fixtures/metrics';
import { sources } from '@mocks/fixtures/sources';
import { hearingRevision } from '@mocks/handlers/public-history';
import { entryId, escapeXml, renderChangesAtom as changesFeed } from './atom';

const ATOM = 'http://www.w3.org/2005/Atom';
const services = metrics.find((metric) => metric.id === 'services-automated');
if (!services) throw new Error('fixture missing');

const hearing: Change = {
  id: 'publication:hearing-services-automated',
  kind: 'publication',
  at: '2026-11-02T09:00:00.000Z',
  metricId: services.id,
  initiativeId: services.initiativeId,
  label: services.label,
  revision: hearingRevision(services),
  by: null,
  reason: null,
};

const correction: Change = {
  ...hearing,
  id: 'correction:rev-7',
  kind: 'correction',
  at: '2026-12-01T10:30:00.000Z',
  label: { kk: 'A & B <c>', ru: 'A & B <c>', en: 'A & B <c> "quoted" \'single\'' },
  revision: { ...hearingRevision(services), id: 'rev-7', value: 152, period: '2025' },
  by: { id: 'u1', displayName: 'Aigerim <Reviewer>', organisation: 'Akimat & Co' },
  reason: 'Typo: 125 < 152 & "fixed"',
};

const feedOf = (changes: Change[]) =>
  changesFeed({
    changes,
    lang: 'en',
    siteUrl: 'https://ashyq.example.kz',
    selfUrl: 'https://ashyq.example.kz/changes.atom?lang=en&initiative=open-dialogue',
    updated: '2026-12-01T10:30:00.000Z',
    title: 'Ashyq: changes',
    sources,
  });

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const text = (node: ParentNode, name: string) =>
  (node as Element).getElementsByTagNameNS(ATOM, name)[0]?.textContent ?? null;

test('the feed parses as Atom with its id, title, updated time and self link', () => {
  const doc = parse(feedOf([correction, hearing]));
  const feed = doc.documentElement;
  expect(feed.namespaceURI).toBe(ATOM);
  expect(feed.localName).toBe('feed');
  expect(feed.getAttribute('xml:lang')).toBe('en');
  const ownChildren = (name: string) =>
    [...feed.children].filter((child) => child.localName === name);
  expect(ownChildren('id')[0]?.textContent).toBe(
    'https://ashyq.example.kz/changes.atom?lang=en&initiative=open-dialogue',
  );
  expect(ownChildren('title')[0]?.textContent).toBe('Ashyq: changes');
  expect(ownChildren('updated')[0]?.textContent).toBe('2026-12-01T10:30:00.000Z');
  const self = ownChildren('link').find((link) => link.getAttribute('rel') === 'self');
  expect(self?.getAttribute('href')).toBe(
    'https://ashyq.example.kz/changes.atom?lang=en&initiative=open-dialogue',
  );
  expect(self?.getAttribute('type')).toBe('application/atom+xml');
  expect(ownChildren('entry')).toHaveLength(2);
});

test('each entry has an id from the change, a title, a time, a link to the figure and an author', () => {
  const doc = parse(feedOf([correction, hearing]));
  const [first, second] = [...doc.getElementsByTagNameNS(ATOM, 'entry')];
  if (!first || !second) throw new Error('two entries expected');
  expect(text(first, 'id')).toBe('tag:ashyq.example.kz,2026:change/correction%3Arev-7');
  expect(text(first, 'updated')).toBe('2026-12-01T10:30:00.000Z');
  expect(first.getElementsByTagNameNS(ATOM, 'link')[0]?.getAttribute('href')).toBe(
    'https://ashyq.example.kz/figures/services-automated?lang=en',
  );
  expect(text(first, 'name')).toBe('Aigerim <Reviewer>, Akimat & Co');
  expect(text(second, 'title')).toBe('Published: Public services automated — 141 of 173');
  expect(text(second, 'name')).toBe('From the hearing’s record');
  const content = text(second, 'content') ?? '';
  expect(content).toContain('Value: 141 of 173');
  expect(content).toContain('Source: Syr boyy (regional newspaper): «The principle of openness');
  expect(content).toContain('Stated by: Serik Akhmet');
});

test('every text is escaped: <, & and both quotes survive the round trip', () => {
  const xml = feedOf([correction]);
  expect(xml).not.toContain('<c>');
  expect(xml).toContain('A &amp; B &lt;c&gt; &quot;quoted&quot; &apos;single&apos;');
  const doc = parse(xml);
  const entry = doc.getElementsByTagNameNS(ATOM, 'entry')[0];
  if (!entry) throw new Error('an entry expected');
  expect(text(entry, 'title')).toBe('Corrected: A & B <c> "quoted" \'single\' — 152 of 173');
  const content = text(entry, 'content') ?? '';
  expect(content).toContain('Reason: Typo: 125 < 152 & "fixed"');
  expect(content).toContain('Date or period: 2025');
});

test('an empty list is still a valid feed, in the language asked for', () => {
  const xml = changesFeed({
    changes: [],
    lang: 'kk',
    siteUrl: 'http://localhost:3000',
    selfUrl: 'http://localhost:3000/changes.atom?lang=kk',
    updated: '2026-12-01T00:00:00.000Z',
    title: 'Ашық: өзгерістер',
  });
  const doc = parse(xml);
  expect(doc.documentElement.getAttribute('xml:lang')).toBe('kk');
  expect(doc.getElementsByTagNameNS(ATOM, 'entry')).toHaveLength(0);
});

test('escapeXml drops characters XML cannot carry and entryId is a tag URI', () => {
  expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
  expect(entryId('https://x.kz', 'publication:hearing-a')).toBe(
    'tag:x.kz,2026:change/publication%3Ahearing-a',
  );
});
