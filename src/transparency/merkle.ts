import { type Bytes, equalBytes, sha256 } from './bytes';

/*
 * The RFC 6962 Merkle tree (SHA-256): hashing, proof generation over stored subtree hashes, and
 * proof verification (RFC 9162 §2.1.3.2 and §2.1.4.2). Sizes and indices are plain numbers and
 * are halved with arithmetic, never with 32-bit shifts, so they hold up to 2^53.
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** SHA-256(""): the root of the empty tree (not the hash of an empty leaf). */
export const emptyRoot = (): Promise<Bytes> => sha256(new Uint8Array(0));
export const leafHash = (entry: Uint8Array): Promise<Bytes> => sha256(LEAF_PREFIX, entry);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Bytes> =>
  sha256(NODE_PREFIX, left, right);

/**
 * How interior nodes are hashed: WebCrypto by default (the browser and the CLI). The server
 * passes Node's synchronous SHA-256, which skips WebCrypto's thread-pool round trip per hash
 * (that round trip was most of an inclusion proof's time), and a placeholder pass passes one
 * that hashes nothing.
 */
export type NodeHasher = (left: Uint8Array, right: Uint8Array) => Promise<Uint8Array> | Uint8Array;
const webNodeHash: NodeHasher = nodeHash;

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n >= 1 && splitPoint(n * 2) === n;
const half = (n: number) => Math.floor(n / 2);
const odd = (n: number) => n % 2 === 1;

/**
 * The hash of a complete subtree: level L, index N covers leaves [N·2^L, (N+1)·2^L). This is how
 * a log stores its tree (about 2 hashes a leaf), and what the tile files serve.
 */
export type SubtreeHash = (level: number, index: number) => Promise<Uint8Array>;

/**
 * MTH(D[lo:hi]) from stored complete subtrees. Called from the root, every left part is an aligned
 * complete subtree, so it takes at most one read a level.
 */
export async function rangeHash(
  lo: number,
  hi: number,
  hashAt: SubtreeHash,
  node: NodeHasher = webNodeHash,
): Promise<Uint8Array> {
  const n = hi - lo;
  if (n <= 0) return emptyRoot();
  if (isPowerOfTwo(n) && lo % n === 0) return hashAt(Math.log2(n), lo / n);
  const k = splitPoint(n);
  return node(await rangeHash(lo, lo + k, hashAt, node), await rangeHash(lo + k, hi, hashAt, node));
}

/** MTH of a list of leaf hashes, for small trees and tests. */
export function rootFromLeaves(leaves: Uint8Array[]): Promise<Uint8Array> {
  return rangeHash(0, leaves.length, async (level, index) => {
    const width = 2 ** level;
    return rootOfComplete(leaves.slice(index * width, (index + 1) * width));
  });
}

async function rootOfComplete(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 1) return leaves[0] as Uint8Array;
  const mid = leaves.length / 2;
  return nodeHash(
    await rootOfComplete(leaves.slice(0, mid)),
    await rootOfComplete(leaves.slice(mid)),
  );
}

/** RFC 6962 §2.1.1 PATH(m, D[size]): the inclusion proof of leaf `index`. */
export async function inclusionProof(
  index: number,
  size: number,
  hashAt: SubtreeHash,
  node: NodeHasher = webNodeHash,
): Promise<Uint8Array[]> {
  if (!(index >= 0 && index < size))
    throw new RangeError(`index ${index} is outside a tree of ${size}`);
  const path = async (m: number, lo: number, hi: number): Promise<Uint8Array[]> => {
    if (hi - lo === 1) return [];
    const k = splitPoint(hi - lo);
    return m < k
      ? [...(await path(m, lo, lo + k)), await rangeHash(lo + k, hi, hashAt, node)]
      : [...(await path(m - k, lo + k, hi)), await rangeHash(lo, lo + k, hashAt, node)];
  };
  return path(index, 0, size);
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]): the consistency proof from size1 to size2. */
export async function consistencyProof(
  size1: number,
  size2: number,
  hashAt: SubtreeHash,
  node: NodeHasher = webNodeHash,
): Promise<Uint8Array[]> {
  if (!(size1 >= 0 && size1 <= size2)) throw new RangeError(`no proof from ${size1} to ${size2}`);
  if (size1 === 0 || size1 === size2) return [];
  const subproof = async (
    m: number,
    lo: number,
    hi: number,
    complete: boolean,
  ): Promise<Uint8Array[]> => {
    const n = hi - lo;
    if (m === n) return complete ? [] : [await rangeHash(lo, hi, hashAt, node)];
    const k = splitPoint(n);
    return m <= k
      ? [...(await subproof(m, lo, lo + k, complete)), await rangeHash(lo + k, hi, hashAt, node)]
      : [...(await subproof(m - k, lo + k, hi, false)), await rangeHash(lo, lo + k, hashAt, node)];
  };
  return subproof(size1, 0, size2, true);
}

const allHashes = (hashes: Uint8Array[]) => hashes.every((hash) => hash.length === HASH_SIZE);

/** RFC 9162 §2.1.3.2. False (never a throw) for any bad input, hashes of the wrong length included. */
export async function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return false;
  if (!allHashes([leaf, root, ...proof])) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(r, root);
}

/**
 * RFC 9162 §2.1.4.2. Size 0 follows C2SP tlog-witness: the empty tree (root SHA-256("")) is
 * consistent with any tree, with an empty proof.
 */
export async function verifyConsistency(
  size1: number,
  size2: number,
  proof: Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): Promise<boolean> {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1)
    return false;
  if (!allHashes([root1, root2, ...proof])) return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  if (size1 === 0) return proof.length === 0 && equalBytes(root1, await emptyRoot());
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}
