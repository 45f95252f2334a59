import { describe, expect, it } from 'vitest';
import type { Ingress, IngressBackend } from '../api/config-types';
import type { Service } from '../api/types';
import { createCluster, type Cluster } from '../cluster';
import { deploymentManifest } from '../testing/builders';
import { route } from './ingress';
import { l2Announcer } from './metallb';

const backend = (name: string): IngressBackend => ({ service: { name, port: { number: 80 } } });

function ingress(
  name: string,
  rules: { host?: string; paths: [string, string, string][] }[],
  defaultBackend?: string,
): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: `2026-01-05T09:00:0${name.length % 10}Z`,
    },
    spec: {
      ingressClassName: 'nginx',
      ...(defaultBackend ? { defaultBackend: backend(defaultBackend) } : {}),
      rules: rules.map((r) => ({
        ...(r.host ? { host: r.host } : {}),
        http: {
          paths: r.paths.map(([path, pathType, svc]) => ({
            path,
            pathType,
            backend: backend(svc),
          })),
        },
      })),
    },
  } as Ingress;
}

const shop = ingress(
  'shop',
  [
    {
      host: 'shop.example.com',
      paths: [
        ['/', 'Prefix', 'front'],
        ['/api', 'Prefix', 'api'],
        ['/api/v2', 'Prefix', 'api-v2'],
        ['/api/v2', 'Exact', 'api-v2-exact'],
        ['/static/', 'Prefix', 'static'],
      ],
    },
    { host: '*.example.com', paths: [['/', 'Prefix', 'wildcard']] },
  ],
  'fallback',
);
const anyHost = ingress('any', [{ paths: [['/health', 'Exact', 'health']] }]);

describe('Ingress routing', () => {
  it.each([
    ['the longest Prefix wins', 'shop.example.com', '/api/users', 'api'],
    ['Prefix matches whole path elements, not characters', 'shop.example.com', '/apis', 'front'],
    [
      'an Exact path beats a Prefix of the same path',
      'shop.example.com',
      '/api/v2',
      'api-v2-exact',
    ],
    ['below an Exact path the Prefix takes over', 'shop.example.com', '/api/v2/x', 'api-v2'],
    ['a trailing slash in a Prefix is ignored', 'shop.example.com', '/static', 'static'],
    ['a wildcard host matches one more label', 'cart.example.com', '/', 'wildcard'],
    ['a wildcard does not match two more labels', 'a.b.example.com', '/health', 'health'],
    ['a rule without host matches any host', 'other.test', '/health', 'health'],
    ['Exact does not match a longer path', 'other.test', '/health/x', 'fallback'],
    ['nothing matches: the defaultBackend', '192.168.1.101', '/', 'fallback'],
  ])('%s', (_name, host, path, service) => {
    expect(route([shop, anyHost], host, path).backend?.service?.name).toBe(service);
  });

  it('without a defaultBackend an unmatched request has no backend (the controller answers 404)', () => {
    expect(route([anyHost], 'x', '/').backend).toBeUndefined();
  });
});

describe('MetalLB layer 2', () => {
  it('elects the same node for an address whatever the order of the nodes', () => {
    const nodes = ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'];
    const winner = l2Announcer(nodes, '192.168.1.11');
    expect(nodes).toContain(winner);
    expect(l2Announcer([...nodes].reverse(), '192.168.1.11')).toBe(winner);
    expect(l2Announcer([], '192.168.1.11')).toBeUndefined();
  });
});

function apply(c: Cluster, resource: string, namespace: string | undefined, body: object): void {
  c.api.execute({ verb: 'create', resource, namespace, body: body as never });
}

function installMetalLB(c: Cluster, addresses: string[]): void {
  apply(c, 'namespaces', undefined, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'metallb-system' },
  });
  const labels = (component: string) => ({ app: 'metallb', component });
  const template = (component: string) => ({
    metadata: { labels: labels(component) },
    spec: {
      containers: [
        {
          name: component,
          image: `quay.io/metallb/${component}:v0.13.4`,
          args: ['--port=7472'],
          env:
            component === 'controller'
              ? [{ name: 'METALLB_ML_SECRET_NAME', value: 'memberlist' }]
              : [],
        },
      ],
    },
  });
  apply(c, 'deployments', 'metallb-system', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'controller' },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels('controller') },
      template: template('controller'),
    },
  });
  apply(c, 'daemonsets', 'metallb-system', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'speaker' },
    spec: { selector: { matchLabels: labels('speaker') }, template: template('speaker') },
  });
  apply(c, 'ipaddresspools', 'metallb-system', {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name: 'pool' },
    spec: { addresses },
  });
  apply(c, 'l2advertisements', 'metallb-system', {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'L2Advertisement',
    metadata: { name: 'l2' },
  });
}

