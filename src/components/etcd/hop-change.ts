import { etcdKey, resourceForKind, type Cluster, type Hop, type KubeObject } from '../../engine';

/** HopChange is what a hop did to etcd: the key, the revision, and the value before and after. */
export interface HopChange {
  key: string;
  /** the revision the write produced (or the watch event carries); undefined: not written (yet) */
  revision: number | undefined;
  /** the stored value before the write; undefined when the write created the key */
  before: KubeObject | undefined;
  /** the stored value after the write; undefined when the write deleted the key */
  after: KubeObject | undefined;
  /** false when etcd no longer holds that revision (compacted, or history is off) */
  known: boolean;
}

/** A request is stored this many hops later at most (its etcd write follows it closely). */
const STORAGE_LOOKAHEAD = 400;

/** keyOfHop is the etcd key a hop is about: the storage hop names it, others are derived. */
export function keyOfHop(hop: Hop): string | undefined {
  if (hop.channel === 'storage' && hop.detail?.startsWith('/registry/')) return hop.detail;
  if (hop.channel === 'cri' || !hop.object.name) return undefined;
  const info = resourceForKind(hop.object.kind);
  return info ? etcdKey(info, hop.object.namespace, hop.object.name) : undefined;
}

/**
 * revisionOfHop: storage and watch hops carry their revision; an API request is stored by the
 * storage hop that follows it for the same object, found in the cluster's kept hops.
 */
function revisionOfHop(cluster: Cluster, hop: Hop, key: string): number | undefined {
  if (hop.revision !== undefined) return hop.revision;
  if (hop.channel !== 'request') return undefined;
  const kept = cluster.hops.all();
  // Kept hops are numbered from 1 with no gaps, so a hop's index is its seq - 1.
  const start = kept[hop.seq - 1]?.seq === hop.seq ? hop.seq : kept.length;
  for (let i = start; i < Math.min(kept.length, start + STORAGE_LOOKAHEAD); i++) {
    const later = kept[i]!;
    if (later.channel === 'storage' && later.detail === key) return later.revision;
  }
  return undefined;
}

/** hopChange looks up what hop wrote in etcd's history; undefined for hops that touch no key. */
export function hopChange(cluster: Cluster, hop: Hop): HopChange | undefined {
  const key = keyOfHop(hop);
  if (!key) return undefined;
  const revision = revisionOfHop(cluster, hop, key);
  if (revision === undefined) {
    return { key, revision, before: undefined, after: undefined, known: false };
  }
  const event = cluster.etcd.history(key).find((e) => e.revision === revision);
  if (event) {
    return event.type === 'PUT'
      ? { key, revision, before: event.prevValue, after: event.value, known: true }
      : { key, revision, before: event.value, after: undefined, known: true };
  }
  // No history (compacted or not kept): the live value is still this write's if nothing came after.
  const current = cluster.etcd.get(key);
  const after = current?.modRevision === revision ? current.value : undefined;
  return {
    key,
    revision,
    before: undefined,
    after,
    known: after !== undefined && current!.version === 1,
  };
}
