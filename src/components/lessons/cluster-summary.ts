import type { Pod } from '../../engine';
import type { ClusterView } from '../../lessons';
import { nodeStatus } from '../../kubectl/printers/columns';
import { summarizePod } from '../../kubectl/printers/pod-status';

/** PodGroup is the pods that share a STATUS (as `kubectl get pods` prints it) and where they run. */
export interface PodGroup {
  status: string;
  count: number;
  /** the nodes they are bound to, sorted; pods not yet placed add none */
  nodes: string[];
}

export interface ClusterSummary {
  pods: PodGroup[];
  /** nodes that are not simply Ready: NotReady, or cordoned (SchedulingDisabled) */
  troubledNodes: { name: string; status: string }[];
}

/**
 * Stored objects are frozen and replaced on every write, and a pod's STATUS reads nothing but the
 * pod (unlike its RESTARTS, which read the clock): an unchanged pod keeps the STATUS found for it,
 * so a summary made after every hop reads only the pods that hop changed.
 */
const statuses = new WeakMap<Pod, string>();
function statusOf(pod: Pod, now: number): string {
  let status = statuses.get(pod);
  if (status === undefined) statuses.set(pod, (status = summarizePod(pod, now).status));
  return status;
}

/**
 * summarizeCluster is the "now" side of a lesson's goal view: the default namespace's pods grouped
 * by the STATUS column a learner would read, and the nodes that are down or cordoned.
 */
export function summarizeCluster(view: ClusterView): ClusterSummary {
  const groups = new Map<string, { count: number; nodes: Set<string> }>();
  const now = view.now();
  for (const pod of view.pods()) {
    const status = statusOf(pod, now);
    const group = groups.get(status) ?? { count: 0, nodes: new Set<string>() };
    group.count += 1;
    if (pod.spec.nodeName) group.nodes.add(pod.spec.nodeName);
    groups.set(status, group);
  }
  return {
    pods: [...groups]
      .map(([status, { count, nodes }]) => ({ status, count, nodes: [...nodes].sort() }))
      .sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
    troubledNodes: view
      .nodes()
      .map((node) => ({ name: node.metadata.name, status: nodeStatus(node) }))
      .filter((node) => node.status !== 'Ready'),
  };
}
