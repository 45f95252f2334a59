import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../api/types';
import { createCluster } from '../../cluster';
import { podManifest } from '../../testing/builders';

function clusterWithPodIn(namespace: string) {
  const c = createCluster({ seed: 3 });
  c.api.execute({
    verb: 'create',
    resource: 'namespaces',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
  });
  c.api.execute({ verb: 'create', resource: 'pods', namespace, body: podManifest('web') });
  c.api.execute({
    verb: 'create',
    resource: 'configmaps',
    namespace,
    body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } },
  });
  c.runUntilIdle();
  return c;
}

function namespace(c: ReturnType<typeof createCluster>, name: string): Namespace | undefined {
  return c.api.list('namespaces').find((ns) => ns.metadata.name === name) as Namespace | undefined;
}

describe('namespace controller', () => {
  it('keeps a deleted namespace Terminating until its content is gone, then removes it', () => {
    const c = clusterWithPodIn('team-a');
    c.api.execute({ verb: 'delete', resource: 'namespaces', name: 'team-a' });
    const terminating = namespace(c, 'team-a')!;
    expect(terminating.status.phase).toBe('Terminating');
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(terminating.spec.finalizers).toEqual(['kubernetes']);

    c.runFor(2_000);
    expect(c.api.list('configmaps', 'team-a')).toEqual([]);
    // The pod is still shutting down within its grace period; the condition says so.
    const waiting = namespace(c, 'team-a')!;
    expect(
      waiting.status.conditions?.find((x) => x.type === 'NamespaceContentRemaining'),
    ).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });

    c.runUntilIdle();
    expect(c.api.list('pods', 'team-a')).toEqual([]);
    expect(namespace(c, 'team-a')).toBeUndefined();
  });

  it('refuses new content in a terminating namespace', () => {
    const c = clusterWithPodIn('team-a');
    c.api.execute({ verb: 'delete', resource: 'namespaces', name: 'team-a' });
    expect(() =>
      c.api.execute({
        verb: 'create',
        resource: 'pods',
        namespace: 'team-a',
        body: podManifest('late'),
      }),
    ).toThrow(
      'pods "late" is forbidden: unable to create new content in namespace team-a because it is being terminated',
    );
  });

  it('never lets default, kube-system or kube-public go', () => {
    const c = createCluster({ seed: 3 });
    for (const name of ['default', 'kube-system', 'kube-public'])
      expect(() => c.api.execute({ verb: 'delete', resource: 'namespaces', name })).toThrow(
        `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
  });
});
