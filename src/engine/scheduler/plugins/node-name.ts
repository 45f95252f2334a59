import type { FilterPlugin } from '../framework';

/** NodeName: a pod that names a node (spec.nodeName) fits only that node. */
export const nodeName = {
  name: 'NodeName',
  filter(pod, nodeInfo) {
    if (!pod.spec.nodeName || pod.spec.nodeName === nodeInfo.node.metadata.name) return undefined;
    return { reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  },
} satisfies FilterPlugin;
