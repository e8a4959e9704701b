import type { AuditEntry } from '../../src/contract/accounts';
import { toCsv } from '../../src/lib/csv';

/*
 * The audit log as CSV. src/lib/csv.ts quotes and neutralises formulas; on top of that every
 * control character (CR, LF, tab, NUL, the C1 range, U+2028/2029) in any text is written as a
 * visible \u escape, so a username typed with a line break can neither start a new row in a
 * tool that splits on lines nor look like another entry.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export const escapeControls = (text: string): string =>
  text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

export const AUDIT_CSV_HEADER = [
  'id',
  'at',
  'region',
  'actor_id',
  'actor',
  'action',
  'target',
  'outcome',
  'address',
  'detail',
];

export function auditCsv(entries: AuditEntry[]): string {
  const text = (value: string | null) => (value === null ? null : escapeControls(value));
  return toCsv(
    AUDIT_CSV_HEADER,
    entries.map((entry) => [
      entry.id,
      entry.at,
      text(entry.regionId),
      text(entry.actorId),
      text(entry.actorName),
      text(entry.action),
      text(entry.target),
      entry.outcome,
      text(entry.address),
      text(JSON.stringify(entry.detail)),
    ]),
  );
}
