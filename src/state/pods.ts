import { useMemo } from 'react';
import type { Pod } from '../engine';
import { summarizePod } from '../kubectl';
import { selectCluster, useKubeloop, useObjects } from './store';

export interface PodView {
  uid: string;
  name: string;
  namespace: string;
  nodeName: string | undefined;
  status: string;
}

/** viewOf summarises a pod for the graph; STATUS is exactly kubectl's (its printer computes it). */
function viewOf(pod: Pod, now: number): PodView {
  return {
    uid: pod.metadata.uid,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    nodeName: pod.spec.nodeName || undefined,
    status: summarizePod(pod, now).status,
  };
}

/** usePodViews lists every pod with its kubectl-style STATUS, sorted by namespace and name. */
export function usePodViews(): readonly PodView[] {
  const pods = useObjects<Pod>('pods');
  const cluster = useKubeloop(selectCluster);
  return useMemo(
    () =>
      pods
        .map((pod) => viewOf(pod, cluster.now))
        .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)),
    [pods, cluster],
  );
}

/** usePodsOnNode lists the pods bound to nodeName; undefined lists the unscheduled ones. */
export function usePodsOnNode(nodeName: string | undefined): readonly PodView[] {
  const pods = usePodViews();
  return useMemo(() => pods.filter((p) => p.nodeName === nodeName), [pods, nodeName]);
}

/** useNodeNames is the cluster's node names in a stable order; the same array while they stay the same. */
export function useNodeNames(): readonly string[] {
  const nodes = useObjects('nodes');
  const key = nodes
    .map((n) => n.metadata.name)
    .sort()
    .join('\n');
  return useMemo(() => (key ? key.split('\n') : []), [key]);
}
