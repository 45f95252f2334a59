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
    const tolerated = (pod.spec.tolerations ?? []).some((t) => tolerates(t, UNSCHEDULABLE_TAINT));
    return (nodeInfo) =>
      !nodeInfo.node.spec.unschedulable || tolerated
        ? undefined
        : { reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
} satisfies FilterPlugin;
