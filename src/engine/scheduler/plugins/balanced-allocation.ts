import { podRequests } from '../../api/pod';
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework';

/** the share of the node's allocatable in use, capped at 1 */
function fraction(requested: number, allocatable: number): number {
  return Math.min(1, requested / allocatable);
}

/**
 * NodeResourcesBalancedAllocation prefers nodes where cpu and memory would be used in the same
 * proportion: score = (1 - standard deviation of the used fractions) x 100.
 *
 * Unlike NodeResourcesFit it counts actual requests (NewBalancedAllocation sets useRequested):
 * the node's Requested plus the pod's requests, with no 100m / 200Mi stand-ins for containers
 * that request nothing. A resource the node has none of is left out (balancedResourceScorer).
 * v1.32 still scores best-effort pods; the PreScore Skip for them came in v1.33 (#130260).
 */
export const balancedAllocation = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  preScore(pod) {
    const req = podRequests(pod.spec);
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          const nodeInfo = nodes[i]!;
          const { milliCpu, memory } = nodeInfo.allocatable;
          // With one resource (or none) left the deviation is 0, as balancedResourceScorer has it.
          const std =
            milliCpu === 0 || memory === 0
              ? 0
              : Math.abs(
                  fraction(nodeInfo.requested.milliCpu + req.milliCpu, milliCpu) -
                    fraction(nodeInfo.requested.memory + req.memory, memory),
                ) / 2;
          scores[i] = Math.floor((1 - std) * MAX_NODE_SCORE);
        }
      },
    };
  },
} satisfies ScorePlugin;
