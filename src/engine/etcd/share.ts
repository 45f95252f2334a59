/**
 * Stored objects are frozen, so equal parts of them can be one object. A Deployment's thousand
 * pods carry the same tolerations, projected token volume, owner reference and, written in the
 * same second, the same conditions: freezeSharing stores each such part once. Nothing a reader
 * can see changes (the parts are equal, key order included); only memory and freezing are saved.
 */

type Json = Record<string, unknown> | unknown[];

/**
 * freezeSharing deep-freezes value, first replacing every part of it that is not yet frozen and
 * equals the part of reference at the same place (reference is a stored, frozen object: usually
 * the last one stored of the same resource) with reference's part. Returns value.
 */
export function freezeSharing<T extends object>(value: T, reference: object | undefined): T {
  // The top level itself is never replaced: it is the object being stored.
  settle(value as Json, Object.isFrozen(reference) ? like(value, reference) : undefined);
  Object.freeze(value);
  return value;
}

/**
 * settle shares value's parts with ref's, in one pass from the leaves up, and tells whether
 * value then equals ref: every part the same (ref's own, or an equal scalar) under the same keys
 * in the same order (a field set to undefined counts as a key). ref is frozen, so all of it is:
 * whatever is frozen was frozen deeply (parts first), by freezeSharing or deepFreeze.
 */
function settle(value: Json, ref: Json | undefined): boolean {
  let same = ref !== undefined;
  if (Array.isArray(value)) {
    const other = ref as unknown[] | undefined;
    if (same && value.length !== other!.length) same = false;
    for (let i = 0; i < value.length; i++) {
      let child = value[i];
      // Scalars (most leaves) are compared in place; parts already stored (shared with an
      // earlier version) are left as they are.
      if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) {
        const part = like(child, other?.[i]);
        if (settle(child as Json, part)) value[i] = child = part;
        else Object.freeze(child);
      }
      if (same && child !== other![i]) same = false;
    }
    return same;
  }
  const other = ref as Record<string, unknown> | undefined;
  let count = 0;
  for (const key in value) {
    count++;
    let child = value[key];
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) {
      const part = like(child, other?.[key]);
      if (settle(child as Json, part)) value[key] = child = part;
      else Object.freeze(child);
    }
    if (same && child !== other![key]) same = false;
  }
  if (!same) return false;
  // Equal values under each key; the keys themselves must be the same, in the same order.
  const keys = Object.keys(other!);
  if (keys.length !== count) return false;
  let i = 0;
  for (const key in value) if (key !== keys[i++]) return false;
  return true;
}

/** like is the reference's part if it can stand in for value: an array for an array, an object for an object. */
function like(value: object, part: unknown): Json | undefined {
  if (part === null || typeof part !== 'object') return undefined;
  return Array.isArray(part) === Array.isArray(value) ? (part as Json) : undefined;
}
