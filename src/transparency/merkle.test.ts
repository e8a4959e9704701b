import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromBase64, fromHex, toHex, utf8 } from './bytes';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  nodeHash,
  rangeHash,
  rootFromLeaves,
  type SubtreeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

/** The public vectors: ../shared/vectors/tlog, beside the checkout (in CI as here). */
const vectors = join(process.cwd(), '../shared/vectors/tlog');
const readJson = (path: string) => JSON.parse(readFileSync(join(vectors, path), 'utf8'));
const rfc = readJson('rfc6962.json') as {
  emptyRoot: string;
  hashes: {
    kind: 'leaf' | 'node';
    input_hex?: string;
    left_hex?: string;
    right_hex?: string;
    hash_hex: string;
  }[];
  leaves_hex: string[];
  roots_hex: Record<string, string>;
  inclusion: { index: number; size: number; proof_hex: string[] }[];
  consistency: { size1: number; size2: number; proof_hex: string[] }[];
};

const leaves = () => Promise.all(rfc.leaves_hex.map((hex) => leafHash(fromHex(hex))));

/** Stored subtree hashes of a list of leaf hashes, as a log keeps them. */
function store(leafHashes: Uint8Array[]): SubtreeHash {
  return async (level, index) => {
    const width = 2 ** level;
    return rootFromLeaves(leafHashes.slice(index * width, (index + 1) * width));
  };
}

describe('RFC 6962 vectors', () => {
  test('empty root, leaf and node hashes', async () => {
    expect(toHex(await emptyRoot())).toBe(rfc.emptyRoot);
    for (const vector of rfc.hashes) {
      const hash =
        vector.kind === 'leaf'
          ? await leafHash(fromHex(vector.input_hex ?? ''))
          : await nodeHash(fromHex(vector.left_hex ?? ''), fromHex(vector.right_hex ?? ''));
      expect(toHex(hash)).toBe(vector.hash_hex);
    }
  });

  test('roots for sizes 1 to 8', async () => {
    const all = await leaves();
    for (const [size, root] of Object.entries(rfc.roots_hex)) {
      expect(toHex(await rootFromLeaves(all.slice(0, Number(size))))).toBe(root);
    }
  });

  test('inclusion proofs are regenerated exactly and verify', async () => {
    const all = await leaves();
    for (const { index, size, proof_hex } of rfc.inclusion) {
      const tree = all.slice(0, size);
      const proof = await inclusionProof(index, size, store(tree));
      expect(proof.map(toHex)).toEqual(proof_hex);
      const root = fromHex(rfc.roots_hex[String(size)] ?? '');
      expect(await verifyInclusion(index, size, all[index] as Uint8Array, proof, root)).toBe(true);
    }
  });

  test('consistency proofs are regenerated exactly and verify', async () => {
    const all = await leaves();
    for (const { size1, size2, proof_hex } of rfc.consistency) {
      const proof = await consistencyProof(size1, size2, store(all.slice(0, size2)));
      expect(proof.map(toHex)).toEqual(proof_hex);
      const root1 = fromHex(rfc.roots_hex[String(size1)] ?? '');
      const root2 = fromHex(rfc.roots_hex[String(size2)] ?? '');
      expect(await verifyConsistency(size1, size2, proof, root1, root2)).toBe(true);
    }
  });
});

/*
 * transparency-dev/merkle's probes. Our verifier requires 32-byte hashes, and follows C2SP
 * tlog-witness for size 0, which probes/README.md says differs from Go's answer in one file.
 */
const probeExceptions = new Set(['additional--sizes-are-equal-one-and-proof-is-empty.json']);
const b64 = (text: string | null) =>
  text === null ? new Uint8Array(0) : (fromBase64(text) ?? utf8(text));
const probes = (kind: string) =>
  readdirSync(join(vectors, 'probes', kind))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, probe: readJson(`probes/${kind}/${name}`) }));

