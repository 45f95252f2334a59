import { matchesNodeSelectorAndAffinity, matchesTerm } from '../../api/node-selector';
import type { PodSpec } from '../../api/types';
import { defaultNormalize, type FilterPlugin, type ScorePlugin } from '../framework';

function selectsNodes(spec: PodSpec): boolean {
  return (
    Object.keys(spec.nodeSelector ?? {}).length > 0 ||
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined
  );
}

/**
 * NodeAffinity filters out nodes that do not match the pod's nodeSelector or its required node
 * affinity (how DaemonSet pods are pinned to their node), and scores nodes by the summed weights
 * of the preferred terms they match. A pod with neither skips the filter; without preferred
 * terms it skips the score (every node gets 0).
 */
export const nodeAffinity = {
  name: 'NodeAffinity',
  weight: 2,
  preFilter(pod) {
    if (!selectsNodes(pod.spec)) return undefined;
    return (nodeInfo) =>
      matchesNodeSelectorAndAffinity(pod.spec, nodeInfo.node)
        ? undefined
        : { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
  preScore(pod) {
    const preferred = (
      pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
    ).filter((p) => p.weight !== 0);
    if (preferred.length === 0) return undefined;
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          let sum = 0;
          for (const p of preferred) if (matchesTerm(p.preference, nodes[i]!.node)) sum += p.weight;
          scores[i] = sum;
        }
      },
      // DefaultNormalizeScore: the best node gets 100.
      normalize: (scores) => defaultNormalize(scores),
    };
  },
} satisfies FilterPlugin & ScorePlugin;
