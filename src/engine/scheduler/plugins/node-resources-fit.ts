import { podRequests } from '../../api/pod';
import {
  MAX_NODE_SCORE,
  nonZeroRequests,
  requestedCpuWith,
  requestedMemoryWith,
  type FilterPlugin,
  type ScorePlugin,
} from '../framework';

/** leastAllocated: the share of capacity left free, 0..100 (capacity is not 0) */
function leastAllocated(requested: number, capacity: number): number {
  return requested > capacity
    ? 0
    : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesFit rejects nodes without room for the pod's requests (every shortfall is a
 * reason: `Insufficient cpu`, `Insufficient memory`, `Too many pods`) and, with the default
 * LeastAllocated strategy, prefers nodes with the most free cpu and memory (weight 1 each).
 */
export const nodeResourcesFit = {
  name: 'NodeResourcesFit',
  weight: 1,
  preFilter(pod) {
    const req = podRequests(pod.spec);
    return (nodeInfo) => {
      const free = nodeInfo.allocatable;
      const tooManyPods = nodeInfo.podCount + 1 > free.pods;
      const noCpu = req.milliCpu > 0 && nodeInfo.requested.milliCpu + req.milliCpu > free.milliCpu;
      const noMemory = req.memory > 0 && nodeInfo.requested.memory + req.memory > free.memory;
      if (!tooManyPods && !noCpu && !noMemory) return undefined;
      const reasons: string[] = [];
      if (tooManyPods) reasons.push('Too many pods');
      if (noCpu) reasons.push('Insufficient cpu');
      if (noMemory) reasons.push('Insufficient memory');
      return { reasons, unresolvable: false };
    };
  },
  preScore(pod) {
    const nz = nonZeroRequests(pod);
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          const nodeInfo = nodes[i]!;
          const free = nodeInfo.allocatable;
          // leastResourceScorer averages only the resources the node has some of
          let sum = 0;
          let counted = 0;
          if (free.milliCpu > 0) {
            sum += leastAllocated(requestedCpuWith(nodeInfo, nz), free.milliCpu);
            counted++;
          }
          if (free.memory > 0) {
            sum += leastAllocated(requestedMemoryWith(nodeInfo, nz), free.memory);
            counted++;
          }
          scores[i] = counted === 0 ? 0 : Math.floor(sum / counted);
        }
      },
    };
  },
} satisfies FilterPlugin & ScorePlugin;
