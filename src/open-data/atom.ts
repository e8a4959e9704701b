import type { Locale } from '../contract/common';
import type { Change, PublicRevision } from '../contract/revisions';
import type { Source } from '../contract/sources';
import { formatNumber, formatPeriod } from '../lib/format';
import en from '../locales/en/history.json' with { type: 'json' };
import kk from '../locales/kk/history.json' with { type: 'json' };
import ru from '../locales/ru/history.json' with { type: 'json' };

/*
 * The change list as an Atom 1.0 feed (RFC 4287), for newsrooms and NGOs. Pure: the server route
 * gives it the changes and the URLs; it returns the XML text. Every text is escaped.
 */

const words = { kk: kk.atom, ru: ru.atom, en: en.atom } satisfies Record<Locale, unknown>;

export interface ChangesAtomInput {
  changes: Change[];
  lang: Locale;
  /** The site's origin, e.g. "https://ashyq.example.kz", without a trailing slash. */
  siteUrl: string;
  /** The feed's own URL, query included. */
  selfUrl: string;
  /** ISO date-time: the newest change's time, or now when there is none. */
  updated: string;
  title: string;
  /** To name sources and the people who stated a figure; without it they appear by id. */
  sources?: Source[];
}

/** Escapes text for XML element content and attribute values (both quote kinds included). */
export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow at all (controls other than tab, LF, CR).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** A tag URI (RFC 4151) per change: stable for as long as the site keeps its host name. */
export function entryId(siteUrl: string, changeId: string): string {
  const host = new URL(siteUrl).hostname;
  return `tag:${host},2026:change/${encodeURIComponent(changeId)}`;
}

function valueText(revision: PublicRevision, lang: Locale): string {
  if (revision.statusText) return revision.statusText[lang];
  if (revision.value === null) return '';
  const value = formatNumber(revision.value, lang);
  return revision.total === null
    ? value
    : words[lang].ofTotal
        .replace('{{value}}', value)
        .replace('{{total}}', formatNumber(revision.total, lang));
}

function statedByText(revision: PublicRevision, lang: Locale, sources: Source[]): string {
  const source = sources.find((s) => s.id === revision.sourceId);
  const person = source?.people.find((p) => p.id === revision.statedBy);
  return person ? person.name[lang] : revision.statedBy;
}

function sourceText(revision: PublicRevision, lang: Locale, sources: Source[]): string {
  const source = sources.find((s) => s.id === revision.sourceId);
  return source ? `${source.publication.name[lang]}: «${source.title[lang]}»` : revision.sourceId;
}

function entry(change: Change, input: ChangesAtomInput): string {
  const { lang, siteUrl } = input;
  const w = words[lang];
  const sources = input.sources ?? [];
  const revision = change.revision;
  const value = valueText(revision, lang);
  const label = change.label[lang];
  const title = `${w.kind[change.kind]}: ${label}${value ? ` — ${value}` : ''}`;
  const lines = [
    `${w.value}: ${value}`,
    revision.period ? `${w.period}: ${formatPeriod(revision.period, lang)}` : null,
    `${w.source}: ${sourceText(revision, lang, sources)}`,
    `${w.statedBy}: ${statedByText(revision, lang, sources)}`,
    change.reason
      ? `${change.kind === 'verification' ? w.note : w.reason}: ${change.reason}`
      : null,
    revision.sample ? w.sample : null,
  ].filter((line): line is string => line !== null);
  const href = `${siteUrl}/figures/${encodeURIComponent(change.metricId)}?lang=${lang}`;
  const author = change.by ? `${change.by.displayName}, ${change.by.organisation}` : w.hearing;
  return [
    '  <entry>',
    `    <id>${escapeXml(entryId(siteUrl, change.id))}</id>`,
    `    <title type="text">${escapeXml(title)}</title>`,
    `    <updated>${escapeXml(change.at)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
    `    <author><name>${escapeXml(author)}</name></author>`,
    `    <category term="${escapeXml(change.kind)}" label="${escapeXml(w.kind[change.kind])}"/>`,
    `    <content type="text">${escapeXml(lines.join('\n'))}</content>`,
    '  </entry>',
  ].join('\n');
}

/** The XML text of the feed, newest change first as given. */
export function renderChangesAtom(input: ChangesAtomInput): string {
  const { lang, siteUrl, selfUrl, updated, title } = input;
  const alternate = `${siteUrl}/changes${new URL(selfUrl).search}`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(lang)}">`,
    `  <id>${escapeXml(selfUrl)}</id>`,
    `  <title type="text">${escapeXml(title)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(alternate)}"/>`,
    ...input.changes.map((change) => entry(change, input)),
    '</feed>',
    '',
  ].join('\n');
}
