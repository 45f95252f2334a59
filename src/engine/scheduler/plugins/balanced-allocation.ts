import { MAX_NODE_SCORE, nonZeroRequests, type ScorePlugin } from '../framework';

/**
 * NodeResourcesBalancedAllocation prefers nodes where cpu and memory would be used in the same
 * proportion: score = (1 - standard deviation of the used fractions) x 100.
 */
export const balancedAllocation = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, nodeInfo) {
    const nz = nonZeroRequests(pod);
    const fraction = (requested: number, capacity: number) =>
      capacity === 0 ? 1 : Math.min(1, requested / capacity);
    const cpu = fraction(
      nodeInfo.nonZeroRequested.milliCpu + nz.milliCpu,
      nodeInfo.allocatable.milliCpu,
    );
    const memory = fraction(
      nodeInfo.nonZeroRequested.memory + nz.memory,
      nodeInfo.allocatable.memory,
    );
    const std = Math.abs(cpu - memory) / 2;
    return Math.floor((1 - std) * MAX_NODE_SCORE);
  },
} satisfies ScorePlugin;
