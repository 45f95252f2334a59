import type { Cluster, KubeObject } from '../engine';
import type { KubeloopState } from './store';

/** The namespaces the cluster keeps for itself: its objects are not the learner's subject. */
const CLUSTER_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/**
 * isClusterOwned: the object is the cluster's own (kube-system's, or the `kubernetes` Service the
 * API server keeps in default), so the graph leaves it out the way it folds kube-system's pods.
 */
export function isClusterOwned(object: KubeObject): boolean {
  const namespace = object.metadata.namespace;
  if (namespace !== undefined && CLUSTER_NAMESPACES.has(namespace)) return true;
  return (
    object.kind === 'Service' && namespace === 'default' && object.metadata.name === 'kubernetes'
  );
}

/**
 * keepIfSame returns before when after reads the same (small views only: it compares their
 * JSON), so a selector's result keeps its identity and nothing redraws for an unchanged object.
 */
export function keepIfSame<T>(before: T | undefined, after: T): T {
  return before !== undefined && JSON.stringify(before) === JSON.stringify(after) ? before : after;
}

/** sameItems: both lists hold the same objects in the same order (compared by identity). */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  return a !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * memoPerVersion makes a selector that builds an index once per engine version for every caller,
 * from the cluster shown and the index it built last for that cluster.
 */
export function memoPerVersion<T>(
  build: (cluster: Cluster, previous: T | undefined) => T,
): (state: Pick<KubeloopState, 'cluster' | 'version'>) => T {
  let latest: { cluster: Cluster; version: number; index: T } | undefined;
  return ({ cluster, version }) => {
    if (latest?.cluster !== cluster || latest.version !== version) {
      const previous = latest?.cluster === cluster ? latest.index : undefined;
      latest = { cluster, version, index: build(cluster, previous) };
    }
    return latest.index;
  };
}
