import { formatBytes, formatMilliCores, parseQuantity } from './quantity';
import type { PersistentVolumeClaim } from './storage-types';
import type { Container, KubeObject, Pod, Service } from './types';

/**
 * What an object counts against a ResourceQuota (pkg/quota/v1/evaluator/core): a pod its
 * containers' requests and limits, a claim its storage, and every object one of its kind.
 * Values are in base units (cores, bytes, counts).
 */

/** The object-count names older than count/<resource>: pods, services, secrets ... */
const LEGACY_COUNTS: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

/** The compute names a pod's containers must state when a quota tracks them (Constraints). */
export const COMPUTE_NAMES = [
  'cpu',
  'limits.cpu',
  'limits.memory',
  'memory',
  'requests.cpu',
  'requests.memory',
];

/** isTerminal: finished pods no longer count against quota. */
function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** containerUsage is podComputeUsageHelper for one container's requests and limits. */
export function containerUsage(c: Pick<Container, 'resources'>): Map<string, number> {
  const usage = new Map<string, number>();
  const requests = c.resources?.requests ?? {};
  const limits = c.resources?.limits ?? {};
  for (const resource of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests[resource];
    if (request !== undefined) {
      usage.set(resource, parseQuantity(request) ?? 0);
      usage.set(`requests.${resource}`, parseQuantity(request) ?? 0);
    }
    const limit = limits[resource];
    if (limit !== undefined) usage.set(`limits.${resource}`, parseQuantity(limit) ?? 0);
  }
  return usage;
}

function add(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/**
 * usageOf is what one object of a resource adds to a quota's used amounts. A pod sums its app
 * containers and takes the larger of that and each init container, as the scheduler does.
 */
export function usageOf(resource: string, group: string, obj: KubeObject): Map<string, number> {
  const usage = new Map<string, number>();
  usage.set(group ? `count/${resource}.${group}` : `count/${resource}`, 1);
  if (LEGACY_COUNTS[resource] && !group) usage.set(LEGACY_COUNTS[resource], 1);
  if (resource === 'pods') {
    const pod = obj as Pod;
    if (isTerminal(pod)) return new Map([[`count/pods`, 1]]);
    const sum = new Map<string, number>();
    for (const c of pod.spec.containers) add(sum, containerUsage(c));
    for (const c of pod.spec.initContainers ?? []) {
      for (const [k, v] of containerUsage(c)) if (v > (sum.get(k) ?? 0)) sum.set(k, v);
    }
    add(usage, sum);
  } else if (resource === 'persistentvolumeclaims') {
    const pvc = obj as PersistentVolumeClaim;
    const storage = parseQuantity(pvc.spec?.resources?.requests?.storage ?? '0') ?? 0;
    usage.set('requests.storage', storage);
    const cls = pvc.spec?.storageClassName;
    if (cls) {
      usage.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, storage);
      usage.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, 1);
    }
  } else if (resource === 'services') {
    const svc = obj as Service;
    if (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer')
      usage.set('services.nodeports', svc.spec.ports?.length ?? 0);
    if (svc.spec.type === 'LoadBalancer') usage.set('services.loadbalancers', 1);
  }
  return usage;
}

const MEMORY_LIKE = /(memory|storage)$/;

/** formatAmount prints an amount as a Quantity: cpu in cores or millicores, memory and storage with binary suffixes. */
export function formatAmount(name: string, value: number): string {
  if (name === 'cpu' || name.endsWith('.cpu')) return formatMilliCores(Math.round(value * 1000));
  if (MEMORY_LIKE.test(name)) return formatBytes(Math.round(value));
  return String(value);
}

/** prettyPrint is the quota plugin's list: sorted `name=value` pairs joined by commas. */
export function prettyPrint(amounts: Map<string, number>): string {
  return [...amounts.keys()]
    .sort()
    .map((k) => `${k}=${formatAmount(k, amounts.get(k)!)}`)
    .join(',');
}
