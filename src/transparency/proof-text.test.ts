import { expect, test } from 'vitest';
import { toBase64 } from './bytes';
import { parseHashLines, parseProofText, PROOF_HEADER } from './proof-text';

const hash = (fill: number) => toBase64(new Uint8Array(32).fill(fill));
const note = 'example.com/log\n2\nAAAA\n\n\u2014 example.com/log AAAA\n';

test('a tlog-proof is read with its index, its hashes and the checkpoint after the empty line', () => {
  const proof = parseProofText(`${PROOF_HEADER}\nindex 1\n${hash(1)}\n${hash(2)}\n\n${note}`);
  expect(proof?.index).toBe(1);
  expect(proof?.hashes.map((h) => h[0])).toEqual([1, 2]);
  expect(proof?.checkpoint).toBe(note);
  // A tree of one entry: no hashes at all.
  expect(parseProofText(`${PROOF_HEADER}\nindex 0\n\n${note}`)?.hashes).toEqual([]);
});

test.each([
  ['another header', `c2sp.org/tlog-proof@v2\nindex 1\n${hash(1)}\n\n${note}`],
  ['a padded index', `${PROOF_HEADER}\nindex 01\n${hash(1)}\n\n${note}`],
  ['a short hash', `${PROOF_HEADER}\nindex 1\n${toBase64(new Uint8Array(31))}\n\n${note}`],
  ['URL-safe base64', `${PROOF_HEADER}\nindex 1\n${hash(251).replaceAll('+', '-')}\n\n${note}`],
  ['no checkpoint', `${PROOF_HEADER}\nindex 1\n${hash(1)}\n\n`],
  ['no empty line', `${PROOF_HEADER}\nindex 1\n${hash(1)}\n`],
])('a proof with %s is refused', (_, text) => {
  expect(parseProofText(text)).toBeNull();
});

test('consistency proofs are base64 hashes one a line, strictly', () => {
  expect(parseHashLines('')).toEqual([]);
  expect(parseHashLines(`${hash(1)}\n${hash(2)}\n`)?.length).toBe(2);
  expect(parseHashLines(`${hash(1)}`)).toBeNull();
  expect(parseHashLines(`${hash(1)}\n\n`)).toBeNull();
  expect(parseHashLines('<!doctype html>\n')).toBeNull();
});
