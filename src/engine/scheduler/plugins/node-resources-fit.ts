import { podRequests } from '../../api/pod';
import { MAX_NODE_SCORE, nonZeroRequests, type FilterPlugin, type ScorePlugin } from '../framework';

/**
 * NodeResourcesFit rejects nodes without room for the pod's requests (every shortfall is a
 * reason: `Insufficient cpu`, `Insufficient memory`, `Too many pods`) and, with the default
 * LeastAllocated strategy, prefers nodes with the most free cpu and memory (weight 1 each).
 */
export const nodeResourcesFit = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(pod, nodeInfo) {
    const reasons: string[] = [];
    const req = podRequests(pod.spec);
    const free = nodeInfo.allocatable;
    if (nodeInfo.pods.size + 1 > free.pods) reasons.push('Too many pods');
    if (req.milliCpu > 0 && nodeInfo.requested.milliCpu + req.milliCpu > free.milliCpu)
      reasons.push('Insufficient cpu');
    if (req.memory > 0 && nodeInfo.requested.memory + req.memory > free.memory)
      reasons.push('Insufficient memory');
    return reasons.length > 0 ? { reasons, unresolvable: false } : undefined;
  },
  score(pod, nodeInfo) {
    const nz = nonZeroRequests(pod);
    const least = (requested: number, capacity: number) =>
      capacity === 0 || requested > capacity
        ? 0
        : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
    const cpu = least(
      nodeInfo.nonZeroRequested.milliCpu + nz.milliCpu,
      nodeInfo.allocatable.milliCpu,
    );
    const memory = least(nodeInfo.nonZeroRequested.memory + nz.memory, nodeInfo.allocatable.memory);
    return Math.floor((cpu + memory) / 2);
  },
} satisfies FilterPlugin & ScorePlugin;
