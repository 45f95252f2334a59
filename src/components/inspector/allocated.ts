import {
  formatBytes,
  formatMilliCores,
  podRequests,
  bytes,
  milliCores,
  type Node,
  type Pod,
} from '../../engine';

/** isTerminated: Succeeded and Failed pods hold no resources (kubectl's "Non-terminated Pods"). */
export function isTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export interface ResourceLine {
  resource: 'cpu' | 'memory';
  /** "250m (12%)", as kubectl describe node prints it */
  requests: string;
  limits: string;
  /** the node's allocatable amount, "2" or "3923660Ki" as the node reports it */
  allocatable: string;
}

export interface AllocatedResources {
  lines: ResourceLine[];
  /** non-terminated pods on the node */
  pods: number;
  maxPods: number;
}

/** podLimits sums the containers' limits (init containers: the largest, as for requests). */
function podLimits(pod: Pod): { milliCpu: number; memory: number } {
  let milliCpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    milliCpu += milliCores(c.resources?.limits?.cpu);
    memory += bytes(c.resources?.limits?.memory);
  }
  for (const c of pod.spec.initContainers ?? []) {
    milliCpu = Math.max(milliCpu, milliCores(c.resources?.limits?.cpu));
    memory = Math.max(memory, bytes(c.resources?.limits?.memory));
  }
  return { milliCpu, memory };
}

/** percent is kubectl's int64(float64(used) / float64(allocatable) * 100): truncated, 0 when nothing is allocatable. */
export function percent(used: number, allocatable: number): number {
  return allocatable > 0 ? Math.trunc((used / allocatable) * 100) : 0;
}

/**
 * allocatedResources is `kubectl describe node`'s "Allocated resources": the requests and limits
 * of the node's non-terminated pods against its allocatable. A worked example: three pods
 * requesting 100m cpu each on a 2-cpu node print "300m (15%)".
 */
export function allocatedResources(node: Node, pods: readonly Pod[]): AllocatedResources {
  const onNode = pods.filter((p) => p.spec.nodeName === node.metadata.name && !isTerminated(p));
  const req = { milliCpu: 0, memory: 0 };
  const lim = { milliCpu: 0, memory: 0 };
  for (const pod of onNode) {
    const r = podRequests(pod.spec);
    const l = podLimits(pod);
    req.milliCpu += r.milliCpu;
    req.memory += r.memory;
    lim.milliCpu += l.milliCpu;
    lim.memory += l.memory;
  }
  const allocatable = node.status?.allocatable ?? {};
  const cpu = milliCores(allocatable.cpu);
  const memory = bytes(allocatable.memory);
  return {
    lines: [
      {
        resource: 'cpu',
        requests: `${formatMilliCores(req.milliCpu)} (${percent(req.milliCpu, cpu)}%)`,
        limits: `${formatMilliCores(lim.milliCpu)} (${percent(lim.milliCpu, cpu)}%)`,
        allocatable: allocatable.cpu ?? '0',
      },
      {
        resource: 'memory',
        requests: `${formatBytes(req.memory)} (${percent(req.memory, memory)}%)`,
        limits: `${formatBytes(lim.memory)} (${percent(lim.memory, memory)}%)`,
        allocatable: allocatable.memory ?? '0',
      },
    ],
    pods: onNode.length,
    maxPods: Number(allocatable.pods ?? 110),
  };
}

/** formatTaint is kubectl's key=value:Effect (key:Effect when there is no value). */
export function formatTaint(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
