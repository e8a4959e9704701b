import { http } from 'msw';
import { manageEndpoints } from '@/contract/endpoints';
import { EVIDENCE_MAX_BYTES, type Evidence } from '@/contract/revisions';
import { answer, audit, refuse, sessionAt, type Answer } from './manage-state';
import { onAnyOrigin } from './respond';
import { newEvidenceId, revisionState } from './revisions-state';

type EvidenceType = Evidence['type'];

/** What each type's file starts with, and the names it may have. */
const kinds: Record<EvidenceType, { magic: number[]; extensions: string[] }> = {
  'application/pdf': { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['pdf'] },
  'image/png': { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['png'] },
  'image/jpeg': { magic: [0xff, 0xd8, 0xff], extensions: ['jpg', 'jpeg'] },
};
const isType = (value: string): value is EvidenceType => Object.hasOwn(kinds, value);

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A display name only: no path, no control characters, an extension of its type. */
function nameProblem(name: string | null, type: EvidenceType): string | null {
  if (name === null || name.trim() === '') return 'name: the file needs its name (?name=)';
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name.length > 200 || name.startsWith('.')) {
    return 'name: a file name only, without a path';
  }
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (!kinds[type].extensions.includes(extension)) {
    return `name: a ${type} file is named .${kinds[type].extensions.join(' or .')}`;
  }
  return null;
}

async function upload(request: Request): Promise<Answer> {
  const at = sessionAt('active');
  if ('refusal' in at) return at.refusal;
  const me = at.entry.account;
  if (!me.roles.some((role) => role === 'editor' || role === 'verifier' || role === 'admin')) {
    return refuse(403, 'role', 'Your roles do not allow uploading evidence.');
  }
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  if (!isType(type)) {
    return refuse(415, 'unsupported_media_type', 'Evidence is a PDF, PNG or JPEG file.');
  }
  const name = new URL(request.url).searchParams.get('name');
  const problem = nameProblem(name, type);
  if (problem) return refuse(400, 'invalid_evidence', problem);
  // The real server stops reading at the limit; the declared length lets the mock refuse early.
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > EVIDENCE_MAX_BYTES) return refuse(413, 'too_large', 'A file is 10 MB at most.');
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > EVIDENCE_MAX_BYTES) {
    return refuse(413, 'too_large', 'A file is 10 MB at most.');
  }
  if (buffer.byteLength === 0) return refuse(400, 'invalid_evidence', 'The file is empty.');
  if (!startsWith(new Uint8Array(buffer), kinds[type].magic)) {
    return refuse(400, 'invalid_evidence', `The content is not a ${type} file.`);
  }
  const evidence: Evidence = {
    id: newEvidenceId(),
    name: name ?? '',
    type,
    size: buffer.byteLength,
    sha256: hex(await crypto.subtle.digest('SHA-256', new Uint8Array(buffer))),
  };
  revisionState().evidence.set(evidence.id, evidence);
  audit({
    actorId: me.id,
    actorName: me.username,
    action: 'evidence.upload',
    target: `evidence:${evidence.id}`,
    outcome: 'success',
    detail: { sha256: evidence.sha256, size: evidence.size },
  });
  return answer(evidence, { status: 201 });
}

export const evidenceHandlers = [
  http.post(onAnyOrigin(manageEndpoints.evidenceUpload), ({ request }) => upload(request)),
];
