import type {
  Cluster,
  ConfigMap,
  CronJob,
  DaemonSet,
  Deployment,
  Endpoints,
  Event,
  HorizontalPodAutoscaler,
  Hop,
  Ingress,
  Job,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Role,
  RoleBinding,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
} from '../engine';
import { resourceInfo } from '../engine';
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  ResourceQuota,
  StorageClass,
} from '../engine/api/storage-types';

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
  statefulSets(namespace?: string): readonly StatefulSet[];
  daemonSets(namespace?: string): readonly DaemonSet[];
  jobs(namespace?: string): readonly Job[];
  cronJobs(namespace?: string): readonly CronJob[];
  horizontalPodAutoscalers(namespace?: string): readonly HorizontalPodAutoscaler[];
  events(namespace?: string): readonly Event[];
  nodes(): readonly Node[];
  node(name: string): Node | undefined;
  namespaces(): readonly Namespace[];
  namespace(name: string): Namespace | undefined;
  serviceAccounts(namespace?: string): readonly ServiceAccount[];
  resourceQuotas(namespace?: string): readonly ResourceQuota[];
  configMap(name: string, namespace?: string): ConfigMap | undefined;
  secret(name: string, namespace?: string): Secret | undefined;
  persistentVolumes(): readonly PersistentVolume[];
  persistentVolumeClaim(name: string, namespace?: string): PersistentVolumeClaim | undefined;
  storageClasses(): readonly StorageClass[];
  ingresses(namespace?: string): readonly Ingress[];
  roles(namespace?: string): readonly Role[];
  roleBindings(namespace?: string): readonly RoleBinding[];
  clusterRoleBindings(): readonly RoleBinding[];
  hops(): readonly Hop[];
  /** now is the simulated clock, in epoch milliseconds */
  now(): number;
}

/** etcdPrefix is where a resource's objects live: /registry/ingress/default/ for Ingresses. */
function etcdPrefix(resource: string, namespace?: string): string {
  const info = resourceInfo(resource);
  if (!info) throw new Error(`no resource ${resource}`);
  return info.namespaced ? `${info.etcdPrefix}${namespace ?? 'default'}/` : info.etcdPrefix;
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
  /** listOf and getOf find an object's etcd key from the API server's resource table. */
  const listOf = <T extends KubeObject>(resource: string, namespace?: string) =>
    range<T>(etcdPrefix(resource, namespace));
  const getOf = <T extends KubeObject>(resource: string, name: string, namespace?: string) =>
    get<T>(`${etcdPrefix(resource, namespace)}${name}`);
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
    statefulSets: (namespace) =>
      range<StatefulSet>(`/registry/statefulsets/${inNamespace(namespace)}`),
    daemonSets: (namespace) => range<DaemonSet>(`/registry/daemonsets/${inNamespace(namespace)}`),
    jobs: (namespace) => range<Job>(`/registry/jobs/${inNamespace(namespace)}`),
    cronJobs: (namespace) => range<CronJob>(`/registry/cronjobs/${inNamespace(namespace)}`),
    horizontalPodAutoscalers: (namespace) =>
      range<HorizontalPodAutoscaler>(
        `/registry/horizontalpodautoscalers/${inNamespace(namespace)}`,
      ),
    events: (namespace) => range<Event>(`/registry/events/${inNamespace(namespace)}`),
    nodes: () => range<Node>('/registry/minions/'),
    node: (name) => get<Node>(`/registry/minions/${name}`),
    namespaces: () => listOf<Namespace>('namespaces'),
    namespace: (name) => getOf<Namespace>('namespaces', name),
    serviceAccounts: (namespace) => listOf<ServiceAccount>('serviceaccounts', namespace),
    resourceQuotas: (namespace) => listOf<ResourceQuota>('resourcequotas', namespace),
    configMap: (name, namespace) => getOf<ConfigMap>('configmaps', name, namespace),
    secret: (name, namespace) => getOf<Secret>('secrets', name, namespace),
    persistentVolumes: () => listOf<PersistentVolume>('persistentvolumes'),
    persistentVolumeClaim: (name, namespace) =>
      getOf<PersistentVolumeClaim>('persistentvolumeclaims', name, namespace),
    storageClasses: () => listOf<StorageClass>('storageclasses'),
    ingresses: (namespace) => listOf<Ingress>('ingresses', namespace),
    roles: (namespace) => listOf<Role>('roles', namespace),
    roleBindings: (namespace) => listOf<RoleBinding>('rolebindings', namespace),
    clusterRoleBindings: () => listOf<RoleBinding>('clusterrolebindings'),
    hops: () => cluster.hops.all(),
    now: () => cluster.clock.now,
  };
}
