import { graphOption } from './graph-options';
import type { PodView } from '../../state/pods';

/** The namespace of the cluster's own pods: control-plane mirror pods, kube-proxy, CoreDNS. */
export const SYSTEM_NAMESPACE = 'kube-system';
/** The localStorage key that remembers whether the graph draws kube-system pods one by one. */
export const SHOW_SYSTEM_PODS_KEY = 'kubeloop.graph.systemPods';

export const isSystemPod = (pod: PodView) => pod.namespace === SYSTEM_NAMESPACE;

/** splitSystemPods separates the learner's workload pods from the cluster's own. */
export function splitSystemPods(pods: readonly PodView[]): {
  workload: PodView[];
  system: PodView[];
} {
  const workload: PodView[] = [];
  const system: PodView[] = [];
  for (const pod of pods) (isSystemPod(pod) ? system : workload).push(pod);
  return { workload, system };
}

/**
 * Off by default: a learner's first pods stay the graph's subject, and each node says how many
 * kube-system pods it also runs; turned on, those are drawn as small grey chips.
 */
const showSystemPods = graphOption(SHOW_SYSTEM_PODS_KEY);
export const setShowSystemPods = showSystemPods.set;
export const useShowSystemPods = showSystemPods.use;
