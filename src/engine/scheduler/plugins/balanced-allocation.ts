import {
  MAX_NODE_SCORE,
  nonZeroRequests,
  requestedCpuWith,
  requestedMemoryWith,
  type ScorePlugin,
} from '../framework';

function fraction(requested: number, capacity: number): number {
  return capacity === 0 ? 1 : Math.min(1, requested / capacity);
}

/**
 * NodeResourcesBalancedAllocation prefers nodes where cpu and memory would be used in the same
 * proportion: score = (1 - standard deviation of the used fractions) x 100.
 */
export const balancedAllocation = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  preScore(pod) {
    const nz = nonZeroRequests(pod);
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          const nodeInfo = nodes[i]!;
          const cpu = fraction(requestedCpuWith(nodeInfo, nz), nodeInfo.allocatable.milliCpu);
          const memory = fraction(requestedMemoryWith(nodeInfo, nz), nodeInfo.allocatable.memory);
          const std = Math.abs(cpu - memory) / 2;
          scores[i] = Math.floor((1 - std) * MAX_NODE_SCORE);
        }
      },
    };
  },
} satisfies ScorePlugin;
