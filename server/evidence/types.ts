import type { Evidence } from '../../src/contract/revisions';

/*
 * The kinds of evidence file accepted (ISSUE 10, SECURITY.md "Files"): each with the extensions
 * its name may end in and the bytes its content must start with. Declared type, extension and
 * content must all agree.
 */
export type EvidenceType = Evidence['type'];

interface Kind {
  extensions: readonly string[];
  magic: readonly number[];
}

export const EVIDENCE_KINDS: Readonly<Record<EvidenceType, Kind>> = {
  // "%PDF-"
  'application/pdf': { extensions: ['.pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  'image/png': {
    extensions: ['.png'],
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  'image/jpeg': { extensions: ['.jpg', '.jpeg'], magic: [0xff, 0xd8, 0xff] },
};

/** The longest signature: this many leading bytes decide whether the content matches. */
export const MAGIC_BYTES = Math.max(...Object.values(EVIDENCE_KINDS).map((k) => k.magic.length));

/** The declared Content-Type, without parameters and case, if it is one we take. */
export function evidenceTypeOf(contentType: string | undefined): EvidenceType | null {
  const bare = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(EVIDENCE_KINDS, bare) ? (bare as EvidenceType) : null;
}

/** Whether the content's first bytes are this type's signature. */
export function contentMatches(type: EvidenceType, head: Uint8Array): boolean {
  const { magic } = EVIDENCE_KINDS[type];
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}
