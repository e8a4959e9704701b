import { toBase64, utf8 } from '@/transparency/bytes';
import { formatCheckpoint } from '@/transparency/checkpoint';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rangeHash,
  rootFromLeaves,
  type SubtreeHash,
} from '@/transparency/merkle';
import { formatVerifierKey, generateSigner, type Signer, signNote } from '@/transparency/note';
import { PROOF_HEADER } from '@/transparency/proof-text';
import { encodeEntryBundle, parseTilePath, TILE_WIDTH } from '@/transparency/tiles';

export const FAKE_ORIGIN = 'test.example/log';

/**
 * A log served from memory with the paths of /log/ (key, checkpoint, entry bundles, proof,
 * consistency), built with the pure code. `size` may be set below the entries to serve an older
 * tree; `entries` may be altered after the tree was hashed; `override` replaces an answer.
 */
export async function fakeLog(texts: string[], signer?: Signer) {
  const entries = texts.map((text) => utf8(text));
  const leaves = await Promise.all(entries.map((entry) => leafHash(entry)));
  const hashAt: SubtreeHash = (level, index) =>
    rootFromLeaves(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level));
  const log = {
    entries,
    signer: signer ?? (await generateSigner(FAKE_ORIGIN)).signer,
    size: texts.length,
    requests: [] as string[],
    /** Replaces an answer by path below /log/, without the query. */
    override: new Map<string, () => Response>(),
    async checkpointAt(size: number, root?: Uint8Array) {
      const hash = root ?? (await rangeHash(0, size, hashAt));
      const text = formatCheckpoint({ origin: FAKE_ORIGIN, size, root: new Uint8Array(hash) });
      return signNote(text, [log.signer]);
    },
    verifierKey: () => formatVerifierKey(FAKE_ORIGIN, log.signer.publicKey),
    fetch: async (url: string): Promise<Response> => {
      const path = url.replace(/^.*\/log\//, '');
      log.requests.push(path);
      const override = log.override.get(path.replace(/\?.*$/, ''));
      if (override) return override();
      if (path === 'key') return new Response(`${await log.verifierKey()}\n`);
      if (path === 'checkpoint') return new Response(await log.checkpointAt(log.size));
      const proof = /^proof\/(\d+)$/.exec(path);
      if (proof) {
        const index = Number(proof[1]);
        if (index >= log.size) return new Response('no entry\n', { status: 404 });
        const hashes = await inclusionProof(index, log.size, hashAt);
        const lines = hashes.map((hash) => `${toBase64(hash)}\n`).join('');
        const note = await log.checkpointAt(log.size);
        return new Response(`${PROOF_HEADER}\nindex ${index}\n${lines}\n${note}`);
      }
      const consistency = /^consistency\?from=(\d+)&to=(\d+)$/.exec(path);
      if (consistency) {
        const [from, to] = [Number(consistency[1]), Number(consistency[2])];
        if (to > log.size) return new Response('no such size\n', { status: 400 });
        const hashes = await consistencyProof(from, to, hashAt);
        return new Response(hashes.map((hash) => `${toBase64(hash)}\n`).join(''));
      }
      const tile = parseTilePath(path);
      if (tile?.level === 'entries') {
        const from = tile.index * TILE_WIDTH;
        return new Response(encodeEntryBundle(entries.slice(from, from + tile.width)));
      }
      return new Response('not found\n', { status: 404 });
    },
  };
  return log;
}

export type FakeLog = Awaited<ReturnType<typeof fakeLog>>;
