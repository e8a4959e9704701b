import { expect, test } from 'vitest';
import { toHex, utf8 } from '../../src/transparency/bytes';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rangeHash,
  rootFromLeaves,
  type SubtreeHash,
} from '../../src/transparency/merkle';
import { leafHashSync, nodeHashSync } from './node-hash';

test("Node's synchronous hashing gives the same bytes as the pure module's WebCrypto hashing", async () => {
  const entry = utf8('ashyq.org/figure-log/v1\nkind hearing\n');
  expect(toHex(leafHashSync(entry))).toBe(toHex(await leafHash(entry)));
  const [a, b] = [leafHashSync(utf8('a')), leafHashSync(utf8('b'))];
  expect(toHex(nodeHashSync(a, b))).toBe(toHex(await nodeHash(a, b)));
});

test('roots and proofs computed with it are the ones the default hashing computes', async () => {
  const leaves = Array.from({ length: 37 }, (_, i) => leafHashSync(utf8(`entry ${i}`)));
  const hashAt: SubtreeHash = (level, index) =>
    rootFromLeaves(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level));
  const hex = (hashes: Uint8Array[]) => hashes.map(toHex);
  for (const size of [1, 2, 5, 16, 37]) {
    expect(toHex(await rangeHash(0, size, hashAt, nodeHashSync))).toBe(
      toHex(await rangeHash(0, size, hashAt)),
    );
    for (const index of [0, Math.floor(size / 2), size - 1]) {
      expect(hex(await inclusionProof(index, size, hashAt, nodeHashSync))).toEqual(
        hex(await inclusionProof(index, size, hashAt)),
      );
    }
    expect(hex(await consistencyProof(Math.ceil(size / 3), size, hashAt, nodeHashSync))).toEqual(
      hex(await consistencyProof(Math.ceil(size / 3), size, hashAt)),
    );
  }
});
