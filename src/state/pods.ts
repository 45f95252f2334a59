import type { Cluster, Pod } from '../engine';
import { summarizePod } from '../kubectl/printers/pod-status';
import { useKubeloop, type KubeloopState } from './store';

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

/** PodIndex is every pod's view, sorted by namespace and name, and the same grouped by node. */
export interface PodIndex {
  all: readonly PodView[];
  /** pods per node name; undefined holds the unscheduled ones */
  byNode: ReadonlyMap<string | undefined, readonly PodView[]>;
}

const NO_PODS: readonly PodView[] = [];

/**
 * Stored objects are frozen and replaced on every write, so an unchanged pod is the same object
 * from one version to the next and keeps its view: the graph's chips compare views by identity.
 */
const views = new WeakMap<Pod, PodView>();

const byName = (a: PodView, b: PodView) =>
  a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : 1;

const sameViews = (a: readonly PodView[] | undefined, b: readonly PodView[]) =>
  a !== undefined && a.length === b.length && a.every((view, i) => view === b[i]);

/**
 * indexPods lists and groups the pods once per engine version, whatever the number of nodes.
 * A node whose pods did not change keeps its array from previous, so its box need not redraw.
 */
export function indexPods(cluster: Cluster, previous?: PodIndex): PodIndex {
  const now = cluster.now;
  const all = (cluster.api.list('pods') as Pod[]).map((pod) => {
    let view = views.get(pod);
    if (!view) views.set(pod, (view = viewOf(pod, now)));
    return view;
  });
  all.sort(byName);
  const grouped = new Map<string | undefined, PodView[]>();
  for (const view of all) {
    const list = grouped.get(view.nodeName);
    if (list) list.push(view);
    else grouped.set(view.nodeName, [view]);
  }
  const byNode = new Map<string | undefined, readonly PodView[]>();
  for (const [node, list] of grouped) {
    const before = previous?.byNode.get(node);
    byNode.set(node, sameViews(before, list) ? before! : list);
  }
  return { all: sameViews(previous?.all, all) ? previous!.all : all, byNode };
}

let latest: { cluster: Cluster; version: number; index: PodIndex } | undefined;

/** selectPodIndex is the pod index of the cluster shown, computed once per version for everyone. */
export function selectPodIndex({ cluster, version }: KubeloopState): PodIndex {
  if (!latest || latest.cluster !== cluster || latest.version !== version) {
    const previous = latest?.cluster === cluster ? latest.index : undefined;
    latest = { cluster, version, index: indexPods(cluster, previous) };
  }
  return latest.index;
}

export function usePodIndex(): PodIndex {
  return useKubeloop(selectPodIndex);
}

/** usePodViews lists every pod with its kubectl-style STATUS, sorted by namespace and name. */
export function usePodViews(): readonly PodView[] {
  return usePodIndex().all;
}

/** usePodsOnNode lists the pods bound to nodeName; undefined lists the unscheduled ones. */
export function usePodsOnNode(nodeName: string | undefined): readonly PodView[] {
  // The node's own array keeps its identity while its pods stay the same: no redraw then.
  return useKubeloop((s) => selectPodIndex(s).byNode.get(nodeName) ?? NO_PODS);
}

/** statusCounts tallies pods by STATUS, most common first: how a crowded node is summarised. */
export function statusCounts(pods: readonly PodView[]): { status: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const pod of pods) counts.set(pod.status, (counts.get(pod.status) ?? 0) + 1);
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => b.count - a.count || (a.status < b.status ? -1 : 1));
}
