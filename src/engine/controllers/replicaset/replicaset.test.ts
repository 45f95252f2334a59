import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Pod } from '../../api/types';
import { deploymentManifest, podManifest } from '../../testing/builders';
import { rankForDeletion } from './ranking';

function replicaSet(replicas: number) {
  const d = deploymentManifest('web', replicas);
  return { ...d, kind: 'ReplicaSet', metadata: { name: 'web', labels: { app: 'web' } } };
}

function rankedPod(
  name: string,
  extra: { node?: string; phase?: Pod['status']['phase']; ready?: boolean; created?: string },
): Pod {
  const pod = podManifest(name) as unknown as Pod;
  pod.metadata.uid = name;
  pod.metadata.creationTimestamp = extra.created ?? '2026-01-05T09:00:00Z';
  pod.spec.nodeName = extra.node;
  pod.status = {
    phase: extra.phase ?? 'Running',
    conditions: extra.ready
      ? [
          {
            type: 'Ready',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: '2026-01-05T09:00:00Z',
          },
        ]
      : [],
  };
  return pod;
}

describe('replicaset controller', () => {
  it('replaces a deleted pod (self-healing)', () => {
    const c = createCluster({ seed: 2 });
    c.api.execute({
      verb: 'create',
      resource: 'replicasets',
      namespace: 'default',
      body: replicaSet(2),
    });
    c.runUntilIdle();
    const [victim] = c.api.list('pods', 'default');
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: victim!.metadata.name,
    });
    c.runUntilIdle();
    const names = c.api.list('pods', 'default').map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(victim!.metadata.name);
    const deleted = (c.api.list('events') as unknown as { reason: string }[]).filter(
      (e) => e.reason === 'SuccessfulCreate',
    );
    expect(deleted).toHaveLength(3);
  });

  it('does not bring back a bare pod', () => {
    const c = createCluster({ seed: 2 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('nginx'),
    });
    c.runUntilIdle();
    c.api.execute({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'nginx' });
    c.runUntilIdle();
    expect(c.api.list('pods', 'default')).toEqual([]);
  });

  it.each([
    {
      name: 'unscheduled before scheduled',
      first: rankedPod('a', {}),
      second: rankedPod('b', { node: 'n' }),
    },
    {
      name: 'pending before running',
      first: rankedPod('a', { node: 'n', phase: 'Pending' }),
      second: rankedPod('b', { node: 'n' }),
    },
    {
      name: 'not ready before ready',
      first: rankedPod('a', { node: 'n' }),
      second: rankedPod('b', { node: 'n', ready: true }),
    },
    {
      name: 'newer before older',
      first: rankedPod('a', { node: 'n', created: '2026-01-05T10:00:00Z' }),
      second: rankedPod('b', { node: 'n' }),
    },
  ])('deletes first: $name', ({ first, second }) => {
    const now = Date.parse('2026-01-05T12:00:00Z');
    expect(rankForDeletion([second, first], now)[0]).toBe(first);
    expect(rankForDeletion([first, second], now)[0]).toBe(first);
  });

  it('deletes first from the node that runs the most of its siblings', () => {
    const now = Date.parse('2026-01-05T12:00:00Z');
    const crowded = [
      rankedPod('a', { node: 'x', ready: true }),
      rankedPod('b', { node: 'x', ready: true }),
    ];
    const alone = rankedPod('c', { node: 'y', ready: true, created: '2026-01-05T11:59:00Z' });
    expect(rankForDeletion([alone, ...crowded], now)[0]!.spec.nodeName).toBe('x');
  });
});
