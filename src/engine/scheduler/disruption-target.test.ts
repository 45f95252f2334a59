import { describe, expect, it } from 'vitest';
import type { AnyObject, Pod } from '../api/types';
import { createCluster } from '../cluster';

const podBody = (name: string, cpu: string, priorityClassName?: string): AnyObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    ...(priorityClassName ? { priorityClassName } : {}),
    containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu } } }],
  },
});

describe('preemption: the victim is marked before it goes', () => {
  it('puts DisruptionTarget (PreemptionByScheduler) on the victim', () => {
    const c = createCluster({ seed: 3 });
    const create = (resource: string, body: AnyObject) =>
      c.api.execute({ verb: 'create', resource, namespace: 'default', body });
    create('priorityclasses', {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'high' },
      value: 1000,
    });
    for (const n of ['a', 'b', 'c']) create('pods', podBody(`filler-${n}`, '1500m'));
    c.runFor(10_000);
    create('pods', podBody('important', '1500m', 'high'));
    c.runFor(100);
    const victims = (c.api.list('pods') as Pod[]).filter((p) => p.metadata.deletionTimestamp);
    expect(victims).toHaveLength(1);
    // Seen while the victim terminates (nginx stops within a fraction of a second).
    expect(victims[0]!.status.conditions?.find((x) => x.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: expect.any(String),
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
  });
});
