import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { cidrContains, intToIp, ipToInt, parseCidr, poolRanges } from './addresses';
import { evaluate, type Connection } from './policy';
import { validateNetworkPolicy } from './strategies';
import type { NetworkPolicy } from './types';

function pod(name: string, namespace: string, labels: Record<string, string>, ip: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels, uid: name, resourceVersion: '1' },
    spec: {
      containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }],
    },
    status: { phase: 'Running', podIP: ip },
  } as unknown as Pod;
}

function policy(
  name: string,
  spec: Partial<NetworkPolicy['spec']>,
  namespace = 'default',
): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ...spec },
  } as NetworkPolicy;
}

const web = pod('web', 'default', { app: 'web' }, '10.244.1.2');
const client = pod('client', 'default', { role: 'client' }, '10.244.2.2');
const other = pod('other', 'default', {}, '10.244.2.3');
const monitor = pod('monitor', 'tools', { role: 'client' }, '10.244.3.2');
const nsLabels = (ns: string) => ({
  'kubernetes.io/metadata.name': ns,
  ...(ns === 'tools' ? { team: 'ops' } : {}),
});

function connection(from: Pod | string, to: Pod, port = 80): Connection {
  const source =
    typeof from === 'string'
      ? { ip: from }
      : { ip: from.status.podIP!, pod: from, namespaceLabels: nsLabels(from.metadata.namespace!) };
  return {
    source,
    destination: {
      ip: to.status.podIP!,
      pod: to,
      namespaceLabels: nsLabels(to.metadata.namespace!),
    },
    port,
    protocol: 'TCP',
  };
}

const denyWeb = policy('deny-web', { podSelector: { matchLabels: { app: 'web' } } });
const allowClients = policy('allow-clients', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [
    {
      from: [{ podSelector: { matchLabels: { role: 'client' } } }],
      ports: [{ protocol: 'TCP', port: 80 }],
    },
  ],
});
const allowOpsNamespace = policy('allow-ops', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }],
});
const allowOpsClients = policy('allow-ops-clients', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { team: 'ops' } },
          podSelector: { matchLabels: { role: 'nobody' } },
        },
      ],
    },
  ],
});
const allowLan = policy('allow-lan', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{ from: [{ ipBlock: { cidr: '192.168.1.0/24', except: ['192.168.1.100/30'] } }] }],
});
const namedPort = policy('named-port', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{ ports: [{ protocol: 'TCP', port: 'http' }] }],
});
const portRange = policy('port-range', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{ ports: [{ protocol: 'TCP', port: 8000, endPort: 8080 }] }],
});
const egressOnly = policy('client-egress', {
  podSelector: { matchLabels: { role: 'client' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }],
});
const otherNamespace = policy('elsewhere', { podSelector: {} }, 'tools');

describe('NetworkPolicy evaluation', () => {
  it.each([
    ['no policy: everything is allowed', [], client, web, 80, true, []],
    [
      'a policy selecting the pod with no rules isolates it',
      [denyWeb],
      client,
      web,
      80,
      false,
      ['default/deny-web'],
    ],
    ['a policy for other pods does not isolate this one', [denyWeb], web, client, 80, true, []],
    [
      'policies add up: a pod selector lets clients in',
      [denyWeb, allowClients],
      client,
      web,
      80,
      true,
      ['default/allow-clients', 'default/deny-web'],
    ],
    [
      'the pod selector only matches pods of the policy namespace',
      [allowClients],
      monitor,
      web,
      80,
      false,
      ['default/allow-clients'],
    ],
    [
      'the rule port limits what the peer may reach',
      [allowClients],
      client,
      web,
      8080,
      false,
      ['default/allow-clients'],
    ],
    [
      'a pod the selector does not match stays out',
      [allowClients],
      other,
      web,
      80,
      false,
      ['default/allow-clients'],
    ],
    [
      'a namespace selector admits every pod of matching namespaces',
      [allowOpsNamespace],
      monitor,
      web,
      80,
      true,
      ['default/allow-ops'],
    ],
    [
      'namespace and pod selector in one peer must both match',
      [allowOpsClients],
      monitor,
      web,
      80,
      false,
      ['default/allow-ops-clients'],
    ],
    [
      'an ipBlock admits an address inside its CIDR',
      [allowLan],
      '192.168.1.10',
      web,
      80,
      true,
      ['default/allow-lan'],
    ],
    [
      'the address after the except range is inside again',
      [allowLan],
      '192.168.1.104',
      web,
      80,
      true,
      ['default/allow-lan'],
    ],
    [
      'an address in the except range is dropped',
      [allowLan],
      '192.168.1.102',
      web,
      80,
      false,
      ['default/allow-lan'],
    ],
    [
      'a named port resolves to the container port',
      [namedPort],
      other,
      web,
      80,
      true,
      ['default/named-port'],
    ],
    ['endPort makes a range', [portRange], other, web, 8080, true, ['default/port-range']],
    ['below the range is dropped', [portRange], other, web, 7999, false, ['default/port-range']],
    ['an Egress-only policy does not isolate ingress', [egressOnly], client, web, 80, true, []],
    [
      'a policy in another namespace selects none of these pods',
      [otherNamespace],
      client,
      web,
      80,
      true,
      [],
    ],
  ] as const)('%s', (_name, policies, from, to, port, allowed, isolatedBy) => {
    const verdict = evaluate([...policies], connection(from as Pod | string, to, port), 'Ingress');
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.isolatedBy).toEqual(isolatedBy);
  });

  it.each([
    [
      'egress to a pod the rule names is allowed',
      pod('db', 'default', { app: 'db' }, '10.244.1.9'),
      true,
    ],
    ['egress anywhere else is dropped', web, false],
  ])('%s', (_name, to, allowed) => {
    const verdict = evaluate([egressOnly], connection(client, to), 'Egress');
    expect(verdict).toEqual({
      allowed,
      direction: 'Egress',
      isolatedBy: ['default/client-egress'],
    });
  });
});

