import { beforeAll, describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types';
import { createCluster, type Cluster } from '../cluster';
import { deploymentManifest, podManifest } from '../testing/builders';
import { resolverCandidates, searchPath } from './dns';
import type { TrafficOrigin } from './traffic';

function create(c: Cluster, resource: string, body: object): void {
  c.api.execute({ verb: 'create', resource, namespace: 'default', body: body as never });
}

function svc(name: string, selector: Record<string, string>, extra: object = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], ...extra },
  };
}

/** A cluster with chk-hn behind web (ClusterIP) and np (NodePort 30080), a headless db, and a client. */
function networkCluster(): Cluster {
  const c = createCluster({ seed: 7, keepHops: false });
  const web = deploymentManifest('web', 3) as {
    spec: { template: { spec: { containers: { name: string; image: string }[] } } };
  };
  web.spec.template.spec.containers = [{ name: 'chk-hn', image: 'sysnet4admin/chk-hn' }];
  create(c, 'deployments', web);
  create(c, 'services', svc('web', { app: 'web' }));
  create(c, 'services', svc('empty', { app: 'nothing' }));
  create(
    c,
    'services',
    svc(
      'np',
      { app: 'web' },
      { type: 'NodePort', ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }] },
    ),
  );
  create(c, 'services', svc('db', { app: 'db' }, { clusterIP: 'None' }));
  const db = podManifest('db-0') as { metadata: { labels: object }; spec: object };
  db.metadata.labels = { app: 'db' };
  db.spec = { ...db.spec, hostname: 'db-0', subdomain: 'db' };
  create(c, 'pods', db);
  create(c, 'pods', {
    ...podManifest('client', { image: 'busybox' }),
    spec: { containers: [{ name: 'client', image: 'busybox', command: ['sleep', '3600'] }] },
  });
  c.runFor(60_000);
  return c;
}

const pods = (c: Cluster) => c.api.list('pods', 'default') as Pod[];
const clusterIP = (c: Cluster, name: string) =>
  (c.api.list('services', 'default') as Service[]).find((s) => s.metadata.name === name)!.spec
    .clusterIP!;