function loadBalancer(c: Cluster, name: string, extra: object = {}): void {
  apply(c, 'services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      ...extra,
    },
  });
}

const externalIP = (c: Cluster, name: string) =>
  (c.api.list('services', 'default') as Service[]).find((s) => s.metadata.name === name)?.status
    .loadBalancer.ingress?.[0]?.ip;

describe('LoadBalancer Services and MetalLB', () => {
  it('stays pending without MetalLB, then gets addresses from the pool in order', () => {
    const c = createCluster({ seed: 3 });
    apply(c, 'deployments', 'default', deploymentManifest('web', 2));
    loadBalancer(c, 'first');
    c.runFor(30_000);
    expect(externalIP(c, 'first')).toBeUndefined();
    expect(c.network.request({ kind: 'external' }, 'http://192.168.1.240/').outcome).toEqual({
      type: 'timeout',
      afterMs: 3_000,
    });
    installMetalLB(c, ['192.168.1.240-192.168.1.241']);
    c.runFor(60_000);
    expect(externalIP(c, 'first')).toBe('192.168.1.240');
    // The controller's first act: the speakers' memberlist key.
    expect(c.api.list('secrets', 'metallb-system').map((s) => s.metadata.name)).toContain(
      'memberlist',
    );
    loadBalancer(c, 'second');
    loadBalancer(c, 'third');
    loadBalancer(c, 'asks', { loadBalancerIP: '10.0.0.1' });
    c.runFor(5_000);
    expect([externalIP(c, 'second'), externalIP(c, 'third'), externalIP(c, 'asks')]).toEqual([
      '192.168.1.241',
      undefined,
      undefined,
    ]);
    const result = c.network.request({ kind: 'external' }, 'http://192.168.1.240/');
    expect(result.outcome).toMatchObject({ type: 'answer', answer: { status: 200 } });
    expect(result.chains.slice(0, 3)).toEqual([
      'KUBE-SERVICES',
      expect.stringMatching(/^KUBE-EXT-/),
      expect.stringMatching(/^KUBE-SVC-/),
    ]);
    c.runFor(1_000);
    const traffic = c.hops.all().filter((h) => h.channel === 'traffic');
    expect(traffic.map((h) => h.verb)).toEqual(['connect', 'DNAT', 'response']);
    expect(traffic[0]!.to).toMatch(/^kube-proxy@/);
  });
});

describe('NetworkPolicy in the traffic model', () => {
  it('drops what an isolating policy does not allow, and names the policy', () => {
    const c = createCluster({ seed: 5, keepHops: false });
    apply(c, 'deployments', 'default', deploymentManifest('web', 1));
    apply(c, 'pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'client', labels: { role: 'client' } },
      spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] },
    });
    apply(c, 'services', 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    });
    c.runFor(30_000);
    const origin = { kind: 'pod' as const, namespace: 'default', name: 'client' };
    expect(c.network.request(origin, 'http://web/').outcome.type).toBe('answer');
    apply(c, 'networkpolicies', 'default', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny-web' },
      spec: { podSelector: { matchLabels: { app: 'web' } } },
    });
    const denied = c.network.request(origin, 'http://web/');
    expect(denied.outcome).toMatchObject({
      type: 'timeout',
      deniedBy: { direction: 'Ingress', policies: ['default/deny-web'] },
    });
    expect(denied.hops.at(-1)).toMatchObject({ verb: 'DROP' });
    apply(c, 'networkpolicies', 'default', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-client' },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }],
      },
    });
    expect(c.network.request(origin, 'http://web/').outcome.type).toBe('answer');
  });
});

describe('add-on plumbing', () => {
  it('stores CustomResourceDefinitions and webhook configurations as written', () => {
    const c = createCluster({ keepHops: false });
    apply(c, 'customresourcedefinitions', undefined, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'ipaddresspools.metallb.io' },
      spec: {
        group: 'metallb.io',
        names: { kind: 'IPAddressPool', plural: 'ipaddresspools' },
        scope: 'Namespaced',
        versions: [{ name: 'v1beta1', served: true, storage: true }],
      },
    });
    apply(c, 'validatingwebhookconfigurations', undefined, {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'metallb-webhook-configuration' },
      webhooks: [{ name: 'ipaddresspoolvalidationwebhook.metallb.io' }],
    });
    const [crd] = c.api.list('customresourcedefinitions');
    expect(crd).toMatchObject({
      status: { acceptedNames: { kind: 'IPAddressPool', plural: 'ipaddresspools' } },
    });
    expect(c.api.list('validatingwebhookconfigurations')).toHaveLength(1);
  });
});
