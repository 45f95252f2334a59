import { describe, expect, it } from 'vitest';
import type { ServiceIndex, ServiceView } from '../../state/services';
import type { OwnerIndex, WorkloadView } from '../../state/workloads';
import { objectArea } from './layout';
import { objectGraph, type EdgeWords } from './object-graph';

/** A four-node cluster's objects sit beside its nodes. */
const area = objectArea(4);

const words: EdgeWords = {
  notReady: 'not ready',
  endpoint: (service, pod, ready) => `${service} → pod ${pod}: ${ready ? 'ready' : 'not ready'}`,
  endpointCount: (ready, notReady) => `${ready} ready, ${notReady} not ready`,
  endpointsOnNode: (service, node, counts) => `${service} → pods on ${node}: ${counts}`,
  link: (from, to) => `${from} → ${to}`,
  toPod: (from, pod) => `${from} → pod ${pod}`,
  podsOnNode: (from, count, node) => `${from} → ${count} pods on ${node}`,
  kind: (kind) => kind,
};

const web: ServiceView = {
  uid: 'svc',
  namespace: 'default',
  name: 'web',
  type: 'ClusterIP',
  clusterIP: '10.96.0.10',
  ports: '80/TCP',
  selector: 'app=web',
  endpoints: [
    { ip: '10.244.1.2', ready: true, pod: 'web-a', nodeName: 'w1-k8s' },
    { ip: '10.244.1.3', ready: true, pod: 'web-b', nodeName: 'w1-k8s' },
    { ip: '10.244.2.2', ready: false, pod: 'web-c', nodeName: 'w2-k8s' },
  ],
  ready: 2,
  notReady: 1,
};
const services: ServiceIndex = {
  services: [web],
  byKey: new Map([['default/web', web]]),
  ingresses: [],
};
const none: ServiceIndex = { services: [], byKey: new Map(), ingresses: [] };

describe('objectGraph', () => {
  it('ends an endpoint’s edge at its pod’s chip, or counts it at the node box without one', () => {
    const { nodes, edges } = objectGraph({
      area,
      services,
      owners: undefined,
      storage: undefined,
      chips: new Set(['default/web-a', 'default/web-c']),
      words,
    });
    expect(nodes.map((n) => n.id)).toEqual(['svc:default/web']);
    expect(
      edges.map((e) => [e.target, e.targetHandle, e.className, e.label ?? '', e.ariaLabel]),
    ).toEqual([
      [
        'box:w1-k8s',
        'pod:default/web-a',
        'edge-endpoint is-ready',
        '',
        'Service web → pod web-a: ready',
      ],
      [
        'box:w2-k8s',
        'pod:default/web-c',
        'edge-endpoint is-not-ready',
        'not ready',
        'Service web → pod web-c: not ready',
      ],
      [
        'box:w1-k8s',
        't-bottom',
        'edge-endpoint is-ready',
        '1 ready, 0 not ready',
        'Service web → pods on w1-k8s: 1 ready, 0 not ready',
      ],
    ]);
  });

  it('draws only the rows with something in them, in a fixed order, each object in its place', () => {
    const deployment: WorkloadView = {
      uid: 'd',
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
      ownerUid: undefined,
      done: 1,
      of: 1,
      pods: [],
    };
    const replicaSet: WorkloadView = {
      ...deployment,
      uid: 'rs',
      kind: 'ReplicaSet',
      name: 'web-1',
      ownerUid: 'd',
      pods: [{ namespace: 'default', name: 'web-1-a', nodeName: 'w1-k8s' }],
    };
    const owners: OwnerIndex = {
      top: [deployment],
      owned: [replicaSet],
      byUid: new Map([
        ['d', deployment],
        ['rs', replicaSet],
      ]),
    };
    const alone = objectGraph({
      area,
      services: none,
      owners,
      storage: undefined,
      chips: new Set(),
      words,
    });
    // An unchanged object keeps its node object, so React Flow skips it.
    const again = objectGraph({
      area,
      services: none,
      owners,
      storage: undefined,
      chips: new Set(),
      words,
    });
    expect(again.nodes[0]).toBe(alone.nodes[0]);
    const withService = objectGraph({
      area,
      services,
      owners,
      storage: undefined,
      chips: new Set(),
      words,
    });
    const y = (graph: typeof alone, id: string) => graph.nodes.find((n) => n.id === id)!.position.y;
    // Without Services the workloads take the first row; the ReplicaSet sits a row below.
    expect(y(alone, 'wl:rs') - y(alone, 'wl:d')).toBeGreaterThan(0);
    expect(y(withService, 'wl:d')).toBeGreaterThan(y(withService, 'svc:default/web'));
    expect(alone.edges.map((e) => e.ariaLabel)).toEqual([
      'Deployment web → ReplicaSet web-1',
      'ReplicaSet web-1 → 1 pods on w1-k8s',
    ]);
  });
});

describe('objectArea', () => {
  it('puts the objects beside a small cluster and below a large one, whatever its pods', () => {
    expect(objectArea(4)).toMatchObject({ y: -10, toPods: 'left' });
    expect(objectArea(4).x).toBeGreaterThan(4 * 260);
    expect(objectArea(40)).toEqual({ x: 0, y: 770, toPods: 'top' });
  });
});