describe('traffic', () => {
  let c: Cluster;
  beforeAll(() => {
    c = networkCluster();
  });

  const client: TrafficOrigin = { kind: 'pod', namespace: 'default', name: 'client' };
  const node: TrafficOrigin = { kind: 'node', node: 'w1-k8s' };
  const outside: TrafficOrigin = { kind: 'external' };

  it.each([
    ['a Service by short name', client, 'http://web', 'answer'],
    ['a Service by name.namespace', client, 'web.default', 'answer'],
    ['a Service by its full name', client, 'web.default.svc.cluster.local', 'answer'],
    ['a StatefulSet-style pod behind a headless Service', client, 'db-0.db', 'answer'],
    ['a name that does not exist', client, 'nothing', 'unresolved'],
    ['a Service without endpoints (REJECT)', client, 'empty', 'refused'],
    ['a Service port that does not exist', client, 'web:8080', 'timeout'],
    ['the ClusterIP from a node', node, 'CLUSTER_IP', 'answer'],
    ['a Service name from a node (no cluster DNS there)', node, 'web', 'unresolved'],
    ['the ClusterIP from outside the cluster', outside, 'CLUSTER_IP', 'timeout'],
    ['a node port on any node from outside', outside, '192.168.1.101:30080', 'answer'],
    ['a node port on the control plane', outside, '192.168.1.10:30080', 'answer'],
    ['a node port nobody allocated', outside, '192.168.1.101:30081', 'refused'],
    ['a pod that does not listen', node, 'CLIENT_IP', 'refused'],
    ['the pod itself as localhost', client, 'localhost', 'refused'],
    ['a node port on the node itself as localhost', node, 'localhost:30080', 'answer'],
  ] as const)('%s', (_, origin, url, outcome) => {
    const target = url
      .replace('CLUSTER_IP', clusterIP(c, 'web'))
      .replace('CLIENT_IP', pods(c).find((p) => p.metadata.name === 'client')!.status.podIP!);
    const result = c.network.request(origin, target);
    expect(result.outcome.type).toBe(outcome);
  });

  it('names the pod that answered and the chains on the way', () => {
    const result = c.network.request(client, 'web');
    expect(result.outcome.type).toBe('answer');
    if (result.outcome.type !== 'answer') return;
    expect(result.outcome.answer.body).toBe(`${result.outcome.pod!.name}\n`);
    expect(result.chains[0]).toBe('KUBE-SERVICES');
    expect(result.chains[1]).toMatch(/^KUBE-SVC-/);
    expect(result.chains[2]).toMatch(/^KUBE-SEP-/);
    expect(result.hops.map((h) => [h.from, h.to])).toEqual([
      ['pod/client', 'coredns'],
      [
        'pod/client',
        `kube-proxy@${pods(c).find((p) => p.metadata.name === 'client')!.spec.nodeName}`,
      ],
      [expect.stringMatching(/^kube-proxy@/), `pod/${result.outcome.pod!.name}`],
      [`pod/${result.outcome.pod!.name}`, 'pod/client'],
    ]);
  });

  it('answers the kubernetes Service from the API server', () => {
    const result = c.network.request(client, 'http://10.96.0.1:443');
    expect(result.outcome).toMatchObject({ type: 'answer', answer: { status: 400 } });
  });

  it('spreads requests evenly over the endpoints, as statistic --mode random does', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const result = c.network.request(outside, '192.168.1.102:30080');
      if (result.outcome.type === 'answer') {
        const pod = result.outcome.pod!.name;
        counts.set(pod, (counts.get(pod) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(3);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });

  it('gets no answer at all from a powered-off node', () => {
    c.stopNode('w3-k8s');
    try {
      expect(c.network.request(outside, '192.168.1.103:30080').outcome).toEqual({
        type: 'timeout',
        afterMs: 130_000,
      });
    } finally {
      c.startNode('w3-k8s');
    }
  });

  it.each([
    ['web.default.svc.cluster.local', () => [clusterIP(c, 'web')]],
    [
      'db.default.svc.cluster.local',
      () => [pods(c).find((p) => p.metadata.name === 'db-0')!.status.podIP],
    ],
    [
      'db-0.db.default.svc.cluster.local',
      () => [pods(c).find((p) => p.metadata.name === 'db-0')!.status.podIP],
    ],
    ['10-244-1-9.default.pod.cluster.local', () => ['10.244.1.9']],
  ])('CoreDNS answers %s', (name, addresses) => {
    expect(c.network.dns.lookup(name)).toMatchObject({ rcode: 'NOERROR', addresses: addresses() });
  });

  it.each([
    'nope.default.svc.cluster.local',
    'web.default',
    'web.other.svc.cluster.local',
    'x.db-1.db.default.svc.cluster.local',
  ])('CoreDNS says NXDOMAIN for %s', (name) => {
    expect(c.network.dns.lookup(name).rcode).toBe('NXDOMAIN');
  });
});

describe('DNS queries from a pod', () => {
  let c: Cluster;
  beforeAll(() => {
    c = networkCluster();
  });
  const ipOf = (name: string) => pods(c).find((p) => p.metadata.name === name)!.status.podIP!;

  it.each([
    ['a ClusterIP', () => clusterIP(c, 'web'), 'web.default.svc.cluster.local'],
    ['kube-dns', () => '10.96.0.10', 'kube-dns.kube-system.svc.cluster.local'],
    ['a pod with a hostname', () => ipOf('db-0'), 'db-0.db.default.svc.cluster.local'],
    [
      'a pod behind a Service',
      () => ipOf(pods(c).find((p) => p.metadata.name.startsWith('web-'))!.metadata.name),
      // the address with dashes, under the first Service (by name) whose endpoint it is
      () =>
        `${ipOf(pods(c).find((p) => p.metadata.name.startsWith('web-'))!.metadata.name).replace(/\./g, '-')}.np.default.svc.cluster.local`,
    ],
  ])('CoreDNS names %s by PTR', (_, ip, name) => {
    expect(c.network.dns.reverse(ip())).toBe(typeof name === 'function' ? name() : name);
  });

  it('has no PTR for an address nobody serves', () => {
    expect(c.network.dns.reverse(ipOf('client'))).toBeUndefined();
  });

  it('loses queries a NetworkPolicy keeps from CoreDNS, and says so in the hop', () => {
    const client = { namespace: 'default', name: 'client' };
    expect(c.network.lookup(client, 'web.default.svc.cluster.local')).toMatchObject({
      rcode: 'NOERROR',
    });
    create(c, 'networkpolicies', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'no-egress' },
      spec: { podSelector: {}, policyTypes: ['Egress'] },
    });
    c.runFor(1_000);
    const hops: string[] = [];
    const stop = c.onHop((h) => hops.push(`${h.from} -> ${h.to}: ${h.verb} ${h.detail}`));
    expect(c.network.lookup(client, 'web.default.svc.cluster.local')).toBeUndefined();
    expect(c.network.reverse(client, '10.96.0.10')).toBeUndefined();
    c.runFor(1_000);
    stop();
    expect(hops).toEqual([
      'pod/client -> coredns: DROP NetworkPolicy default/no-egress (egress of default/client)',
      'pod/client -> coredns: DROP NetworkPolicy default/no-egress (egress of default/client)',
    ]);
  });
});

