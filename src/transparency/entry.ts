/*
 * The log entry: a byte-exact text record of one publication, correction, verification or
 * withdrawal (ISSUE 11). Fixed-order lines "<field> <value>\n", UTF-8, no JSON (re-serialising
 * JSON changed leaf hashes in other logs). Text values are escaped so each stays on one line:
 * "\" → "\\", line feed → "\n", other control characters → "\u00XX". A missing value is "-"
 * (a text that is exactly "-" is written "\-"). Numbers are JavaScript's shortest round-trip
 * form, the same in the server, the browser and the CLI. The server stores and serves the bytes
 * exactly as hashed; a reader re-creates them from what it displays and compares.
 */

export const ENTRY_HEADER = 'ashyq.org/figure-log/v1';

export const entryKinds = [
  'hearing',
  'publication',
  'correction',
  'verification',
  'unverification',
] as const;
export type EntryKind = (typeof entryKinds)[number];

export interface LogEntryActor {
  id: string;
  name: string;
}

export interface LogEntry {
  kind: EntryKind;
  region: string;
  figure: string;
  revision: string;
  value: number | null;
  /** The unit in the three languages, or null (status and change figures have none). */
  unit: { kk: string; ru: string; en: string } | null;
  total: number | null;
  /** YYYY or YYYY-MM-DD, or null. */
  period: string | null;
  district: string | null;
  source: string;
  statedBy: string;
  /** Lower-case hex SHA-256 of each evidence file, in the order shown. */
  evidence: string[];
  enteredBy: LogEntryActor | null;
  approvedBy: LogEntryActor | null;
  /** Verifications: the verifier; null otherwise. */
  verifiedBy: LogEntryActor | null;
  /** The correction's, verification's or withdrawal's reason or note. */
  reason: string | null;
  /** The revision a correction corrects. */
  corrects: string | null;
  /** UTC, ISO 8601 with milliseconds. */
  time: string;
  /** The log index of this figure's previous entry; null for its first. */
  previous: number | null;
}

export function escapeText(text: string): string {
  if (text === '-') return '\\-';
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\\\u0000-\u001f\u007f]/g, (char) => {
    if (char === '\\') return '\\\\';
    if (char === '\n') return '\\n';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function unescapeText(text: string): string | null {
  if (text === '\\-') return '-';
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = text[i + 1];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === 'u' && /^[0-9a-f]{4}$/.test(text.slice(i + 2, i + 6))) {
      out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      i += 4;
    } else return null;
    i += 1;
  }
  return out;
}

const text = (value: string | null) => (value === null ? '-' : escapeText(value));
const number = (value: number | null) => {
  if (value !== null && !Number.isFinite(value)) throw new Error('a log entry number is finite');
  return value === null ? '-' : String(value);
};
const actor = (value: LogEntryActor | null) => {
  if (value === null) return '-';
  if (!/^[^\s\\]+$/.test(value.id)) throw new Error('an account id has no spaces');
  return `${value.id} ${escapeText(value.name)}`;
};

/** The entry's exact text. */
export function formatLogEntry(entry: LogEntry): string {
  const lines = [
    ENTRY_HEADER,
    `kind ${entry.kind}`,
    `region ${text(entry.region)}`,
    `figure ${text(entry.figure)}`,
    `revision ${text(entry.revision)}`,
    `value ${number(entry.value)}`,
    `unit-kk ${text(entry.unit?.kk ?? null)}`,
    `unit-ru ${text(entry.unit?.ru ?? null)}`,
    `unit-en ${text(entry.unit?.en ?? null)}`,
    `total ${number(entry.total)}`,
    `period ${text(entry.period)}`,
    `district ${text(entry.district)}`,
    `source ${text(entry.source)}`,
    `stated-by ${text(entry.statedBy)}`,
    ...entry.evidence.map((hash) => {
      if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('evidence is a hex SHA-256');
      return `evidence ${hash}`;
    }),
    `entered-by ${actor(entry.enteredBy)}`,
    `approved-by ${actor(entry.approvedBy)}`,
    `verified-by ${actor(entry.verifiedBy)}`,
    `reason ${text(entry.reason)}`,
    `corrects ${text(entry.corrects)}`,
    `time ${entry.time}`,
    `previous ${entry.previous === null ? '-' : String(entry.previous)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Reads an entry back; null when the text is not exactly what formatLogEntry writes. */
export function parseLogEntry(source: string): LogEntry | null {
  if (!source.endsWith('\n')) return null;
  const lines = source.slice(0, -1).split('\n');
  if (lines[0] !== ENTRY_HEADER) return null;
  const fields: [string, string][] = [];
  for (const line of lines.slice(1)) {
    const space = line.indexOf(' ');
    if (space <= 0) return null;
    fields.push([line.slice(0, space), line.slice(space + 1)]);
  }
  const take = (name: string): string | null => {
    const field = fields.shift();
    return field && field[0] === name ? field[1] : null;
  };
  const str = (value: string | null) =>
    value === null || value === '-' ? null : unescapeText(value);
  const num = (value: string | null) => (value === null || value === '-' ? null : Number(value));
  const who = (value: string | null): LogEntryActor | null => {
    if (value === null || value === '-') return null;
    const [id = '', ...name] = value.split(' ');
    return { id, name: unescapeText(name.join(' ')) ?? '' };
  };
  try {
    const kind = take('kind') as EntryKind;
    const entry: Partial<LogEntry> = { kind };
    entry.region = str(take('region')) ?? '';
    entry.figure = str(take('figure')) ?? '';
    entry.revision = str(take('revision')) ?? '';
    entry.value = num(take('value'));
    const [kk, ru, en] = [str(take('unit-kk')), str(take('unit-ru')), str(take('unit-en'))];
    entry.unit = kk === null || ru === null || en === null ? null : { kk, ru, en };
    entry.total = num(take('total'));
    entry.period = str(take('period'));
    entry.district = str(take('district'));
    entry.source = str(take('source')) ?? '';
    entry.statedBy = str(take('stated-by')) ?? '';
    entry.evidence = [];
    while (fields[0]?.[0] === 'evidence') entry.evidence.push(take('evidence') ?? '');
    entry.enteredBy = who(take('entered-by'));
    entry.approvedBy = who(take('approved-by'));
    entry.verifiedBy = who(take('verified-by'));
    entry.reason = str(take('reason'));
    entry.corrects = str(take('corrects'));
    entry.time = take('time') ?? '';
    entry.previous = num(take('previous'));
    if (fields.length > 0) return null;
    const parsed = entry as LogEntry;
    // Only the one spelling counts: what we read must format back to the same bytes.
    return formatLogEntry(parsed) === source ? parsed : null;
  } catch {
    return null;
  }
}
