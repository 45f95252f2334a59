import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { workloadCounts } from './desired';

const deployment = (spec: number, status: Record<string, number>, generation = 1): KubeObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', generation },
    spec: { replicas: spec },
    status: { observedGeneration: 1, ...status },
  }) as unknown as KubeObject;

describe('workloadCounts', () => {
  it('reads a Deployment still rolling out: 3 desired / 2 ready / 3 up-to-date', () => {
    const got = workloadCounts(
      deployment(3, { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 }),
    );
    expect(got.lines).toEqual([
      { key: 'desired', count: 3 },
      { key: 'current', count: 3 },
      { key: 'ready', count: 2 },
      { key: 'upToDate', count: 3 },
      { key: 'available', count: 2 },
    ]);
    expect(got.settled).toBe(false);
  });

  it('is settled once every count reaches the desired one', () => {
    const all = { replicas: 3, readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 };
    expect(workloadCounts(deployment(3, all)).settled).toBe(true);
  });

  it('is not settled while the controller has not observed the latest spec', () => {
    const all = { replicas: 3, readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 };
    const got = workloadCounts(deployment(3, all, 2));
    expect(got.observed).toBe(false);
    expect(got.settled).toBe(false);
  });

  it('gives a ReplicaSet no up-to-date count and a DaemonSet its per-node counts', () => {
    const rs = { ...deployment(2, { replicas: 2 }), kind: 'ReplicaSet' } as KubeObject;
    expect(workloadCounts(rs).lines.map((l) => l.key)).toEqual([
      'desired',
      'current',
      'ready',
      'available',
    ]);
    const ds = {
      kind: 'DaemonSet',
      metadata: { name: 'agent', generation: 1 },
      spec: {},
      status: {
        observedGeneration: 1,
        desiredNumberScheduled: 4,
        currentNumberScheduled: 4,
        numberReady: 1,
        numberMisscheduled: 0,
      },
    } as unknown as KubeObject;
    expect(
      workloadCounts(ds)
        .lines.slice(0, 3)
        .map((l) => l.count),
    ).toEqual([4, 4, 1]);
  });
});
