/**
 * Patches as the API server applies them: JSON merge patch (RFC 7386) and strategic merge patch,
 * which merges lists of named things (containers by name, container ports by containerPort, Service ports by port) instead of
 * replacing them. Both return a new object and never touch their inputs.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * applyMergePatch applies an RFC 7386 JSON merge patch: objects merge, null deletes, the rest
 * replaces. Parts of target the patch does not touch are shared, not copied.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value) as Json;
  }
  return result;
}

/** MERGE_KEYS lists, by field name, the key that identifies an element of a mergeable list. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumes: 'name',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
  containerStatuses: 'name',
  initContainerStatuses: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  finalizers: '',
};

/**
 * applyStrategicMergePatch merges like a JSON merge patch, except that lists whose field has a
 * merge key are merged element by element (`$patch: delete` removes one), and `$patch: replace`
 * on an object replaces it whole. Untouched parts of target are shared, not copied.
 */
export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _directive, ...rest } = patch;
    return rest;
  }
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
    } else if (
      Array.isArray(value) &&
      Array.isArray(result[key]) &&
      listMergeKey(key, [...value, ...(result[key] as Json[])]) !== undefined
    ) {
      const current = result[key] as Json[];
      result[key] = mergeList(current, value, listMergeKey(key, [...value, ...current])!);
    } else {
      result[key] = applyStrategicMergePatch(result[key], value) as Json;
    }
  }
  return result;
}

function mergeList(current: Json[], patch: Json[], mergeKey: string): Json[] {
  if (mergeKey === '') {
    // A set of primitives (finalizers): union, in order.
    return [...current, ...patch.filter((item) => !current.includes(item))];
  }
  const result = [...current];
  for (const item of patch) {
    if (!isObject(item) || !(mergeKey in item)) {
      result.push(item);
      continue;
    }
    const index = result.findIndex((el) => isObject(el) && el[mergeKey] === item[mergeKey]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = applyStrategicMergePatch(result[index], item) as Json;
    } else {
      const { $patch: _directive, ...rest } = item;
      result.push(rest);
    }
  }
  return result;
}

/**
 * listMergeKey names the key that identifies an element of the list at `field`, or undefined
 * for a list that is replaced whole. `ports` is the one field name two structs share with
 * different keys: a container's ports merge by containerPort, a Service's by port.
 */
export function listMergeKey(field: string, items: readonly unknown[]): string | undefined {
  if (field === 'ports' && items.some((item) => isObject(item) && !('containerPort' in item)))
    return 'port';
  return MERGE_KEYS[field];
}
