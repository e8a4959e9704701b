import { EVIDENCE_MAX_BYTES, type Evidence } from '@/contract/revisions';

const extensions: Record<Evidence['type'], string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/** The type a file is sent as, from its name (the server checks the content again). */
export function evidenceType(name: string): Evidence['type'] | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  const found = Object.entries(extensions).find(([, names]) => names.includes(extension));
  return found ? (found[0] as Evidence['type']) : null;
}

export type EvidenceProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be evidence, before it is sent; null when it may be. */
export function evidenceProblem(file: { name: string; size: number }): EvidenceProblem | null {
  if (evidenceType(file.name) === null) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > EVIDENCE_MAX_BYTES) return 'size';
  return null;
}

/** A file size for people: bytes, KB or MB (1024-based, as file managers show it). */
export function sizeParts(bytes: number): { unit: 'b' | 'kb' | 'mb'; value: number } {
  if (bytes < 1024) return { unit: 'b', value: bytes };
  if (bytes < 1024 * 1024) return { unit: 'kb', value: Math.round((bytes / 1024) * 10) / 10 };
  return { unit: 'mb', value: Math.round((bytes / 1024 / 1024) * 10) / 10 };
}
