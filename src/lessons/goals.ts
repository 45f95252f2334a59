import { isPodReady, type Hop, type Node, type Pod } from '../engine';
import type { ClusterView } from './cluster-view';

/**
 * Small predicates the lessons share. Every one is a pure read of the view, so a goal built from
 * them can run after every engine change.
 */

/** kindOf folds a hop's object kind ("Node" for a get, "nodes" for a list) to one spelling. */
const kindOf = (kind: string) => kind.toLowerCase().replace(/s$/, '');

export interface KubectlReadQuery {
  /** resource kinds, in any spelling: "node", "nodes", "Node" */
  kinds: readonly string[];
  /** only these verbs: ['list'] for `kubectl get nodes`, ['get'] for one object */
  verbs?: readonly ('get' | 'list')[];
  /** only a read of this one object (a get or describe, not a list) */
  name?: string;
  /** only a read sent after the hop with this sequence number */
  after?: number;
  /** only a read of this namespace (`-n team-a`); kubectl reads the default namespace unless told */
  namespace?: string;
}

/** kubectlReads are the get/list requests kubectl sent for the given kinds. */
export function kubectlReads(view: ClusterView, query: KubectlReadQuery): Hop[] {
  const kinds = new Set(query.kinds.map(kindOf));
  return view
    .hops()
    .filter(
      (hop) =>
        hop.from === 'kubectl' &&
        hop.channel === 'request' &&
        (query.verbs ?? ['get', 'list']).some((verb) => verb === hop.verb) &&
        kinds.has(kindOf(hop.object.kind)) &&
        (query.name === undefined || hop.object.name === query.name) &&
        (query.namespace === undefined || hop.object.namespace === query.namespace) &&
        (query.after === undefined || hop.seq > query.after),
    );
}

export const kubectlRead = (view: ClusterView, query: KubectlReadQuery): boolean =>
  kubectlReads(view, query).length > 0;

/** storedPuts are the etcd writes of one object, oldest first. */
const storedPuts = (view: ClusterView, kind: string, name: string, namespace?: string) =>
  view
    .hops()
    .filter(
      (hop) =>
        hop.channel === 'storage' &&
        hop.verb === 'put' &&
        hop.object.kind === kind &&
        hop.object.name === name &&
        (namespace === undefined || hop.object.namespace === namespace),
    );

/** firstStored is the sequence number of the first etcd write of an object, if there was one. */
export const firstStored = (
  view: ClusterView,
  kind: string,
  name: string,
  namespace?: string,
): number | undefined => storedPuts(view, kind, name, namespace)[0]?.seq;

/** lastStored is the sequence number of the latest etcd write of an object, if there was one. */
export const lastStored = (view: ClusterView, kind: string, name: string): number | undefined =>
  storedPuts(view, kind, name).at(-1)?.seq;

/** isControlPlane: the kubeadm control-plane node carries a NoSchedule taint for ordinary pods. */
export const isControlPlane = (node: Node) =>
  (node.spec.taints ?? []).some(
    (taint) =>
      taint.key === 'node-role.kubernetes.io/control-plane' && taint.effect === 'NoSchedule',
  );

/** appPods are the pods labelled app=<app> that are not on their way out, in one namespace. */
export const appPods = (view: ClusterView, app: string, namespace?: string): Pod[] =>
  view
    .pods(namespace)
    .filter(
      (pod) => pod.metadata.labels?.['app'] === app && pod.metadata.deletionTimestamp === undefined,
    );

export const isRunningReady = (pod: Pod) => pod.status.phase === 'Running' && isPodReady(pod);

/** readyApp: exactly `count` live pods of the app, all Running and Ready. */
export function readyApp(
  view: ClusterView,
  app: string,
  count: number,
  namespace?: string,
): boolean {
  const pods = appPods(view, app, namespace);
  return pods.length === count && pods.every(isRunningReady);
}

/** LAST_APPLIED is the annotation `kubectl apply` keeps the applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** podsOf are the live pods of the default namespace whose label `key` equals `value`. */
export const podsOf = (view: ClusterView, key: string, value: string): Pod[] =>
  view
    .pods()
    .filter(
      (pod) => pod.metadata.labels?.[key] === value && pod.metadata.deletionTimestamp === undefined,
    );

/** waitingReason is why a pod's first container is not running: ErrImagePull, CrashLoopBackOff... */
export const waitingReason = (pod: Pod | undefined): string | undefined =>
  pod?.status.containerStatuses?.[0]?.state?.waiting?.reason;

/** lastExitReason is why a pod's first container last ended: Error, OOMKilled, Completed. */
export const lastExitReason = (pod: Pod | undefined): string | undefined => {
  const status = pod?.status.containerStatuses?.[0];
  return status?.state?.terminated?.reason ?? status?.lastState?.terminated?.reason;
};

export const restartCount = (pod: Pod | undefined): number =>
  pod?.status.containerStatuses?.[0]?.restartCount ?? 0;

/** lastRequest is the sequence number of the last API request one component sent that matches. */
const lastRequest = (view: ClusterView, from: string, matches: (hop: Hop) => boolean) =>
  view
    .hops()
    .filter((hop) => hop.from === from && hop.channel === 'request' && matches(hop))
    .at(-1)?.seq;

/** kubectlDeleteSeq is the sequence number of kubectl's last delete request for this object. */
export const kubectlDeleteSeq = (
  view: ClusterView,
  kind: string,
  name: string,
): number | undefined =>
  lastRequest(
    view,
    'kubectl',
    (hop) =>
      hop.verb === 'delete' && kindOf(hop.object.kind) === kindOf(kind) && hop.object.name === name,
  );

/**
 * firstRequestFrom is the sequence number of the first API request a component (or any component
 * whose name starts so: "kubelet" matches kubelet@w1-k8s) made about an object. A goal that asks
 * the learner to read what happened counts only reads sent after it.
 */
export function firstRequestFrom(
  view: ClusterView,
  component: string,
  kind: string,
  name: string,
): number | undefined {
  return view
    .hops()
    .find(
      (hop) =>
        hop.from.startsWith(component) &&
        hop.channel === 'request' &&
        hop.object.kind === kind &&
        hop.object.name === name,
    )?.seq;
}

/**
 * lastPodCreated is the sequence number of the last pod a controller in kube-controller-manager
 * created, of this name or in this namespace.
 */
export const lastPodCreated = (
  view: ClusterView,
  pod: { name?: string; namespace?: string },
): number | undefined =>
  lastRequest(
    view,
    'kube-controller-manager',
    (hop) =>
      hop.verb === 'create' &&
      hop.object.kind === 'Pod' &&
      (pod.name === undefined || hop.object.name === pod.name) &&
      (pod.namespace === undefined || hop.object.namespace === pod.namespace),
  );
