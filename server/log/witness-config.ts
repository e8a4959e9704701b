import { createHash } from 'node:crypto';
import { fromBase64, toHex } from '../../src/transparency/bytes';
import { COSIGNATURE_V1, ED25519, isValidKeyName } from '../../src/transparency/note';

/*
 * LOG_WITNESSES: the witnesses the log sends each new checkpoint to (C2SP tlog-witness). Entries
 * are separated by ";" or new lines; each is the witness's base URL (its add-checkpoint endpoint
 * is "<url>/add-checkpoint") and its verifier key, separated by white space:
 *
 *   https://witness.example/ witness.example+1a2b3c4d+BAbC…
 *
 * The key is a C2SP vkey "<name>+<8 hex key ID>+<base64(type ‖ 32-byte Ed25519 key)>", of type
 * 0x04 (a cosignature/v1 key, as witnesses publish them) or 0x01 (a plain Ed25519 note key); its
 * key ID is checked for that type. Cosignature lines always carry the 0x04 key ID.
 */

export interface WitnessConfig {
  /** Base URL, ending in "/". */
  url: string;
  /** The key name: the name in the witness's cosignature lines. */
  name: string;
  /** The 0x04 key ID of its cosignatures, 8 lower-case hex digits. */
  cosignerId: string;
  /** The 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

const keyIdSync = (name: string, type: number, publicKey: Uint8Array) =>
  toHex(
    createHash('sha256')
      .update(name)
      .update(new Uint8Array([0x0a, type]))
      .update(publicKey)
      .digest()
      .subarray(0, 4),
  );

function parseEntry(entry: string, position: number): WitnessConfig {
  const where = `LOG_WITNESSES entry ${position} ("${entry}")`;
  const [address = '', vkey = '', ...extra] = entry.split(/\s+/u);
  if (vkey === '' || extra.length > 0) {
    throw new Error(`${where}: write "<add-checkpoint base URL> <verifier key>"`);
  }
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new Error(`${where}: "${address}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${where}: "${address}" is not an http(s) URL`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`${where}: the URL takes no query or fragment`);
  }
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  const name = vkey.slice(0, Math.max(first, 0));
  const id = first < 0 || second < 0 ? '' : vkey.slice(first + 1, second);
  const material = second < 0 ? null : fromBase64(vkey.slice(second + 1));
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/u.test(id) || material === null) {
    throw new Error(`${where}: the key must be "<name>+<8 hex key ID>+<base64 key>"`);
  }
  const [type, ...rest] = material;
  const publicKey = new Uint8Array(rest);
  if ((type !== COSIGNATURE_V1 && type !== ED25519) || publicKey.length !== 32) {
    throw new Error(`${where}: the key is not an Ed25519 key (type 0x04 or 0x01, 32 bytes)`);
  }
  if (keyIdSync(name, type, publicKey) !== id) {
    throw new Error(`${where}: the key ID ${id} does not match the key`);
  }
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { url: base, name, cosignerId: keyIdSync(name, COSIGNATURE_V1, publicKey), publicKey };
}

/** Parses LOG_WITNESSES; throws a message naming the entry and what is wrong with it. */
export function parseWitnesses(text: string | undefined): WitnessConfig[] {
  const entries = (text ?? '')
    .split(/[;\n]/u)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const witnesses = entries.map((entry, at) => parseEntry(entry, at + 1));
  const names = witnesses.map((witness) => witness.name);
  const twice = names.find((name, at) => names.indexOf(name) !== at);
  if (twice !== undefined) throw new Error(`LOG_WITNESSES names the witness "${twice}" twice`);
  return witnesses;
}
