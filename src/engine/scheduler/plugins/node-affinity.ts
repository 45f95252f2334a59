import { matchesNodeSelectorAndAffinity, matchesTerm } from '../../api/node-selector';
import { MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../framework';

/**
 * NodeAffinity filters out nodes that do not match the pod's nodeSelector or its required node
 * affinity (how DaemonSet pods are pinned to their node), and scores nodes by the summed weights
 * of the preferred terms they match.
 */
export const nodeAffinity = {
  name: 'NodeAffinity',
  weight: 2,
  filter(pod, nodeInfo) {
    if (matchesNodeSelectorAndAffinity(pod.spec, nodeInfo.node)) return undefined;
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
  score(pod, nodeInfo) {
    const preferred =
      pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    return preferred
      .filter((p) => p.weight !== 0 && matchesTerm(p.preference, nodeInfo.node))
      .reduce((sum, p) => sum + p.weight, 0);
  },
  normalize(scores) {
    // DefaultNormalizeScore: the best node gets 100; with no preferences every node gets 0.
    const max = Math.max(0, ...scores);
    return scores.map((s) => (max === 0 ? 0 : Math.floor((s * MAX_NODE_SCORE) / max)));
  },
} satisfies FilterPlugin & ScorePlugin;