describe('resolver search path', () => {
  it.each([
    ['web', ['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']],
    [
      'web.default',
      [
        'web.default.default.svc.cluster.local',
        'web.default.svc.cluster.local',
        'web.default.cluster.local',
        'web.default',
      ],
    ],
    [
      'a.b.c.d.e.f',
      [
        'a.b.c.d.e.f',
        'a.b.c.d.e.f.default.svc.cluster.local',
        'a.b.c.d.e.f.svc.cluster.local',
        'a.b.c.d.e.f.cluster.local',
      ],
    ],
    ['web.default.svc.cluster.local.', ['web.default.svc.cluster.local']],
  ])('%s is tried as %j', (name, candidates) => {
    expect(resolverCandidates(name, searchPath('default'))).toEqual(candidates);
  });
});

describe('kube-proxy', () => {
  it('applies changes at most once per minSyncPeriod, coalescing what arrives meanwhile', () => {
    const c = createCluster({ seed: 3, keepHops: false });
    c.runFor(5_000);
    const proxy = c.network.proxies.get('w2-k8s')!;
    const names = () => proxy.servicePorts().map((p) => p.name);
    create(c, 'services', svc('a', { app: 'a' }));
    c.runFor(50);
    expect(names()).toContain('default/a');
    const syncs = proxy.syncCount;
    create(c, 'services', svc('b', { app: 'b' }));
    c.runFor(20);
    create(c, 'services', svc('d', { app: 'd' }));
    c.runFor(50);
    expect(names()).not.toContain('default/b');
    c.runFor(1_000);
    expect(names()).toEqual(expect.arrayContaining(['default/b', 'default/d']));
    expect(proxy.syncCount).toBe(syncs + 1);
  });

  it('stops with its node and rewrites every rule when the node boots again', () => {
    const c = createCluster({ seed: 3, keepHops: false });
    c.runFor(2_000);
    c.stopNode('w2-k8s');
    const before = c.network.proxies.get('w2-k8s')!;
    create(c, 'services', svc('while-down', { app: 'a' }));
    c.runFor(2_000);
    expect(before.servicePorts().map((p) => p.name)).not.toContain('default/while-down');
    c.startNode('w2-k8s');
    c.runFor(100);
    const after = c.network.proxies.get('w2-k8s')!;
    expect(after).not.toBe(before);
    expect(after.servicePorts().map((p) => p.name)).toContain('default/while-down');
  });

  it('shows its watch of the API server as hops', () => {
    const c = createCluster({ seed: 3 });
    create(c, 'services', svc('a', { app: 'a' }));
    c.runFor(100);
    const watches = c.hops
      .all()
      .filter((h) => h.channel === 'watch' && h.to.startsWith('kube-proxy@'));
    expect(new Set(watches.map((h) => h.to))).toEqual(
      new Set([...c.kubelets.keys()].map((n) => `kube-proxy@${n}`)),
    );
  });
});
