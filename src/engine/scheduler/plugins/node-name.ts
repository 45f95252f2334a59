import type { FilterPlugin } from '../framework';

/** NodeName: a pod that names a node (spec.nodeName) fits only that node. */
export const nodeName = {
  name: 'NodeName',
  preFilter(pod) {
    const wanted = pod.spec.nodeName;
    if (!wanted) return undefined;
    return (nodeInfo) =>
      wanted === nodeInfo.node.metadata.name
        ? undefined
        : { reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  },
} satisfies FilterPlugin;
