import { bytes, milliCores } from './quantity';
import type { Pod, PodCondition, PodSpec } from './types';

/** qosClass computes the pod's QoS class as the API server records it at creation. */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...spec.containers, ...(spec.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) anySet = true;
    for (const resource of ['cpu', 'memory']) {
      const limit = limits[resource];
      const request = requests[resource] ?? limit;
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export interface PodRequests {
  milliCpu: number;
  memory: number;
}

/** Pod specs are frozen once stored, so a spec's requests can be computed once and remembered. */
const requestsBySpec = new WeakMap<PodSpec, PodRequests>();

function containerRequest(c: PodSpec['containers'][number], name: string): string | undefined {
  return c.resources?.requests?.[name] ?? c.resources?.limits?.[name];
}

/**
 * podRequests sums the containers' requests (a limit with no request counts as the request),
 * taking the largest init container when that is bigger, as the scheduler does.
 */
export function podRequests(spec: PodSpec): PodRequests {
  const cached = requestsBySpec.get(spec);
  if (cached) return cached;
  let milliCpu = 0;
  let memory = 0;
  for (const c of spec.containers) {
    milliCpu += milliCores(containerRequest(c, 'cpu'));
    memory += bytes(containerRequest(c, 'memory'));
  }
  for (const c of spec.initContainers ?? []) {
    milliCpu = Math.max(milliCpu, milliCores(containerRequest(c, 'cpu')));
    memory = Math.max(memory, bytes(containerRequest(c, 'memory')));
  }
  const requests = { milliCpu, memory };
  if (Object.isFrozen(spec)) requestsBySpec.set(spec, requests);
  return requests;
}

/** podCondition returns the condition of the given type, if present. */
export function podCondition(pod: Pod, type: PodCondition['type']): PodCondition | undefined {
  // A loop, not find(): controllers ask this of every pod they own on each sync.
  const conditions = pod.status?.conditions;
  if (conditions) for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

/** isPodReady tells whether the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** isPodTerminal tells whether the pod has finished (Succeeded or Failed). */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** isPodActive is the controllers' notion: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}
