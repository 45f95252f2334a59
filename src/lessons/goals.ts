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
        (query.after === undefined || hop.seq > query.after),
    );
}

export const kubectlRead = (view: ClusterView, query: KubectlReadQuery): boolean =>
  kubectlReads(view, query).length > 0;

/** firstStored is the sequence number of the first etcd write of an object, if there was one. */
export function firstStored(view: ClusterView, kind: string, name: string): number | undefined {
  return view
    .hops()
    .find(
      (hop) =>
        hop.channel === 'storage' &&
        hop.verb === 'put' &&
        hop.object.kind === kind &&
        hop.object.name === name,
    )?.seq;
}

/** isControlPlane: the kubeadm control-plane node carries a NoSchedule taint for ordinary pods. */
export const isControlPlane = (node: Node) =>
  (node.spec.taints ?? []).some(
    (taint) =>
      taint.key === 'node-role.kubernetes.io/control-plane' && taint.effect === 'NoSchedule',
  );

/** appPods are the pods labelled app=<app> that are not on their way out. */
export const appPods = (view: ClusterView, app: string): Pod[] =>
  view
    .pods()
    .filter(
      (pod) => pod.metadata.labels?.['app'] === app && pod.metadata.deletionTimestamp === undefined,
    );

export const isRunningReady = (pod: Pod) => pod.status.phase === 'Running' && isPodReady(pod);

/** readyApp: exactly `count` live pods of the app, all Running and Ready. */
export function readyApp(view: ClusterView, app: string, count: number): boolean {
  const pods = appPods(view, app);
  return pods.length === count && pods.every(isRunningReady);
}
