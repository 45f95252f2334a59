import { describe, expect, it } from 'vitest';
import { infosWith, scoreAll, testNode, testPod } from '../testing';
import { balancedAllocation } from './balanced-allocation';

/** raw BalancedAllocation scores of pod on nodes (cpu 2, memory 4Gi unless given), with pods placed */
function scores(
  pod: ReturnType<typeof testPod>,
  nodes = [testNode('n1')],
  placed: Parameters<typeof infosWith>[1] = {},
): number[] {
  return scoreAll(balancedAllocation, pod, infosWith(nodes, placed))!.raw;
}

describe('NodeResourcesBalancedAllocation', () => {
  it('scores a best-effort pod from actual requests: nothing requested is perfectly balanced', () => {
    // The 100m / 200Mi non-zero defaults would make this 5% cpu vs 4.9% memory: 99.
    expect(scores(testPod('p'))).toEqual([100]);
  });

  it('counts what the node has placed as requested, not as the non-zero defaults', () => {
    const nodes = [testNode('n1'), testNode('n2')];
    const placed = {
      n1: [testPod('busy', { requests: { cpu: '1', memory: '1Gi' } })],
      n2: [testPod('best-effort')],
    };
    // n1: cpu 1/2, memory 1Gi/4Gi: std 0.125 -> 87. n2: nothing requested -> 100 (not 99).
    expect(scores(testPod('p'), nodes, placed)).toEqual([87, 100]);
  });

  it('adds no default memory for a pod that requests only cpu', () => {
    // cpu 500m/2 = 0.25, memory 0: std 0.125 -> 87 (200Mi of default memory would make it 89).
    expect(scores(testPod('p', { requests: { cpu: '500m' } }))).toEqual([87]);
  });

  it('leaves out a resource the node has none of', () => {
    const pod = testPod('p', { requests: { cpu: '500m' } });
    // only cpu is left: one fraction has no deviation (an allocatable of 0 is not a full resource)
    expect(scores(pod, [testNode('n1', { memory: '0' })])).toEqual([100]);
  });

  it('caps a fraction at 1 when the node is overcommitted', () => {
    const pod = testPod('p', { requests: { cpu: '500m' } });
    const placed = { n1: [testPod('big', { requests: { cpu: '3' } })] };
    // cpu min(1, 3.5/2) = 1, memory 0: std 0.5 -> 50
    expect(scores(pod, [testNode('n1')], placed)).toEqual([50]);
  });
});
