import type { FilterPlugin } from '../framework';
import { tolerates } from './taint-toleration';

const UNSCHEDULABLE_TAINT = {
  key: 'node.kubernetes.io/unschedulable',
  effect: 'NoSchedule' as const,
};

/** NodeUnschedulable rejects cordoned nodes unless the pod tolerates node.kubernetes.io/unschedulable. */
export const nodeUnschedulable = {
  name: 'NodeUnschedulable',
  preFilter(pod) {
    // A pod that tolerates the taint passes on every node: nothing to check.
    if ((pod.spec.tolerations ?? []).some((t) => tolerates(t, UNSCHEDULABLE_TAINT)))
      return undefined;
    return (nodeInfo) =>
      nodeInfo.unschedulable
        ? { reasons: ['node(s) were unschedulable'], unresolvable: true }
        : undefined;
  },
} satisfies FilterPlugin;
