import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { AnyObject, Pod } from '../api/types';
import { podManifest } from '../testing/builders';
import { StatusError } from './errors';

function createPod(body: AnyObject, cluster = createCluster({ seed: 3 })) {
  return cluster.api.execute({ verb: 'create', resource: 'pods', namespace: 'default', body });
}

function withAccount(spec: Record<string, unknown>): AnyObject {
  const pod = podManifest('robot');
  return { ...pod, spec: { ...(pod.spec as object), ...spec } };
}

describe('ServiceAccount admission', () => {
  it('refuses a pod whose service account does not exist, in the API server words', () => {
    const cluster = createCluster({ seed: 3 });
    let error: unknown;
    try {
      createPod(withAccount({ serviceAccountName: 'build-robot' }), cluster);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatusError);
    expect((error as StatusError).message).toBe(
      'pods "robot" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found',
    );
    expect(cluster.api.list('pods', 'default')).toHaveLength(0);
  });

  it("admits it once the account exists, and follows the account's automount setting", () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.execute({
      verb: 'create',
      resource: 'serviceaccounts',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'build-robot' },
        automountServiceAccountToken: false,
      },
    });
    const quiet = createPod(withAccount({ serviceAccountName: 'build-robot' }), cluster)
      .object as Pod;
    expect(quiet.spec.volumes ?? []).toEqual([]);
    const pod = podManifest('mounted');
    const mounted = createPod(
      {
        ...pod,
        spec: {
          ...(pod.spec as object),
          serviceAccountName: 'build-robot',
          automountServiceAccountToken: true,
        },
      },
      cluster,
    ).object as Pod;
    expect(mounted.spec.volumes?.[0]?.name).toMatch(/^kube-api-access-/);
  });

  it('leaves mirror pods without an account or token volume', () => {
    const pod = podManifest('static-web');
    const mirror = createPod({
      ...pod,
      metadata: {
        ...(pod.metadata as object),
        annotations: { 'kubernetes.io/config.mirror': 'abc' },
      },
    }).object as Pod;
    expect(mirror.spec.serviceAccountName).toBeUndefined();
    expect(mirror.spec.volumes ?? []).toEqual([]);
  });
});
