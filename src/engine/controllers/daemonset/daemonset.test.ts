import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { AnyObject, DaemonSet, Pod } from '../../api/types';

function daemonSet(podSpec: Record<string, unknown> = {}, image = 'nginx:1.27'): AnyObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { ...podSpec, containers: [{ name: 'agent', image }] },
      },
    },
  };
}

const pods = (c: Cluster) =>
  (c.api.list('pods', 'default') as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
const nodesOf = (c: Cluster) =>
  pods(c)
    .map((p) => p.spec.nodeName)
    .sort();
const getDs = (c: Cluster) =>
  c.api.execute({ verb: 'get', resource: 'daemonsets', namespace: 'default', name: 'agent' })
    .object as DaemonSet;

describe('daemonset controller', () => {
  it.each([
    {
      name: 'one pod per worker; the control-plane taint keeps m-k8s out',
      spec: {},
      want: ['w1-k8s', 'w2-k8s', 'w3-k8s'],
    },
    {
      name: 'tolerating the control-plane taint adds m-k8s',
      spec: {
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }],
      },
      want: ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'],
    },
    {
      name: 'a nodeSelector limits the nodes',
      spec: { nodeSelector: { 'kubernetes.io/hostname': 'w2-k8s' } },
      want: ['w2-k8s'],
    },
  ])('$name', ({ spec, want }) => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'daemonsets',
      namespace: 'default',
      body: daemonSet(spec),
    });
    c.runFor(30_000);
    expect(nodesOf(c)).toEqual(want);
    expect(getDs(c).status).toMatchObject({
      desiredNumberScheduled: want.length,
      currentNumberScheduled: want.length,
      numberReady: want.length,
      numberAvailable: want.length,
      updatedNumberScheduled: want.length,
      numberMisscheduled: 0,
    });
  });

  it('pins each pod to its node and adds the daemon tolerations', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'daemonsets',
      namespace: 'default',
      body: daemonSet(),
    });
    c.runFor(10_000);
    const pod = pods(c).find((p) => p.spec.nodeName === 'w1-k8s')!;
    expect(pod.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual(
      {
        nodeSelectorTerms: [
          { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1-k8s'] }] },
        ],
      },
    );
    expect(pod.spec.tolerations!.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(pod.metadata.labels).toMatchObject({ 'pod-template-generation': '1' });
    expect(pod.metadata.labels?.['controller-revision-hash']).toMatch(
      /^[bcdfghjklmnpqrstvwxz2456789]+$/,
    );
  });

  it('rolls a new template out one node at a time', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'daemonsets',
      namespace: 'default',
      body: daemonSet(),
    });
    c.runFor(30_000);
    let maxMissing = 0;
    c.onHop(() => {
      const ready = pods(c).filter((p) =>
        p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
      ).length;
      maxMissing = Math.max(maxMissing, 3 - ready);
    });
    const ds = getDs(c);
    c.api.execute({
      verb: 'update',
      resource: 'daemonsets',
      namespace: 'default',
      name: 'agent',
      body: {
        ...ds,
        spec: {
          ...ds.spec,
          template: {
            ...ds.spec.template,
            spec: {
              ...ds.spec.template.spec,
              containers: [{ ...ds.spec.template.spec.containers[0]!, image: 'nginx:1.26' }],
            },
          },
        },
      } as DaemonSet,
    });
    c.runFor(120_000);
    expect(pods(c).map((p) => p.spec.containers[0]!.image)).toEqual([
      'nginx:1.26',
      'nginx:1.26',
      'nginx:1.26',
    ]);
    expect(maxMissing).toBe(1);
    expect(getDs(c).status.updatedNumberScheduled).toBe(3);
  });

  it('deleting the DaemonSet deletes its pods', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'daemonsets',
      namespace: 'default',
      body: daemonSet(),
    });
    c.runFor(10_000);
    c.api.execute({ verb: 'delete', resource: 'daemonsets', namespace: 'default', name: 'agent' });
    c.runFor(60_000);
    expect(c.api.list('pods', 'default')).toHaveLength(0);
  });
});
