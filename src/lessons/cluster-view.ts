import type { Cluster, Deployment, Hop, Node, Pod } from '../engine';

/** ClusterView is the read-only window a lesson goal looks through. */
export interface ClusterView {
  pods(namespace?: string): readonly Pod[];
  pod(name: string, namespace?: string): Pod | undefined;
  deployments(namespace?: string): readonly Deployment[];
  nodes(): readonly Node[];
  hops(): readonly Hop[];
}

/**
 * viewCluster reads straight from etcd (no API request, so no hops and no side effects): goals are
 * checked on every engine change and must never disturb the simulation they observe.
 */
export function viewCluster(cluster: Cluster): ClusterView {
  const range = <T>(prefix: string) =>
    cluster.etcd.range(prefix).map((kv) => kv.value as unknown as T);
  const inNamespace = (namespace?: string) => `${namespace ?? 'default'}/`;
  return {
    pods: (namespace) => range<Pod>(`/registry/pods/${inNamespace(namespace)}`),
    pod: (name, namespace) =>
      cluster.etcd.get(`/registry/pods/${inNamespace(namespace)}${name}`)?.value as Pod | undefined,
    deployments: (namespace) =>
      range<Deployment>(`/registry/deployments/${inNamespace(namespace)}`),
    nodes: () => range<Node>('/registry/minions/'),
    hops: () => cluster.hops.all(),
  };
}
