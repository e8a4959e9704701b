import { type Bytes, fromBase64, parseDecimal } from './bytes';
import { HASH_SIZE } from './merkle';

/*
 * C2SP tlog-proof, as /log/proof/<index> serves it: "c2sp.org/tlog-proof@v1\n", "index <N>\n",
 * the inclusion proof as base64 hashes one a line, an empty line, then the signed checkpoint the
 * proof is against. Read strictly: any other spelling is refused.
 */

export const PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

export interface ProofText {
  index: number;
  hashes: Bytes[];
  /** The signed checkpoint note, exactly as served. */
  checkpoint: string;
}

export function parseProofText(text: string): ProofText | null {
  const split = text.indexOf('\n\n');
  if (split < 0) return null;
  const [header, indexLine = '', ...hashLines] = text.slice(0, split).split('\n');
  if (header !== PROOF_HEADER || !indexLine.startsWith('index ')) return null;
  const index = parseDecimal(indexLine.slice('index '.length));
  if (index === null) return null;
  const hashes: Bytes[] = [];
  for (const line of hashLines) {
    const hash = fromBase64(line);
    if (hash === null || hash.length !== HASH_SIZE) return null;
    hashes.push(hash);
  }
  const checkpoint = text.slice(split + 2);
  return checkpoint === '' ? null : { index, hashes, checkpoint };
}

/** A consistency proof as /log/consistency serves it: base64 hashes one a line. */
export function parseHashLines(text: string): Bytes[] | null {
  if (text === '') return [];
  if (!text.endsWith('\n')) return null;
  const hashes: Bytes[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const hash = fromBase64(line);
    if (hash === null || hash.length !== HASH_SIZE) return null;
    hashes.push(hash);
  }
  return hashes;
}
