import type { Event, Lease, Node, Pod } from '../../engine';
import { bytes, formatBytes, formatMilliCores, milliCores } from '../../engine';
import { age } from './age';
import { nodeRoles } from './columns';
import { annotationLines, finish, multiline, rfc1123z } from './describe';

interface Totals {
  cpuRequests: number;
  cpuLimits: number;
  memoryRequests: number;
  memoryLimits: number;
}

function containerTotals(pod: Pod): Totals {
  const sum = (kind: 'requests' | 'limits', resource: 'cpu' | 'memory') =>
    pod.spec.containers.reduce((total, c) => {
      const value =
        c.resources?.[kind]?.[resource] ??
        (kind === 'requests' ? c.resources?.limits?.[resource] : undefined);
      return total + (resource === 'cpu' ? milliCores(value) : bytes(value));
    }, 0);
  return {
    cpuRequests: sum('requests', 'cpu'),
    cpuLimits: sum('limits', 'cpu'),
    memoryRequests: sum('requests', 'memory'),
    memoryLimits: sum('limits', 'memory'),
  };
}

/** share prints a quantity with its truncated percentage of what the node can allocate: 250m (12%). */
function share(text: string, value: number, of: number): string {
  return `${text} (${of === 0 ? 0 : Math.trunc((value / of) * 100)}%)`;
}

/**
 * describeNode lays a node out as kubectl describe does (describe.go describeNode), including
 * its lease, conditions, capacity, the pods running there with their requests and limits, and
 * the allocated totals against allocatable.
 */
export function describeNode(
  node: Node,
  lease: Lease | undefined,
  pods: Pod[],
  events: Event[],
  now: number,
): string {
  const w: string[] = [];
  const status = node.status;
  w.push(`Name:\t${node.metadata.name}`);
  w.push(`Roles:\t${nodeRoles(node)}`);
  w.push(...multiline('Labels', node.metadata.labels, (k, v) => `${k}=${v}`));
  w.push(...annotationLines(node.metadata.annotations));
  w.push(`CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  const taints = (node.spec.taints ?? []).map(
    (t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
  );
  w.push(
    ...(taints.length === 0
      ? ['Taints:\t<none>']
      : [`Taints:\t${taints[0]}`, ...taints.slice(1).map((t) => `\t${t}`)]),
  );
  w.push(`Unschedulable:\t${node.spec.unschedulable ? 'true' : 'false'}`);
  w.push('Lease:');
  w.push(`  HolderIdentity:\t${lease?.spec.holderIdentity ?? '<unset>'}`);
  w.push('  AcquireTime:\t<unset>');
  w.push(
    `  RenewTime:\t${lease?.spec.renewTime ? rfc1123z(lease.spec.renewTime.replace(/\.\d+Z$/, 'Z')) : '<unset>'}`,
  );
  w.push('Conditions:');
  w.push('  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  w.push('  ----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of status.conditions) {
    w.push(
      `  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}`,
    );
  }
  w.push('Addresses:', ...status.addresses.map((a) => `  ${a.type}:\t${a.address}`));
  const resources = (title: string, list: Record<string, string>) => [
    `${title}:`,
    ...Object.keys(list)
      .sort()
      .map((k) => `  ${k}:\t${list[k]}`),
  ];
  w.push(
    ...resources('Capacity', status.capacity),
    ...resources('Allocatable', status.allocatable),
  );
  const info = status.nodeInfo;
  w.push(
    'System Info:',
    `  Machine ID:\t${info.machineID}`,
    `  System UUID:\t${info.systemUUID}`,
    `  Boot ID:\t${info.bootID}`,
    `  Kernel Version:\t${info.kernelVersion}`,
    `  OS Image:\t${info.osImage}`,
    `  Operating System:\t${info.operatingSystem}`,
    `  Architecture:\t${info.architecture}`,
    `  Container Runtime Version:\t${info.containerRuntimeVersion}`,
    `  Kubelet Version:\t${info.kubeletVersion}`,
    `  Kube-Proxy Version:\t${info.kubeProxyVersion}`,
  );
  if (node.spec.podCIDR) w.push(`PodCIDR:\t${node.spec.podCIDR}`);
  if (node.spec.podCIDRs) w.push(`PodCIDRs:\t${node.spec.podCIDRs.join(',')}`);
  const running = pods.filter((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  const cpu = milliCores(status.allocatable.cpu);
  const memory = bytes(status.allocatable.memory);
  w.push(`Non-terminated Pods:\t(${running.length} in total)`);
  w.push('  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.push('  ---------\t----\t------------\t----------\t---------------\t-------------\t---');
  const total: Totals = { cpuRequests: 0, cpuLimits: 0, memoryRequests: 0, memoryLimits: 0 };
  for (const pod of running) {
    const t = containerTotals(pod);
    for (const key of Object.keys(total) as (keyof Totals)[]) total[key] += t[key];
    w.push(
      `  ${pod.metadata.namespace}\t${pod.metadata.name}\t${share(formatMilliCores(t.cpuRequests), t.cpuRequests, cpu)}\t${share(formatMilliCores(t.cpuLimits), t.cpuLimits, cpu)}\t${share(formatBytes(t.memoryRequests), t.memoryRequests, memory)}\t${share(formatBytes(t.memoryLimits), t.memoryLimits, memory)}\t${age(pod.metadata.creationTimestamp, now)}`,
    );
  }
  w.push('Allocated resources:');
  w.push('  (Total limits may be over 100 percent, i.e., overcommitted.)');
  w.push('  Resource\tRequests\tLimits');
  w.push('  --------\t--------\t------');
  w.push(
    `  cpu\t${share(formatMilliCores(total.cpuRequests), total.cpuRequests, cpu)}\t${share(formatMilliCores(total.cpuLimits), total.cpuLimits, cpu)}`,
  );
  w.push(
    `  memory\t${share(formatBytes(total.memoryRequests), total.memoryRequests, memory)}\t${share(formatBytes(total.memoryLimits), total.memoryLimits, memory)}`,
  );
  for (const resource of ['ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi'])
    w.push(`  ${resource}\t0 (0%)\t0 (0%)`);
  return finish(w, events, now);
}
