import { describe, expect, it } from 'vitest';
import type { ResourceQuota } from '../api/storage-types';
import type { AnyObject } from '../api/types';
import { createCluster } from '../cluster';
import { StatusError } from './errors';

const pod = (name: string, resources?: Record<string, Record<string, string>>): AnyObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx', ...(resources ? { resources } : {}) }] },
});

/** admit creates objects in order in a fresh namespace and returns each one's outcome. */
function admit(objects: { resource: string; body: AnyObject }[]): string[] {
  const c = createCluster({ seed: 5 });
  return objects.map(({ resource, body }) => {
    try {
      c.api.execute({ verb: 'create', resource, namespace: 'default', body });
      return 'created';
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      return error.status.message;
    }
  });
}

const quota = (name: string, hard: Record<string, string>) => ({
  resource: 'resourcequotas',
  body: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard } },
});
const limitRange = (limits: Record<string, unknown>) => ({
  resource: 'limitranges',
  body: {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits' },
    spec: { limits: [{ type: 'Container', ...limits }] },
  },
});
const pods = (...bodies: AnyObject[]) => bodies.map((body) => ({ resource: 'pods', body }));

describe('ResourceQuota and LimitRanger admission', () => {
  it.each([
    {
      name: 'a pod count',
      objects: [quota('q', { pods: '1' }), ...pods(pod('a'), pod('b'))],
      want: [
        'created',
        'created',
        'pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1',
      ],
    },
    {
      name: 'compute a pod must state',
      objects: [
        quota('compute', { 'limits.cpu': '1', 'requests.memory': '1Gi' }),
        ...pods(pod('a')),
      ],
      want: [
        'created',
        'pods "a" is forbidden: failed quota: compute: must specify limits.cpu for: app; requests.memory for: app',
      ],
    },
    {
      name: 'cpu summed over pods',
      objects: [
        quota('cpu', { 'requests.cpu': '1' }),
        ...pods(pod('a', { requests: { cpu: '600m' } }), pod('b', { requests: { cpu: '500m' } })),
      ],
      want: [
        'created',
        'created',
        'pods "b" is forbidden: exceeded quota: cpu, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1',
      ],
    },
    {
      // kube-root-ca.crt, in every namespace, counts too: two is room for one more.
      name: 'object counts of other kinds',
      objects: [
        quota('cm', { 'count/configmaps': '2' }),
        ...['one', 'two'].map((name) => ({
          resource: 'configmaps',
          body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } },
        })),
      ],
      want: [
        'created',
        'created',
        'configmaps "two" is forbidden: exceeded quota: cm, requested: count/configmaps=1, used: count/configmaps=2, limited: count/configmaps=2',
      ],
    },
    {
      name: 'LimitRange defaults satisfy the quota',
      objects: [
        quota('compute', { 'limits.cpu': '1' }),
        limitRange({ default: { cpu: '500m' }, defaultRequest: { cpu: '100m' } }),
        ...pods(pod('a'), pod('b'), pod('c')),
      ],
      want: [
        'created',
        'created',
        'created',
        'created',
        'pods "c" is forbidden: exceeded quota: compute, requested: limits.cpu=500m, used: limits.cpu=1, limited: limits.cpu=1',
      ],
    },
    {
      name: 'LimitRange max and min',
      objects: [
        limitRange({ max: { cpu: '1' }, min: { memory: '64Mi' } }),
        ...pods(
          pod('big', { limits: { cpu: '2' }, requests: { memory: '128Mi' } }),
          pod('small', { limits: { cpu: '500m' }, requests: { memory: '32Mi' } }),
        ),
      ],
      want: [
        'created',
        'pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
        'pods "small" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi',
      ],
    },
  ])('$name', ({ objects, want }) => expect(admit(objects)).toEqual(want));

  it('annotates what LimitRanger set', () => {
    const c = createCluster({ seed: 5 });
    const { resource, body } = limitRange({ default: { cpu: '500m', memory: '256Mi' } });
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
    const { object } = c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('a', { limits: { memory: '128Mi' } }),
    });
    expect(object!.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger':
        'LimitRanger plugin set: cpu request for container app; cpu limit for container app',
    });
  });

  it('keeps quota status up to date (the quota controller)', () => {
    const c = createCluster({ seed: 5 });
    const { resource, body } = quota('q', { pods: '5', 'requests.cpu': '2' });
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: pod('a', { requests: { cpu: '250m' } }),
    });
    c.runFor(1000);
    const stored = c.api.execute({ verb: 'get', resource, namespace: 'default', name: 'q' })
      .object as ResourceQuota;
    expect(stored.status).toEqual({
      hard: { pods: '5', 'requests.cpu': '2' },
      used: { pods: '1', 'requests.cpu': '250m' },
    });
  });

  it('counts creates admitted but not yet stored, so concurrent creates cannot overrun a quota', () => {
    const c = createCluster({ seed: 5 });
    const { resource, body } = quota('q', { pods: '2' });
    c.api.execute({ verb: 'create', resource, namespace: 'default', body });
    const outcomes: string[] = [];
    // All four arrive before the first reaches etcd, as a controller's burst of creates does.
    for (const name of ['a', 'b', 'c', 'd'])
      c.api.submit(
        'kube-controller-manager',
        {
          verb: 'create',
          resource: 'pods',
          namespace: 'default',
          body: pod(name),
        },
        (response) => outcomes.push(response.ok ? 'created' : response.error.status.message),
      );
    c.runFor(1000);
    // Refusals answer at once, before the admitted creates come back from etcd.
    expect(outcomes).toEqual([
      'pods "c" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2',
      'pods "d" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2',
      'created',
      'created',
    ]);
    expect(c.api.list('pods', 'default').map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });
});
