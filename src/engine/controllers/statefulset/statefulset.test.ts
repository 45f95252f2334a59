import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { AnyObject, Event, Pod, StatefulSet } from '../../api/types';

function statefulSet(replicas: number, spec: Record<string, unknown> = {}): AnyObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      serviceName: 'web',
      ...spec,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
    },
  };
}

const live = (c: Cluster) =>
  (c.api.list('pods', 'default') as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
const names = (c: Cluster) =>
  live(c)
    .map((p) => p.metadata.name)
    .sort();
const getSts = (c: Cluster) =>
  c.api.execute({ verb: 'get', resource: 'statefulsets', namespace: 'default', name: 'web' })
    .object as StatefulSet;
const stsEvents = (c: Cluster) =>
  (c.api.list('events', 'default') as Event[])
    .filter((e) => e.involvedObject.kind === 'StatefulSet')
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .map((e) => e.message);

function scale(c: Cluster, replicas: number): void {
  c.api.execute({
    verb: 'patch',
    resource: 'statefulsets',
    namespace: 'default',
    name: 'web',
    patchType: 'merge',
    patch: { spec: { replicas } },
  });
}

/** creationOrder records when each pod first appears, by name. */
function creationOrder(c: Cluster): string[] {
  const seen: string[] = [];
  c.onHop((hop) => {
    if (hop.channel === 'storage' && hop.object.kind === 'Pod' && hop.verb !== 'delete') {
      if (!seen.includes(hop.object.name)) seen.push(hop.object.name);
    }
  });
  return seen;
}

describe('statefulset controller', () => {
  it.each([
    { policy: 'OrderedReady', wantTogether: false },
    { policy: 'Parallel', wantTogether: true },
  ])('$policy creates web-0, web-1, web-2', ({ policy, wantTogether }) => {
    const c = createCluster();
    const order = creationOrder(c);
    c.api.execute({
      verb: 'create',
      resource: 'statefulsets',
      namespace: 'default',
      body: statefulSet(3, { podManagementPolicy: policy }),
    });
    c.runFor(1_000);
    expect(names(c)).toEqual(wantTogether ? ['web-0', 'web-1', 'web-2'] : ['web-0']);
    c.runFor(30_000);
    expect(order).toEqual(['web-0', 'web-1', 'web-2']);
    const pod = live(c).find((p) => p.metadata.name === 'web-1')!;
    const sts = getSts(c);
    expect(pod.metadata.labels).toEqual({
      app: 'web',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': sts.status.updateRevision,
      'statefulset.kubernetes.io/pod-name': 'web-1',
    });
    expect(pod.spec).toMatchObject({ hostname: 'web-1', subdomain: 'web' });
    expect(sts.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
    });
    expect(sts.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    if (!wantTogether)
      expect(stsEvents(c)).toEqual(
        [0, 1, 2].map((i) => `create Pod web-${i} in StatefulSet web successful`),
      );
  });

  it('scales down from the highest ordinal, one at a time', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'statefulsets',
      namespace: 'default',
      body: statefulSet(3),
    });
    c.runFor(30_000);
    const deleted: string[] = [];
    c.onHop((hop) => {
      if (hop.note?.code === 'sts.delete') deleted.push(String(hop.note.args!.pod));
    });
    scale(c, 1);
    c.runFor(120_000);
    expect(deleted).toEqual(['web-2', 'web-1']);
    expect(names(c)).toEqual(['web-0']);
    expect(getSts(c).status.replicas).toBe(1);
  });

  it('rolls out a new template from the highest ordinal down', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'statefulsets',
      namespace: 'default',
      body: statefulSet(3),
    });
    c.runFor(30_000);
    const deleted: string[] = [];
    c.onHop((hop) => {
      if (hop.note?.code === 'sts.delete') deleted.push(String(hop.note.args!.pod));
    });
    c.api.execute({
      verb: 'patch',
      resource: 'statefulsets',
      namespace: 'default',
      name: 'web',
      patchType: 'strategic',
      patch: {
        spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
      },
    });
    c.runFor(180_000);
    expect(deleted).toEqual(['web-2', 'web-1', 'web-0']);
    expect(live(c).map((p) => p.spec.containers[0]!.image)).toEqual([
      'nginx:1.26',
      'nginx:1.26',
      'nginx:1.26',
    ]);
    const st = getSts(c).status;
    expect(st.currentRevision).toBe(st.updateRevision);
  });

  it('deleting the StatefulSet deletes its pods', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'statefulsets',
      namespace: 'default',
      body: statefulSet(2),
    });
    c.runFor(30_000);
    c.api.execute({ verb: 'delete', resource: 'statefulsets', namespace: 'default', name: 'web' });
    c.runFor(60_000);
    expect(c.api.list('pods', 'default')).toHaveLength(0);
  });
});
