import type { KubeObject } from '../../engine';

/** An OwnerLink is one step of an owner chain: Deployment → ReplicaSet → Pod. */
export interface OwnerLink {
  kind: string;
  name: string;
  namespace?: string;
  /** the owner is named by a reference but is gone (or not yet seen) */
  missing?: boolean;
}

/** Owners can only live in the same namespace; lookup finds one by kind and name there. */
export type OwnerLookup = (
  kind: string,
  namespace: string | undefined,
  name: string,
) => KubeObject | undefined;

const MAX_DEPTH = 8;

/**
 * ownerChain follows controller ownerReferences up from obj and returns the chain top-down,
 * ending with obj itself: [Deployment web, ReplicaSet web-5d4f, Pod web-5d4f-x2x9z].
 */
export function ownerChain(obj: KubeObject, lookup: OwnerLookup): OwnerLink[] {
  const namespace = obj.metadata.namespace;
  const chain: OwnerLink[] = [{ kind: obj.kind, name: obj.metadata.name, namespace }];
  let current: KubeObject | undefined = obj;
  for (let i = 0; current && i < MAX_DEPTH; i++) {
    const refs: NonNullable<KubeObject['metadata']['ownerReferences']> =
      current.metadata.ownerReferences ?? [];
    const ref = refs.find((r) => r.controller) ?? refs[0];
    if (!ref) break;
    const owner = lookup(ref.kind, namespace, ref.name);
    const found = owner && owner.metadata.uid === ref.uid ? owner : undefined;
    chain.unshift({ kind: ref.kind, name: ref.name, namespace, missing: !found || undefined });
    current = found;
  }
  return chain;
}
