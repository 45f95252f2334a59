import type { CronJob, DaemonSet, Deployment, Job, KubeObject, Pod, ReplicaSet } from '../engine';
import { isClusterOwned, memoPerVersion, sameItems } from './graph-objects';

/** The kinds the owners view draws, and the resource each is listed from. */
export const OWNER_RESOURCES = {
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  CronJob: 'cronjobs',
  Job: 'jobs',
} as const;
export type OwnerKind = keyof typeof OWNER_RESOURCES;

/** PodRef is a pod as an edge of the graph needs it: which pod, and the node its chip is on. */
export interface PodRef {
  namespace: string;
  name: string;
  nodeName: string | undefined;
}

/** WorkloadView is one workload box of the owners view. */
export interface WorkloadView {
  uid: string;
  kind: OwnerKind;
  namespace: string;
  name: string;
  /** the workload that controls this one (a ReplicaSet's Deployment, a Job's CronJob) */
  ownerUid: string | undefined;
  /** ready pods (Deployment, ReplicaSet, StatefulSet, DaemonSet) or succeeded ones (Job) */
  done: number;
  /** desired pods, or a Job's completions; a CronJob's count of active Jobs */
  of: number;
  /** a CronJob's schedule */
  schedule?: string;
  /** the pods it controls directly */
  pods: readonly PodRef[];
}

export interface OwnerIndex {
  /** Deployments, StatefulSets, DaemonSets and CronJobs: nothing controls them */
  top: readonly WorkloadView[];
  /** ReplicaSets and Jobs a Deployment or CronJob controls, and those nothing controls */
  owned: readonly WorkloadView[];
  byUid: ReadonlyMap<string, WorkloadView>;
}

const controllerOf = (object: KubeObject) =>
  object.metadata.ownerReferences?.find((r) => r.controller)?.uid;

const byAge = (a: KubeObject, b: KubeObject) =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
  a.metadata.name.localeCompare(b.metadata.name);

/** counts reads a workload's `kubectl get` READY (or a Job's COMPLETIONS) column as two numbers. */
function counts(object: KubeObject): Pick<WorkloadView, 'done' | 'of' | 'schedule'> {
  switch (object.kind) {
    case 'DaemonSet': {
      const s = (object as DaemonSet).status;
      return { done: s?.numberReady ?? 0, of: s?.desiredNumberScheduled ?? 0 };
    }
    case 'Job': {
      const job = object as Job;
      return { done: job.status?.succeeded ?? 0, of: job.spec.completions ?? 1 };
    }
    case 'CronJob': {
      const cron = object as CronJob;
      return { done: 0, of: cron.status?.active?.length ?? 0, schedule: cron.spec.schedule };
    }
    default: {
      const workload = object as Deployment | ReplicaSet;
      return { done: workload.status?.readyReplicas ?? 0, of: workload.spec.replicas ?? 1 };
    }
  }
}

/**
 * A pod keeps its ref while its name and node stay the same, however often its status changes,
 * and a workload its view while its counts, owner and pods do: nothing redraws for a hop that
 * changed nothing the owners view shows.
 */
let podRefs = new Map<string, PodRef>();

function samePods(a: PodRef, b: PodRef) {
  return a.name === b.name && a.namespace === b.namespace && a.nodeName === b.nodeName;
}

function sameView(a: WorkloadView, b: WorkloadView) {
  return (
    a.name === b.name &&
    a.ownerUid === b.ownerUid &&
    a.done === b.done &&
    a.of === b.of &&
    a.schedule === b.schedule &&
    sameItems(a.pods, b.pods)
  );
}

/**
 * indexOwners reads the learner's workloads and the pods each controls (by controller
 * ownerReference uid, as the garbage collector follows them).
 */
export function indexOwners(
  lists: { workloads: readonly KubeObject[]; pods: readonly Pod[] },
  previous?: OwnerIndex,
): OwnerIndex {
  const refs = new Map<string, PodRef>();
  const podsOf = new Map<string, PodRef[]>();
  for (const pod of lists.pods) {
    const owner = controllerOf(pod);
    if (!owner) continue;
    const fresh: PodRef = {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      nodeName: pod.spec.nodeName || undefined,
    };
    const before = podRefs.get(pod.metadata.uid);
    const ref = before && samePods(before, fresh) ? before : fresh;
    refs.set(pod.metadata.uid, ref);
    const list = podsOf.get(owner);
    if (list) list.push(ref);
    else podsOf.set(owner, [ref]);
  }
  podRefs = refs;
  const learners = lists.workloads.filter((o) => !isClusterOwned(o)).sort(byAge);
  const uids = new Set(learners.map((o) => o.metadata.uid));
  const top: WorkloadView[] = [];
  const owned: WorkloadView[] = [];
  for (const object of learners) {
    const kind = object.kind as OwnerKind;
    const controller = controllerOf(object);
    const fresh: WorkloadView = {
      uid: object.metadata.uid,
      kind,
      namespace: object.metadata.namespace ?? 'default',
      name: object.metadata.name,
      ownerUid: controller && uids.has(controller) ? controller : undefined,
      ...counts(object),
      pods: (podsOf.get(object.metadata.uid) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    };
    const before = previous?.byUid.get(object.metadata.uid);
    const view = before && sameView(before, fresh) ? before : fresh;
    (kind === 'ReplicaSet' || kind === 'Job' ? owned : top).push(view);
  }
  if (previous && sameItems(previous.top, top) && sameItems(previous.owned, owned)) return previous;
  const all = [...top, ...owned];
  return {
    top: sameItems(previous?.top, top) ? previous!.top : top,
    owned: sameItems(previous?.owned, owned) ? previous!.owned : owned,
    byUid: new Map(all.map((v) => [v.uid, v])),
  };
}

/** selectOwnerIndex is the owners view of the cluster shown, computed once per version. */
export const selectOwnerIndex = memoPerVersion<OwnerIndex>((cluster, previous) =>
  indexOwners(
    {
      workloads: Object.values(OWNER_RESOURCES).flatMap((r) => cluster.api.list(r)),
      pods: cluster.api.list('pods') as Pod[],
    },
    previous,
  ),
);