describe('NetworkPolicy validation', () => {
  it.each([
    ['an empty policy is valid', {}, []],
    [
      'an unknown policy type',
      { policyTypes: ['Ingress', 'Sideways'] },
      ['NotSupported spec.policyTypes[1]'],
    ],
    [
      'a peer with nothing in it',
      { ingress: [{ from: [{}] }] },
      ['Required spec.ingress[0].from[0]'],
    ],
    [
      'an ipBlock with a selector, and a bad CIDR',
      { ingress: [{ from: [{ podSelector: {}, ipBlock: { cidr: '10.0.0.0/33' } }] }] },
      ['Forbidden spec.ingress[0].from[0]', 'Invalid spec.ingress[0].from[0].ipBlock.cidr'],
    ],
    [
      'an except outside the CIDR',
      { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } }] }] },
      ['Invalid spec.egress[0].to[0].ipBlock.except[0]'],
    ],
    [
      'a port out of range and an unknown protocol',
      { ingress: [{ ports: [{ protocol: 'ICMP', port: 0 }] }] },
      ['NotSupported spec.ingress[0].ports[0].protocol', 'Invalid spec.ingress[0].ports[0].port'],
    ],
    [
      'endPort before port, and endPort with a named port',
      {
        ingress: [
          {
            ports: [
              { port: 90, endPort: 80 },
              { port: 'http', endPort: 90 },
            ],
          },
        ],
      },
      ['Invalid spec.ingress[0].ports[0].endPort', 'Invalid spec.ingress[0].ports[1].endPort'],
    ],
  ])('%s', (_name, spec, errors) => {
    const found = validateNetworkPolicy(policy('p', spec as Partial<NetworkPolicy['spec']>));
    expect(found.map((e) => `${e.type} ${e.field}`)).toEqual(errors);
  });
});

describe('addresses', () => {
  it.each([
    ['10.244.1.7', '10.244.0.0/16', true],
    ['10.245.0.1', '10.244.0.0/16', false],
    ['192.168.1.101', '192.168.1.101/32', true],
    ['8.8.8.8', '0.0.0.0/0', true],
  ])('%s in %s: %s', (ip, cidr, inside) => {
    expect(cidrContains(parseCidr(cidr)!, ip)).toBe(inside);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '300.0.0.0/8', '10.0.0/8'])('refuses the CIDR %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('reads MetalLB pool ranges and CIDRs', () => {
    const ranges = poolRanges(['192.168.1.11-192.168.1.19', '10.0.0.0/30'])!;
    expect(ranges.map(([lo, hi]) => `${intToIp(lo)}-${intToIp(hi)}`)).toEqual([
      '192.168.1.11-192.168.1.19',
      '10.0.0.0-10.0.0.3',
    ]);
    expect(poolRanges(['192.168.1.19-192.168.1.11'])).toBeUndefined();
    expect(ipToInt('1.2.3.256')).toBeUndefined();
  });
});
