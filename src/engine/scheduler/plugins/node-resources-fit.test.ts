import { describe, expect, it } from 'vitest';
import { infosWith, scoreAll, testNode, testPod } from '../testing';
import { nodeResourcesFit } from './node-resources-fit';

describe('NodeResourcesFit LeastAllocated score', () => {
  it('counts a container without requests as 100m cpu and 200Mi memory', () => {
    const nodes = [testNode('n1'), testNode('n2')];
    const placed = { n2: [testPod('busy', { requests: { cpu: '1', memory: '1Gi' } })] };
    // n1: cpu (2000-100)/2000 = 95, memory (4096-200)/4096 = 95. n2: cpu 900/2000 = 45,
    // memory (4096-1224)/4096 = 70: (45 + 70) / 2 = 57.
    expect(scoreAll(nodeResourcesFit, testPod('p'), infosWith(nodes, placed))!.raw).toEqual([
      95, 57,
    ]);
  });

  it('averages only the resources the node has some of', () => {
    const nodes = [testNode('n1', { memory: '0' }), testNode('n2', { cpu: '0', memory: '0' })];
    // n1: cpu 95 alone, not (95 + 0) / 2; n2: nothing to score
    expect(scoreAll(nodeResourcesFit, testPod('p'), infosWith(nodes))!.raw).toEqual([95, 0]);
  });
});
