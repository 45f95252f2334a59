/**
 * computeHash gives the pod-template-hash as Kubernetes encodes it: fnv32a of the template (and
 * collision count), its decimal digits mapped through rand.SafeEncodeString's alphabet
 * (0→4 ... 9→f), so names look like `web-66b6c48dd5`. Kubernetes hashes Go's spew dump of the
 * struct; we hash canonical JSON, so the digits differ from a real cluster's but follow its rules.
 */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function computeHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJson(template);
  if (collisionCount !== undefined) text += String(collisionCount);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return safeEncode(String(hash >>> 0));
}

/** safeEncode is rand.SafeEncodeString: each byte picks alphabet[byte % 27]. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++)
    out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
