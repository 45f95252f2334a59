import type { DaemonSet, Deployment, KubeObject, ReplicaSet, StatefulSet } from '../../engine';

/** A ReplicaCount is one line of desired vs current: how many pods are in that state. */
export interface ReplicaCount {
  key: 'desired' | 'current' | 'ready' | 'upToDate' | 'available';
  count: number;
}

/** WorkloadCounts is a workload's spec against its status, as `kubectl get` columns read it. */
export interface WorkloadCounts {
  desired: number;
  lines: ReplicaCount[];
  /** the controller has seen the latest spec (status.observedGeneration caught up) */
  observed: boolean;
  /** every desired pod is current, up to date, ready and available, and none is extra */
  settled: boolean;
}

type Workload = Deployment | ReplicaSet | StatefulSet | DaemonSet;

/**
 * workloadCounts reads spec and status: Deployment and StatefulSet give desired, current, ready,
 * up-to-date and available (READY 2/3, UP-TO-DATE 3, AVAILABLE 2); a ReplicaSet has no
 * up-to-date; a DaemonSet's desired is the number of nodes that should run it.
 */
export function workloadCounts(object: KubeObject): WorkloadCounts {
  const workload = object as Workload;
  const observed =
    (workload.status?.observedGeneration ?? 0) >= (workload.metadata.generation ?? 0);
  let lines: ReplicaCount[];
  if (workload.kind === 'DaemonSet') {
    const s = workload.status;
    lines = [
      { key: 'desired', count: s?.desiredNumberScheduled ?? 0 },
      { key: 'current', count: s?.currentNumberScheduled ?? 0 },
      { key: 'ready', count: s?.numberReady ?? 0 },
      { key: 'upToDate', count: s?.updatedNumberScheduled ?? 0 },
      { key: 'available', count: s?.numberAvailable ?? 0 },
    ];
  } else {
    const s = workload.status as Partial<Deployment['status'] & ReplicaSet['status']> | undefined;
    lines = [
      { key: 'desired', count: workload.spec.replicas ?? 1 },
      { key: 'current', count: s?.replicas ?? 0 },
      { key: 'ready', count: s?.readyReplicas ?? 0 },
      ...(workload.kind === 'ReplicaSet'
        ? []
        : [{ key: 'upToDate' as const, count: s?.updatedReplicas ?? 0 }]),
      { key: 'available', count: s?.availableReplicas ?? 0 },
    ];
  }
  const desired = lines[0]!.count;
  return {
    desired,
    lines,
    observed,
    settled: observed && lines.every((line) => line.count === desired),
  };
}
