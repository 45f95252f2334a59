/** The kinds the inspector can show; a graph chip or box selects one of them. */
export type InspectableKind =
  | 'Pod'
  | 'Node'
  | 'Deployment'
  | 'ReplicaSet'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'CronJob'
  | 'Service'
  | 'PersistentVolumeClaim';

/** ObjectRef names one object by kind, namespace (namespaced kinds only) and name. */
export interface ObjectRef {
  kind: InspectableKind;
  namespace?: string;
  name: string;
}

/** SidePanelTab is what the right-hand panel shows: the current hop, the inspector or etcd's keys. */
export type SidePanelTab = 'hop' | 'inspector' | 'etcd';

/** sameRef: both name the same object (a missing namespace equals a missing namespace only). */
export function sameRef(a: ObjectRef | undefined, b: ObjectRef | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
