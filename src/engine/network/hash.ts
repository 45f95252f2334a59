/**
 * The hashing kube-proxy names its chains with: SHA-256 and Go's base32.StdEncoding. SHA-256 comes
 * from @noble/hashes because it is synchronous and platform-free, which the engine needs in a
 * browser (Web Crypto is asynchronous) as much as in Node.
 */
import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** sha256 digests a string's UTF-8 bytes. */
export function sha256(text: string): Uint8Array {
  return sha256Bytes(utf8ToBytes(text));
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** base32 encodes bytes as Go's base32.StdEncoding does (padding omitted: callers truncate). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}
