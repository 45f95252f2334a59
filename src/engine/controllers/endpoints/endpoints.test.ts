import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Endpoints, EndpointSlice, Pod, Service } from '../../api/types';
import { deploymentManifest } from '../../testing/builders';
import { endpointSubsets } from './compute';

function service(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: { app: name } },
    spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
  };
}

function pod(
  name: string,
  ip: string | undefined,
  ready: boolean,
  extra: Partial<Pod['metadata']> = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T09:00:00Z',
      labels: { app: 'web' },
      ...extra,
    },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'nginx',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          resources: {},
          imagePullPolicy: 'Always',
          terminationMessagePath: '',
          terminationMessagePolicy: 'File',
        },
      ],
      nodeName: 'w1-k8s',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    },
    status: {
      phase: 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastProbeTime: null,
          lastTransitionTime: '2026-01-05T09:00:05Z',
        },
      ],
    },
  };
}

const svc = (targetPort: number | string = 80) =>
  ({
    ...service('web'),
    spec: { ...service('web').spec, ports: [{ port: 80, protocol: 'TCP', targetPort }] },
  }) as unknown as Service;

describe('endpointSubsets', () => {
  it.each([
    {
      name: 'ready pods are addresses, sorted by IP',
      pods: [pod('b', '10.244.2.2', true), pod('a', '10.244.1.2', true)],
      want: [['10.244.1.2', '10.244.2.2'], [], [80]],
    },
    {
      name: 'not-ready pods are notReadyAddresses',
      pods: [pod('a', '10.244.1.2', true), pod('b', '10.244.2.2', false)],
      want: [['10.244.1.2'], ['10.244.2.2'], [80]],
    },
    {
      name: 'a pod without an IP is left out',
      pods: [pod('a', undefined, false)],
      want: undefined,
    },
    {
      name: 'a terminating pod is left out',
      pods: [pod('a', '10.244.1.2', true, { deletionTimestamp: '2026-01-05T09:01:00Z' })],
      want: undefined,
    },
  ])('$name', ({ pods, want }) => {
    const got = endpointSubsets(svc(), pods);
    if (!want) return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect((got[0]!.addresses ?? []).map((a) => a.ip)).toEqual(want[0]);
    expect((got[0]!.notReadyAddresses ?? []).map((a) => a.ip)).toEqual(want[1]);
    expect(got[0]!.ports!.map((p) => p.port)).toEqual(want[2]);
  });

  it('resolves a named targetPort through the container ports', () => {
    const [subset] = endpointSubsets(svc('http'), [pod('a', '10.244.1.2', true)]);
    expect(subset!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(subset!.addresses![0]).toEqual({
      ip: '10.244.1.2',
      nodeName: 'w1-k8s',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
    });
  });

  it('skips a pod that lacks the named port', () => {
    expect(endpointSubsets(svc('metrics'), [pod('a', '10.244.1.2', true)])).toEqual([]);
  });
});

describe('endpoints and endpointslice controllers', () => {
  it('publish the ready pods of a Deployment behind its Service', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 3),
    });
    c.api.execute({
      verb: 'create',
      resource: 'services',
      namespace: 'default',
      body: service('web'),
    });
    c.runFor(20_000);
    const ep = c.api.execute({
      verb: 'get',
      resource: 'endpoints',
      namespace: 'default',
      name: 'web',
    }).object as Endpoints;
    const ips = (c.api.list('pods', 'default') as Pod[]).map((p) => p.status.podIP).sort();
    expect(ep.subsets![0]!.addresses!.map((a) => a.ip)).toEqual(ips);
    expect(ep.subsets![0]!.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const slices = (c.api.list('endpointslices', 'default') as EndpointSlice[]).filter(
      (s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web',
    );
    expect(slices).toHaveLength(1);
    expect(slices[0]!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slices[0]!.endpoints!.every((e) => e.conditions.ready)).toBe(true);
    expect(slices[0]!.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);

    c.api.execute({ verb: 'delete', resource: 'services', namespace: 'default', name: 'web' });
    c.runUntilIdle();
    expect(c.api.list('endpoints', 'default').map((e) => e.metadata.name)).toEqual(['kubernetes']);
    expect(c.api.list('endpointslices', 'default').map((e) => e.metadata.name)).toEqual([
      'kubernetes',
    ]);
  });

  it('leave a Service without a selector alone', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'services',
      namespace: 'default',
      body: { ...service('ext'), spec: { ports: [{ port: 80 }] } },
    });
    c.runUntilIdle();
    expect(c.api.list('endpoints', 'default').map((e) => e.metadata.name)).toEqual(['kubernetes']);
  });

  it('write nothing at start-up: the bootstrapped objects are already what they want', () => {
    const c = createCluster({ seed: 3 });
    const before = c.api.revision;
    c.runUntilIdle();
    const writes = c.hops.all().filter((h) => h.note?.code?.startsWith('ep'));
    expect(writes).toEqual([]);
    expect(c.api.revision).toBeGreaterThanOrEqual(before);
  });
});
