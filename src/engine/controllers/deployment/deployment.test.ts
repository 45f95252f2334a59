import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import { deploymentManifest } from '../../testing/builders';
import { resolveFenceposts } from './util';

const HASH = /^[456789bcdf]{6,10}$/;
const POD_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

function withDeployment(replicas: number, seed = 1) {
  const c = createCluster({ seed });
  c.api.execute({
    verb: 'create',
    resource: 'deployments',
    namespace: 'default',
    body: deploymentManifest('web', replicas),
  });
  c.runUntilIdle();
  return c;
}

describe('deployment controller', () => {
  it('creates <deployment>-<pod-template-hash> and pods <rs>-<5 chars>, all Running', () => {
    const c = withDeployment(3);
    const [rs] = c.api.list('replicasets', 'default') as ReplicaSet[];
    const hash = rs!.metadata.labels!['pod-template-hash']!;
    expect(hash).toMatch(HASH);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    const pods = c.api.list('pods', 'default') as Pod[];
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name.slice(rs!.metadata.name.length + 1)).toMatch(POD_SUFFIX);
      expect(pod.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(pod.status.phase).toBe('Running');
    }
    const d = c.api.list('deployments', 'default')[0] as Deployment;
    expect(d.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('records ScalingReplicaSet and SuccessfulCreate events with the real wording', () => {
    const c = withDeployment(2);
    const rsName = c.api.list('replicasets', 'default')[0]!.metadata.name;
    const messages = (c.api.list('events') as unknown as { reason: string; message: string }[])
      .filter((e) => e.reason === 'ScalingReplicaSet' || e.reason === 'SuccessfulCreate')
      .map((e) => e.message)
      .sort();
    expect(messages[messages.length - 1]).toBe(`Scaled up replica set ${rsName} from 0 to 2`);
    expect(messages.filter((m) => m.startsWith('Created pod: '))).toHaveLength(2);
  });

  it('scales out and in through the ReplicaSet', () => {
    const c = withDeployment(2);
    c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      patch: { spec: { replicas: 4 } },
    });
    c.runUntilIdle();
    expect(c.api.list('pods', 'default')).toHaveLength(4);
    c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      patch: { spec: { replicas: 1 } },
    });
    c.runUntilIdle();
    expect(c.api.list('pods', 'default')).toHaveLength(1);
    const rs = c.api.list('replicasets', 'default')[0] as ReplicaSet;
    expect(rs.spec.replicas).toBe(1);
  });

  it('rolls out a new template and keeps the old ReplicaSet at zero', () => {
    const c = withDeployment(3);
    c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'strategic',
      patch: {
        spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
      },
    });
    c.runUntilIdle();
    const sets = (c.api.list('replicasets', 'default') as ReplicaSet[]).sort(
      (a, b) => a.spec.replicas - b.spec.replicas,
    );
    expect(sets.map((rs) => rs.spec.replicas)).toEqual([0, 3]);
    expect(sets[1]!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const pods = c.api.list('pods', 'default') as Pod[];
    expect(pods.map((p) => p.spec.containers[0]!.image)).toEqual([
      'nginx:1.27',
      'nginx:1.27',
      'nginx:1.27',
    ]);
  });

  it('deletes its ReplicaSet and pods when deleted (background cascade)', () => {
    const c = withDeployment(2);
    c.api.execute({ verb: 'delete', resource: 'deployments', namespace: 'default', name: 'web' });
    c.runUntilIdle();
    expect([
      c.api.list('deployments', 'default'),
      c.api.list('replicasets', 'default'),
      c.api.list('pods', 'default'),
    ]).toEqual([[], [], []]);
  });

  it('keeps the owner until dependents are gone with a foreground cascade', () => {
    const c = withDeployment(1);
    c.api.execute({
      verb: 'delete',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      propagationPolicy: 'Foreground',
    });
    expect(c.api.list('deployments', 'default')[0]!.metadata.finalizers).toEqual([
      'foregroundDeletion',
    ]);
    c.runUntilIdle();
    expect([
      c.api.list('deployments', 'default'),
      c.api.list('replicasets', 'default'),
      c.api.list('pods', 'default'),
    ]).toEqual([[], [], []]);
  });

  it('orphans the ReplicaSet when asked', () => {
    const c = withDeployment(1);
    c.api.execute({
      verb: 'delete',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      propagationPolicy: 'Orphan',
    });
    c.runUntilIdle();
    expect(c.api.list('deployments', 'default')).toEqual([]);
    const rs = c.api.list('replicasets', 'default') as ReplicaSet[];
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.ownerReferences ?? []).toEqual([]);
    expect(c.api.list('pods', 'default')).toHaveLength(1);
  });

  it.each([
    { replicas: 1, surge: 1, unavailable: 0 },
    { replicas: 3, surge: 1, unavailable: 0 },
    { replicas: 4, surge: 1, unavailable: 1 },
    { replicas: 10, surge: 3, unavailable: 2 },
  ])(
    'resolves 25%/25% for $replicas replicas to surge $surge, unavailable $unavailable',
    ({ replicas, surge, unavailable }) => {
      const d = deploymentManifest('web', replicas) as unknown as Deployment;
      d.spec.strategy = {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      };
      expect(resolveFenceposts(d)).toEqual({ maxSurge: surge, maxUnavailable: unavailable });
    },
  );
});

describe('deployment controller: history and deadlines', () => {
  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const c = withDeployment(1);
    c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      patch: { spec: { revisionHistoryLimit: 2 } },
    });
    for (const tag of ['1.25', '1.26', '1.27', 'stable']) {
      c.api.execute({
        verb: 'patch',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        patchType: 'strategic',
        patch: {
          spec: { template: { spec: { containers: [{ name: 'nginx', image: `nginx:${tag}` }] } } },
        },
      });
      c.runUntilIdle();
    }
    const revisions = (c.api.list('replicasets', 'default') as ReplicaSet[])
      .map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision'])
      .sort();
    expect(revisions).toEqual(['3', '4', '5']);
  });

  it('reports ProgressDeadlineExceeded when a rollout stalls past progressDeadlineSeconds', () => {
    const c = withDeployment(2);
    c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'strategic',
      patch: {
        spec: {
          progressDeadlineSeconds: 60,
          template: { spec: { containers: [{ name: 'nginx', image: 'nginx:no-such-tag' }] } },
        },
      },
    });
    c.runFor(30_000);
    const progressing = () =>
      (c.api.list('deployments', 'default')[0] as Deployment).status.conditions!.find(
        (x) => x.type === 'Progressing',
      )!;
    expect(progressing().status).toBe('True');
    c.runFor(60_000);
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(progressing().message).toMatch(
      /^ReplicaSet "web-[456789bcdf]+" has timed out progressing\.$/,
    );
  });
});
