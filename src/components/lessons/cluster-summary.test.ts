import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import { runKubectl } from '../../kubectl';
import { viewCluster } from '../../lessons';
import { summarizeCluster } from './cluster-summary';

describe('summarizeCluster (the "now" side of the goal view)', () => {
  it('says nothing about an empty, healthy cluster', () => {
    expect(summarizeCluster(viewCluster(createCluster({ seed: 1 })))).toEqual({
      pods: [],
      troubledNodes: [],
    });
  });

  it('groups pods by the STATUS kubectl prints, with the nodes they run on', () => {
    const cluster = createCluster({ seed: 1 });
    runKubectl(cluster, 'kubectl create deployment web --image=nginx --replicas=2');
    runKubectl(cluster, 'kubectl run typo --image=nginx:1.27.99');
    cluster.runFor(60_000);
    const summary = summarizeCluster(viewCluster(cluster));
    expect(summary.pods.map(({ status, count }) => [status, count])).toEqual([
      ['Running', 2],
      ['ImagePullBackOff', 1],
    ]);
    const running = summary.pods[0]!;
    expect(running.nodes.length).toBeGreaterThan(0);
    expect(running.nodes.every((node) => /^w\d-k8s$/.test(node))).toBe(true);
  });

  it('lists cordoned and unreachable nodes', () => {
    const cluster = createCluster({ seed: 1 });
    runKubectl(cluster, 'kubectl cordon w1-k8s');
    cluster.stopNode('w2-k8s');
    cluster.runFor(120_000);
    expect(summarizeCluster(viewCluster(cluster)).troubledNodes).toEqual([
      { name: 'w1-k8s', status: 'Ready,SchedulingDisabled' },
      { name: 'w2-k8s', status: 'NotReady' },
    ]);
  });
});
