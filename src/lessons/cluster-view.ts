import type {
  Cluster,
  Deployment,
  Endpoints,
  Hop,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from '../engine';

/** ClusterView is the read-only window a lesson goal looks through. */
export interface ClusterView {
  pods(namespace?: string): readonly Pod[];
  pod(name: string, namespace?: string): Pod | undefined;
  deployments(namespace?: string): readonly Deployment[];
  deployment(name: string, namespace?: string): Deployment | undefined;
  replicaSets(namespace?: string): readonly ReplicaSet[];
  services(namespace?: string): readonly Service[];
  service(name: string, namespace?: string): Service | undefined;
  /** endpoints is the Endpoints object the endpoints controller keeps for a Service */
  endpoints(name: string, namespace?: string): Endpoints | undefined;
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
  const get = <T>(key: string) => cluster.etcd.get(key)?.value as T | undefined;
  const inNamespace = (namespace?: string) => `${namespace ?? 'default'}/`;
  return {
    pods: (namespace) => range<Pod>(`/registry/pods/${inNamespace(namespace)}`),
    pod: (name, namespace) => get<Pod>(`/registry/pods/${inNamespace(namespace)}${name}`),
    deployments: (namespace) =>
      range<Deployment>(`/registry/deployments/${inNamespace(namespace)}`),
    deployment: (name, namespace) =>
      get<Deployment>(`/registry/deployments/${inNamespace(namespace)}${name}`),
    replicaSets: (namespace) =>
      range<ReplicaSet>(`/registry/replicasets/${inNamespace(namespace)}`),
    services: (namespace) => range<Service>(`/registry/services/specs/${inNamespace(namespace)}`),
    service: (name, namespace) =>
      get<Service>(`/registry/services/specs/${inNamespace(namespace)}${name}`),
    endpoints: (name, namespace) =>
      get<Endpoints>(`/registry/services/endpoints/${inNamespace(namespace)}${name}`),
    nodes: () => range<Node>('/registry/minions/'),
    hops: () => cluster.hops.all(),
  };
}
