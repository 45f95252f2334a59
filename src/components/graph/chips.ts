import { selectPodIndex, type PodIndex, type PodView } from '../../state/pods';
import type { KubeloopState } from '../../state/store';
import { AGGREGATE_ABOVE, PODS_PER_NODE } from './layout';
import { splitSystemPods } from './system-pods';

/** How many chips the unscheduled box has room for (it is shorter than a node's). */
export const UNSCHEDULED_CHIPS = PODS_PER_NODE - 2;

/**
 * chipOrder is the order a node box lists its pods in: the learner's, then kube-system's when
 * the graph shows them (systemFrom is where those start); kube-system's are otherwise counted.
 */
export function chipOrder(
  pods: readonly PodView[],
  showSystem: boolean,
): { listed: readonly PodView[]; system: readonly PodView[]; systemFrom: number } {
  const { workload, system } = splitSystemPods(pods);
  return showSystem
    ? { listed: [...workload, ...system], system, systemFrom: workload.length }
    : { listed: workload, system, systemFrom: workload.length };
}

/** shownChips: the pods drawn as chips; the rest are counted ("+N more"), all of them at scale. */
export function shownChips(listed: readonly PodView[], max: number, aggregate: boolean) {
  return aggregate ? [] : listed.slice(0, max);
}

/** podKey names a pod as namespace/name, as edges to its chip do. */
export const podKey = (namespace: string, name: string) => `${namespace}/${name}`;

/** chipKeys lists every pod drawn as a chip on the graph, node boxes and unscheduled box alike. */
export function chipKeys(index: PodIndex, showSystem: boolean): string[] {
  if (index.all.length > AGGREGATE_ABOVE) return [];
  const keys: string[] = [];
  for (const [node, pods] of index.byNode) {
    const listed = node === undefined ? pods : chipOrder(pods, showSystem).listed;
    const max = node === undefined ? UNSCHEDULED_CHIPS : PODS_PER_NODE;
    for (const pod of shownChips(listed, max, false)) keys.push(podKey(pod.namespace, pod.name));
  }
  return keys.sort();
}

const chipSelectors = new Map<boolean, (s: KubeloopState) => string>();

/**
 * selectChipKeys is chipKeys as one string (it compares by value): the canvas redraws its edges
 * to chips only when the set of chips changes, not whenever a pod does.
 */
export function selectChipKeys(showSystem: boolean): (s: KubeloopState) => string {
  let selector = chipSelectors.get(showSystem);
  if (!selector) {
    let last: { index: PodIndex; keys: string } | undefined;
    selector = (s) => {
      const index = selectPodIndex(s);
      if (last?.index !== index) last = { index, keys: chipKeys(index, showSystem).join('\n') };
      return last.keys;
    };
    chipSelectors.set(showSystem, selector);
  }
  return selector;
}
