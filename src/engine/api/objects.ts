import type { KubeObject, OwnerReference } from './types';

/** deepFreeze makes a stored object read-only, so a component that mutates a cached object throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** clone returns a mutable deep copy of a (possibly frozen) JSON object. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** objectKey is the cache key components use: `namespace/name`, or `name` for cluster objects. */
export function objectKey(obj: { metadata: { namespace?: string; name: string } }): string {
  return obj.metadata.namespace
    ? `${obj.metadata.namespace}/${obj.metadata.name}`
    : obj.metadata.name;
}

/** controllerOf returns the ownerReference marked controller: true, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** ownerReferenceTo builds the controller reference a child carries to its owner. */
export function ownerReferenceTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** isBeingDeleted tells whether an object carries a deletionTimestamp. */
export function isBeingDeleted(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined;
}
