/**
 * The resource table: what `kubectl api-resources` lists, and where each kind lives in etcd
 * (the real prefixes: nodes are /registry/minions).
 */

export interface ResourceInfo {
  kind: string;
  /** plural lowercase name used in URLs and errors: pods, deployments */
  resource: string;
  singular: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  etcdPrefix: string;
  /** whether status is a subresource (updates to the main resource ignore status) */
  hasStatus: boolean;
  /** whether spec changes increment metadata.generation */
  tracksGeneration: boolean;
}

export const RESOURCES: readonly ResourceInfo[] = [
  {
    kind: 'Namespace',
    resource: 'namespaces',
    singular: 'namespace',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['ns'],
    etcdPrefix: '/registry/namespaces/',
    hasStatus: true,
    tracksGeneration: false,
  },
  {
    kind: 'Node',
    resource: 'nodes',
    singular: 'node',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['no'],
    etcdPrefix: '/registry/minions/',
    hasStatus: true,
    tracksGeneration: false,
  },
  {
    kind: 'Pod',
    resource: 'pods',
    singular: 'pod',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['po'],
    etcdPrefix: '/registry/pods/',
    hasStatus: true,
    tracksGeneration: false,
  },
  {
    kind: 'PodDisruptionBudget',
    resource: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    group: 'policy',
    version: 'v1',
    namespaced: true,
    shortNames: ['pdb'],
    etcdPrefix: '/registry/poddisruptionbudgets/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'Lease',
    resource: 'leases',
    singular: 'lease',
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    etcdPrefix: '/registry/leases/',
    hasStatus: false,
    tracksGeneration: false,
  },
  {
    kind: 'Event',
    resource: 'events',
    singular: 'event',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
    etcdPrefix: '/registry/events/',
    hasStatus: false,
    tracksGeneration: false,
  },
  {
    kind: 'ReplicaSet',
    resource: 'replicasets',
    singular: 'replicaset',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['rs'],
    etcdPrefix: '/registry/replicasets/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'Deployment',
    resource: 'deployments',
    singular: 'deployment',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['deploy'],
    etcdPrefix: '/registry/deployments/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'DaemonSet',
    resource: 'daemonsets',
    singular: 'daemonset',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['ds'],
    etcdPrefix: '/registry/daemonsets/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'StatefulSet',
    resource: 'statefulsets',
    singular: 'statefulset',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['sts'],
    etcdPrefix: '/registry/statefulsets/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'Job',
    resource: 'jobs',
    singular: 'job',
    group: 'batch',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    etcdPrefix: '/registry/jobs/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'CronJob',
    resource: 'cronjobs',
    singular: 'cronjob',
    group: 'batch',
    version: 'v1',
    namespaced: true,
    shortNames: ['cj'],
    etcdPrefix: '/registry/cronjobs/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    resource: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    group: 'autoscaling',
    version: 'v2',
    namespaced: true,
    shortNames: ['hpa'],
    etcdPrefix: '/registry/horizontalpodautoscalers/',
    hasStatus: true,
    tracksGeneration: true,
  },
  {
    kind: 'Service',
    resource: 'services',
    singular: 'service',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['svc'],
    etcdPrefix: '/registry/services/specs/',
    hasStatus: true,
    tracksGeneration: false,
  },
  {
    kind: 'Endpoints',
    resource: 'endpoints',
    singular: 'endpoints',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ep'],
    etcdPrefix: '/registry/services/endpoints/',
    hasStatus: false,
    tracksGeneration: false,
  },
  {
    kind: 'EndpointSlice',
    resource: 'endpointslices',
    singular: 'endpointslice',
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: [],
    etcdPrefix: '/registry/endpointslices/',
    hasStatus: false,
    tracksGeneration: false,
  },
];

const byResource = new Map(RESOURCES.map((r) => [r.resource, r]));
const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

/** resourceInfo looks a resource up by its plural name (pods). */
export function resourceInfo(resource: string): ResourceInfo | undefined {
  return byResource.get(resource);
}

/** resourceForKind looks a resource up by kind (Pod). */
export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** apiVersionOf is `v1` for the core group, else `group/version`. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** etcdKey is where an object is stored: /registry/pods/default/nginx, /registry/minions/w1-k8s. */
export function etcdKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${info.etcdPrefix}${namespace}/${name}` : `${info.etcdPrefix}${name}`;
}
