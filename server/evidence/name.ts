import { EVIDENCE_KINDS, type EvidenceType } from './types';

/*
 * The uploaded file's name. It is kept for display and for the download's filename only; on disk
 * the file has a server-made name. Still, a name that looks like a path, hides characters or
 * claims another type than the content is refused, so nobody is misled by it later.
 */
export const MAX_NAME_LENGTH = 200;

// C0 and C1 controls, DEL, and the bidirectional controls that can make "x‮fdp.exe" read as
// "xexe.pdf" (Trojan Source).
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Why a name is refused, or null when it may be stored with this type. */
export function nameProblem(name: string, type: EvidenceType): string | null {
  if (name.trim() === '') return 'The file name is empty.';
  if ([...name].length > MAX_NAME_LENGTH) {
    return `The file name is longer than ${MAX_NAME_LENGTH} characters.`;
  }
  if (HIDDEN.test(name)) return 'The file name contains control characters.';
  if (/[/\\]/.test(name) || name.includes('..')) {
    return 'The file name must be a name, not a path.';
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const allowed = EVIDENCE_KINDS[type].extensions;
  if (!allowed.includes(extension) || name.slice(0, dot).trim() === '') {
    return `A ${type} file's name must end in ${allowed.join(' or ')}.`;
  }
  return null;
}

// RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
// encodeURIComponent leaves ' ( ) * unescaped as well, which attr-char does not allow.
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * `attachment` with the name twice (RFC 6266 section 4.3): `filename` in printable ASCII for old
 * clients (anything else, and `"` and `\`, replaced by `_`), `filename*` as UTF-8 (RFC 8187).
 */
export function contentDisposition(name: string): string {
  const fallback = name.normalize('NFC').replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