describe('proof probes', () => {
  test('every inclusion probe', async () => {
    const all = probes('inclusion');
    expect(all).toHaveLength(98);
    for (const { name, probe } of all) {
      const ok = await verifyInclusion(
        probe.leafIdx,
        probe.treeSize,
        b64(probe.leafHash),
        (probe.proof ?? []).map(b64),
        b64(probe.root),
      );
      expect({ name, ok }).toEqual({ name, ok: !probe.wantErr });
    }
  });

  test('every consistency probe, with the documented exception', async () => {
    const all = probes('consistency');
    expect(all).toHaveLength(98);
    for (const { name, probe } of all) {
      const ok = await verifyConsistency(
        probe.size1,
        probe.size2,
        (probe.proof ?? []).map(b64),
        b64(probe.root1),
        b64(probe.root2),
      );
      const expected = probeExceptions.has(name) ? Boolean(probe.wantErr) : !probe.wantErr;
      expect({ name, ok }).toEqual({ name, ok: expected });
    }
  });
});

describe('properties', () => {
  const treeOf = async (size: number) =>
    Promise.all(Array.from({ length: size }, (_, i) => leafHash(utf8(`entry ${i}`))));
  const flip = (proof: Uint8Array[], at: number, bit: number) =>
    proof.map((hash, i) =>
      i === at ? hash.map((byte, j) => (j === 0 ? byte ^ (1 << bit) : byte)) : hash,
    );

  test('every inclusion proof verifies and every altered one fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.nat(),
        fc.nat(7),
        async (size, i, at, bit) => {
          const tree = await treeOf(size);
          const index = i % size;
          const root = await rangeHash(0, size, store(tree));
          const proof = await inclusionProof(index, size, store(tree));
          expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(size)));
          expect(await verifyInclusion(index, size, tree[index] as Uint8Array, proof, root)).toBe(
            true,
          );
          if (proof.length > 0) {
            expect(
              await verifyInclusion(
                index,
                size,
                tree[index] as Uint8Array,
                flip(proof, at % proof.length, bit),
                root,
              ),
            ).toBe(false);
          }
          if (size > 1) {
            expect(
              await verifyInclusion(
                (index + 1) % size,
                size,
                tree[index] as Uint8Array,
                proof,
                root,
              ),
            ).toBe(false);
          }
          expect(
            await verifyInclusion(index, size, tree[index] as Uint8Array, [...proof, root], root),
          ).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('every consistency proof verifies and every altered one fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.nat(),
        fc.nat(7),
        async (size2, s, at, bit) => {
          const tree = await treeOf(size2);
          const size1 = 1 + (s % size2);
          const root1 = await rangeHash(0, size1, store(tree));
          const root2 = await rangeHash(0, size2, store(tree));
          const proof = await consistencyProof(size1, size2, store(tree));
          expect(await verifyConsistency(size1, size2, proof, root1, root2)).toBe(true);
          if (proof.length > 0) {
            expect(
              await verifyConsistency(
                size1,
                size2,
                flip(proof, at % proof.length, bit),
                root1,
                root2,
              ),
            ).toBe(false);
          }
          if (size1 < size2) {
            const forked = await leafHash(utf8('forked'));
            const otherRoot = await rangeHash(
              0,
              size2,
              store([...tree.slice(0, size2 - 1), forked]),
            );
            expect(await verifyConsistency(size1, size2, proof, root1, otherRoot)).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test('sizes past 2^31 are halved without 32-bit overflow', async () => {
    const size = 2 ** 33 + 5;
    const hashAt: SubtreeHash = async (level, index) => utf8(`${level}/${index}`.padEnd(32, '.'));
    const proof = await inclusionProof(size - 1, size, hashAt);
    expect(proof.length).toBeLessThanOrEqual(34);
    const leaf = await hashAt(0, size - 1);
    const root = await rangeHash(0, size, hashAt);
    expect(await verifyInclusion(size - 1, size, leaf, proof, root)).toBe(true);
  });
});
