/**
 * threeWayPatch is a small version of kubectl apply's strategic three-way merge
 * (apimachinery strategicpatch.CreateThreeWayMergePatch): set what `modified` changes relative to
 * `current`, delete (null) what `original` (the last-applied manifest) had and `modified` dropped.
 * Lists of named things are diffed element by element by their merge key, so server defaults
 * inside a container do not count as changes.
 */
import { listMergeKey } from '../../engine/apiserver/patch';

type Json = unknown;
type JsonMap = Record<string, unknown>;

const isMap = (v: Json): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);
const equal = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

export function threeWayPatch(original: Json, modified: Json, current: Json): JsonMap {
  return diffMaps(
    isMap(original) ? original : {},
    isMap(modified) ? modified : {},
    isMap(current) ? current : {},
  );
}

function diffMaps(original: JsonMap, modified: JsonMap, current: JsonMap): JsonMap {
  const patch: JsonMap = {};
  for (const [key, want] of Object.entries(modified)) {
    const have = current[key];
    if (isMap(want) && isMap(have)) {
      const sub = diffMaps(isMap(original[key]) ? original[key] : {}, want, have);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (
      Array.isArray(want) &&
      Array.isArray(have) &&
      listMergeKey(key, [...want, ...have]) !== undefined
    ) {
      const sub = diffLists(
        listMergeKey(key, [...want, ...have])!,
        Array.isArray(original[key]) ? original[key] : [],
        want,
        have,
      );
      if (sub) patch[key] = sub;
    } else if (!equal(want, have)) {
      patch[key] = want;
    }
  }
  for (const key of Object.keys(original)) {
    if (!(key in modified) && key in current) patch[key] = null;
  }
  return patch;
}

function diffLists(
  mergeKey: string,
  original: Json[],
  modified: Json[],
  current: Json[],
): Json[] | undefined {
  if (!modified.every(isMap) || !current.every(isMap))
    return equal(modified, current) ? undefined : modified;
  const keyOf = (m: JsonMap) => JSON.stringify(m[mergeKey]);
  const out: Json[] = [];
  for (const want of modified as JsonMap[]) {
    const have = (current as JsonMap[]).find((c) => keyOf(c) === keyOf(want));
    if (!have) {
      out.push(want);
      continue;
    }
    const before =
      (original.filter(isMap) as JsonMap[]).find((o) => keyOf(o) === keyOf(want)) ?? {};
    const sub = diffMaps(before, want, have);
    if (Object.keys(sub).length > 0) out.push({ [mergeKey]: want[mergeKey], ...sub });
  }
  for (const gone of original.filter(isMap) as JsonMap[]) {
    const stillWanted = (modified as JsonMap[]).some((m) => keyOf(m) === keyOf(gone));
    const present = (current as JsonMap[]).some((c) => keyOf(c) === keyOf(gone));
    if (!stillWanted && present) out.push({ [mergeKey]: gone[mergeKey], $patch: 'delete' });
  }
  const orderChanged = !equal(
    (modified as JsonMap[]).map(keyOf),
    (current as JsonMap[])
      .map(keyOf)
      .filter((k) => (modified as JsonMap[]).some((m) => keyOf(m) === k)),
  );
  return out.length > 0 || orderChanged ? (out.length > 0 ? out : modified) : undefined;
}
