import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Ingress, KubeObject, Pod, Service } from '../engine';
import { indexServices } from './services';
import { indexOwners } from './workloads';
import { useKubeloop } from './store';
import { selectServiceIndex } from './services';
import { selectOwnerIndex } from './workloads';
import { selectStorageIndex } from './storage';

const meta = (name: string, extra: Partial<KubeObject['metadata']> = {}) => ({
  name,
  namespace: 'default',
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: '2026-01-01T00:00:00Z',
  ...extra,
});

const service = (name: string, namespace = 'default'): Service =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, { namespace }),
    spec: {
      type: 'NodePort',
      clusterIP: '10.96.0.10',
      selector: { app: name },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  }) as Service;

const slice = (service: string, endpoints: [pod: string, ip: string, ready?: boolean][]) =>
  ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(`${service}-abcde`, { labels: { 'kubernetes.io/service-name': service } }),
    addressType: 'IPv4',
    endpoints: endpoints.map(([pod, ip, ready]) => ({
      addresses: [ip],
      conditions: ready === undefined ? {} : { ready },
      nodeName: 'w1-k8s',
      targetRef: { kind: 'Pod', namespace: 'default', name: pod },
    })),
  }) as EndpointSlice;

describe('indexServices', () => {
  it('lists a Service’s endpoints, ready first, and leaves the cluster’s own Services out', () => {
    const index = indexServices({
      services: [service('web'), service('kubernetes'), service('kube-dns', 'kube-system')],
      slices: [
        slice('web', [
          ['web-b', '10.244.1.3', false],
          ['web-a', '10.244.1.2'],
        ]),
      ],
      ingresses: [],
    });
    expect(index.services.map((s) => s.name)).toEqual(['web']);
    const web = index.services[0]!;
    expect(web).toMatchObject({ type: 'NodePort', ports: '80:30080/TCP', selector: 'app=web' });
    // An unset ready condition is ready (discovery/v1).
    expect(web.endpoints).toEqual([
      { ip: '10.244.1.2', ready: true, pod: 'web-a', nodeName: 'w1-k8s' },
      { ip: '10.244.1.3', ready: false, pod: 'web-b', nodeName: 'w1-k8s' },
    ]);
    expect([web.ready, web.notReady]).toEqual([1, 1]);
  });

  it('keeps a Service’s view while it reads the same, and renews it when an endpoint changes', () => {
    const lists = {
      services: [service('web'), service('api')],
      slices: [slice('web', [['web-a', '10.244.1.2', true]]), slice('api', [])],
      ingresses: [] as Ingress[],
    };
    const first = indexServices(lists);
    const again = indexServices(lists, first);
    expect(again.services).toBe(first.services);
    const changed = indexServices(
      { ...lists, slices: [slice('web', [['web-a', '10.244.1.2', false]]), slice('api', [])] },
      again,
    );
    expect(changed.byKey.get('default/web')).not.toBe(first.byKey.get('default/web'));
    expect(changed.byKey.get('default/api')).toBe(first.byKey.get('default/api'));
  });

  it('links an Ingress to each backend Service once', () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('web'),
      spec: {
        defaultBackend: { service: { name: 'web' } },
        rules: [
          { host: 'a.example.com', http: { paths: [{ backend: { service: { name: 'api' } } }] } },
          { http: { paths: [{ backend: { service: { name: 'web' } } }] } },
        ],
      },
    } as Ingress;
    const index = indexServices({ services: [], slices: [], ingresses: [ingress] });
    expect(index.ingresses[0]).toMatchObject({
      hosts: 'a.example.com,*',
      services: ['web', 'api'],
    });
  });
});

describe('indexOwners', () => {
  const owned = (kind: string, name: string, owner?: string): KubeObject =>
    ({
      apiVersion: 'apps/v1',
      kind,
      metadata: meta(name, {
        ownerReferences: owner
          ? [
              {
                apiVersion: 'apps/v1',
                kind: 'X',
                name: owner,
                uid: `uid-${owner}`,
                controller: true,
              },
            ]
          : undefined,
      }),
      spec: { replicas: 2 },
      status: { readyReplicas: 1 },
    }) as unknown as KubeObject;

  it('puts ReplicaSets under their Deployment and pods under their controller', () => {
    const pods = [owned('Pod', 'web-1-a', 'web-1'), owned('Pod', 'web-1-b', 'web-1')].map(
      (p) => ({ ...p, spec: { nodeName: 'w1-k8s', containers: [] } }) as unknown as Pod,
    );
    const index = indexOwners({
      workloads: [owned('Deployment', 'web'), owned('ReplicaSet', 'web-1', 'web')],
      pods,
    });
    expect(index.top.map((w) => w.name)).toEqual(['web']);
    expect(index.owned).toMatchObject([{ name: 'web-1', ownerUid: 'uid-web', done: 1, of: 2 }]);
    expect(index.owned[0]!.pods.map((p) => p.name)).toEqual(['web-1-a', 'web-1-b']);
    expect(indexOwners({ workloads: [owned('Deployment', 'web')], pods }, index).top).toBe(
      index.top,
    );
  });
});

describe('graph object selectors on a real cluster', () => {
  const store = () => useKubeloop.getState();

  it('see an exposed Deployment’s endpoints become ready, its owner chain and no claims', async () => {
    store().reset({ seed: 5 });
    await store().runKubectl('kubectl create deployment web --image=nginx --replicas=2');
    await store().runKubectl('kubectl expose deployment web --port=80');
    store().stepToQuiet();
    const services = selectServiceIndex(store());
    expect(services.services.map((s) => s.name)).toEqual(['web']);
    expect(services.services[0]!.endpoints.filter((e) => e.ready)).toHaveLength(2);
    expect(selectServiceIndex(store())).toBe(services);
    const owners = selectOwnerIndex(store());
    expect(owners.top.map((w) => `${w.kind}/${w.name}`)).toEqual(['Deployment/web']);
    expect(owners.owned[0]!.ownerUid).toBe(owners.top[0]!.uid);
    expect(owners.owned[0]!.pods).toHaveLength(2);
    expect(selectStorageIndex(store()).claims).toEqual([]);
  });
});
