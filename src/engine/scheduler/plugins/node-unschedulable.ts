import type { FilterPlugin } from '../framework';
import { tolerates } from './taint-toleration';

/** NodeUnschedulable rejects cordoned nodes unless the pod tolerates node.kubernetes.io/unschedulable. */
export const nodeUnschedulable = {
  name: 'NodeUnschedulable',
  filter(pod, nodeInfo) {
    if (!nodeInfo.node.spec.unschedulable) return undefined;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };
    if ((pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) return undefined;
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
} satisfies FilterPlugin;
