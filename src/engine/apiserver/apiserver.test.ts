import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Pod } from '../api/types';
import { deploymentManifest, podManifest } from '../testing/builders';
import { StatusError } from './errors';
import type { ApiRequest } from './apiserver';

function fresh() {
  return createCluster({ seed: 7 });
}

function errorOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('kube-apiserver create', () => {
  it('defaults a pod as a real API server does', () => {
    const c = fresh();
    const pod = c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('nginx'),
    }).object as Pod;
    const container = pod.spec.containers[0]!;
    expect(container.imagePullPolicy).toBe('Always');
    expect(container.terminationMessagePath).toBe('/dev/termination-log');
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: 'default',
      priority: 0,
    });
    expect(pod.spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
    expect(pod.spec.volumes?.[0]?.name).toMatch(
      /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(pod.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it.each([
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx:latest', 'Always'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
  ])('image %s gets imagePullPolicy %s', (image, policy) => {
    const c = fresh();
    const pod = c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('p', { image }),
    }).object as Pod;
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe(policy);
  });

  it('names generateName objects with five safe random characters', () => {
    const c = fresh();
    const body = { ...podManifest('x'), metadata: { generateName: 'web-abc-' } };
    const pod = c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body,
    }).object!;
    expect(pod.metadata.name).toMatch(/^web-abc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  const invalidCases: { name: string; request: ApiRequest; message: string }[] = [
    {
      name: 'bad pod name',
      request: {
        verb: 'create',
        resource: 'pods',
        namespace: 'default',
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'My_App' },
          spec: { containers: [{ name: 'app', image: 'nginx' }] },
        },
      },
      message: `Pod "My_App" is invalid: metadata.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    },
    {
      name: 'negative replicas',
      request: {
        verb: 'create',
        resource: 'deployments',
        namespace: 'default',
        body: {
          ...deploymentManifest('web', 1),
          spec: { ...(deploymentManifest('web', 1).spec as object), replicas: -1 },
        },
      },
      message:
        'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'missing image',
      request: {
        verb: 'create',
        resource: 'pods',
        namespace: 'default',
        body: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { containers: [{ name: 'c' }] },
        },
      },
      message: 'Pod "p" is invalid: spec.containers[0].image: Required value',
    },
  ];
  it.each(invalidCases)('rejects $name with the real message', ({ request, message }) => {
    const c = fresh();
    const before = c.etcd.revision;
    const err = errorOf(() => c.api.execute(request));
    expect(err.status.reason).toBe('Invalid');
    expect(err.status.code).toBe(422);
    expect(err.message).toBe(message);
    expect(c.etcd.revision).toBe(before);
  });

  it('reports a selector that does not match the template labels, with both causes', () => {
    const c = fresh();
    const body = deploymentManifest('nginx', 1);
    (body.spec as { selector?: unknown }).selector = undefined;
    (body.spec as { template: { metadata: { labels: object } } }).template.metadata.labels = {
      run: 'app',
    };
    const err = errorOf(() =>
      c.api.execute({ verb: 'create', resource: 'deployments', namespace: 'default', body }),
    );
    expect(err.status.details?.causes?.map((x) => x.field)).toEqual(['spec.selector']);
  });

  it.each([
    ['pods', 'nginx', 'pods "nginx" already exists'],
    ['deployments', 'web', 'deployments.apps "web" already exists'],
  ])('refuses a second %s %s: AlreadyExists', (resource, name, message) => {
    const c = fresh();
    const body = resource === 'pods' ? podManifest(name) : deploymentManifest(name, 1);
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
    const err = errorOf(() =>
      c.api.execute({ verb: 'create', resource, namespace: 'default', body }),
    );
    expect([err.status.reason, err.message]).toEqual(['AlreadyExists', message]);
  });

  it('refuses objects in a namespace that does not exist', () => {
    const err = errorOf(() =>
      fresh().api.execute({
        verb: 'create',
        resource: 'pods',
        namespace: 'nope',
        body: podManifest('p'),
      }),
    );
    expect(err.message).toBe('namespaces "nope" not found');
  });
});

describe('kube-apiserver update, bind and delete', () => {
  it('answers a stale resourceVersion with 409 Conflict', () => {
    const c = fresh();
    const created = c.api.execute({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 1),
    }).object!;
    const stale = structuredClone(created) as typeof created & { spec: { replicas: number } };
    stale.spec.replicas = 2;
    c.api.execute({
      verb: 'update',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      body: stale,
    });
    stale.spec.replicas = 3;
    const err = errorOf(() =>
      c.api.execute({
        verb: 'update',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        body: stale,
      }),
    );
    expect(err.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('bumps generation on spec changes only', () => {
    const c = fresh();
    const d = c.api.execute({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 1),
    }).object!;
    expect(d.metadata.generation).toBe(1);
    const scaled = c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      patch: { spec: { replicas: 4 } },
    }).object!;
    expect(scaled.metadata.generation).toBe(2);
    const labelled = c.api.execute({
      verb: 'patch',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
      patchType: 'merge',
      patch: { metadata: { labels: { tier: 'web' } } },
    }).object!;
    expect(labelled.metadata.generation).toBe(2);
  });

  it('keeps the selector immutable', () => {
    const c = fresh();
    c.api.execute({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 1),
    });
    const err = errorOf(() =>
      c.api.execute({
        verb: 'patch',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        patchType: 'merge',
        patch: {
          spec: {
            selector: { matchLabels: { app: 'web2' } },
            template: { metadata: { labels: { app: 'web2' } } },
          },
        },
      }),
    );
    expect(err.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('binds a pod once, sets PodScheduled, and refuses a second binding', () => {
    const c = fresh();
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('p'),
    });
    const bind = (node: string): ApiRequest => ({
      verb: 'bind',
      resource: 'pods',
      namespace: 'default',
      name: 'p',
      body: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: 'p' },
        target: { kind: 'Node', name: node },
      },
    });
    const pod = c.api.execute(bind('w1-k8s')).object as Pod;
    expect(pod.spec.nodeName).toBe('w1-k8s');
    expect(pod.status.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'True' });
    expect(errorOf(() => c.api.execute(bind('w2-k8s'))).message).toBe(
      'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "w1-k8s"',
    );
  });

  it('deletes an unscheduled pod at once but lets a bound pod terminate gracefully', () => {
    const c = fresh();
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('a'),
    });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('b', { nodeName: 'w1-k8s' }),
    });
    c.api.execute({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'a' });
    const b = c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'b',
    }).object!;
    expect(c.api.list('pods', 'default').map((p) => p.metadata.name)).toEqual(['b']);
    expect(b.metadata.deletionGracePeriodSeconds).toBe(30);
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: 'b',
      gracePeriodSeconds: 0,
    });
    expect(c.api.list('pods', 'default')).toEqual([]);
  });

  it('checks a request on arrival and stores it one hop later, in etcd', () => {
    const c = fresh();
    const client = c.client('kubectl');
    let response: string | undefined;
    client.request(
      { verb: 'create', resource: 'pods', namespace: 'default', body: podManifest('nginx') },
      (r) => (response = r.ok ? 'ok' : r.error.message),
    );
    const request = c.step()!;
    expect([request.from, request.to, request.verb]).toEqual([
      'kubectl',
      'kube-apiserver',
      'create',
    ]);
    expect(c.api.list('pods', 'default')).toEqual([]);
    const storage = c.step()!;
    expect([storage.from, storage.to, storage.detail]).toEqual([
      'kube-apiserver',
      'etcd',
      '/registry/pods/default/nginx',
    ]);
    expect(storage.revision).toBe(c.etcd.revision);
    expect(response).toBe('ok');
  });
});
