import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../api/types';
import { base32, sha256 } from './hash';
import {
  endpointsFor,
  filterTableSave,
  formatRule,
  natTable,
  serviceRules,
  servicePortChainName,
  servicePortEndpointChainName,
} from './rules';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('hash', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('sha256(%j)', (input, digest) => {
    expect(hex(sha256(input))).toBe(digest);
  });

  it('encodes base32 as Go StdEncoding (without padding)', () => {
    expect(base32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
  });
});

describe('chain names', () => {
  // Chain names from real clusters: every kubeadm cluster has these four.
  it.each([
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'KUBE-SVC-JD5MR3NA4I4DYORP'],
  ] as const)('%s/%s is %s', (name, protocol, chain) => {
    expect(servicePortChainName(name, protocol)).toBe(chain);
  });

  it('hashes the endpoint into KUBE-SEP names', () => {
    const a = servicePortEndpointChainName('default/web', 'tcp', '10.244.1.2:80');
    const b = servicePortEndpointChainName('default/web', 'tcp', '10.244.1.3:80');
    expect(a).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
    expect(a).not.toBe(b);
  });
});

function service(spec: Partial<Service['spec']>, name = 'web'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { type: 'ClusterIP', sessionAffinity: 'None', clusterIP: '10.96.5.6', ...spec },
    status: { loadBalancer: {} },
  } as Service;
}

type Endpoint = NonNullable<EndpointSlice['endpoints']>[number];

function slice(endpoints: Endpoint[], ports = [{ name: '', port: 80, protocol: 'TCP' as const }]) {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abcde', namespace: 'default' },
    addressType: 'IPv4',
    endpoints,
    ports,
  } as EndpointSlice;
}

const ready = (ip: string): Endpoint => ({ addresses: [ip], conditions: { ready: true } });

describe('endpointsFor', () => {
  it.each([
    [
      'ready endpoints only',
      [ready('10.244.2.2'), { addresses: ['10.244.1.2'], conditions: { ready: false } }],
      ['10.244.2.2'],
    ],
    ['sorted by ip:port', [ready('10.244.3.2'), ready('10.244.1.2')], ['10.244.1.2', '10.244.3.2']],
    [
      'serving terminating endpoints when none is ready',
      [
        {
          addresses: ['10.244.1.2'],
          conditions: { ready: false, serving: true, terminating: true },
        },
      ],
      ['10.244.1.2'],
    ],
    [
      'not terminating ones that stopped serving',
      [
        {
          addresses: ['10.244.1.2'],
          conditions: { ready: false, serving: false, terminating: true },
        },
      ],
      [],
    ],
    [
      'a missing ready condition counts as ready',
      [{ addresses: ['10.244.1.2'], conditions: {} }],
      ['10.244.1.2'],
    ],
  ] as [string, Endpoint[], string[]][])('%s', (_, endpoints, ips) => {
    expect(endpointsFor(undefined, 'TCP', [slice(endpoints)]).map((e) => e.ip)).toEqual(ips);
  });

  it('matches the slice port by the service port name', () => {
    const s = slice(
      [ready('10.244.1.2')],
      [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { name: 'metrics', port: 9090, protocol: 'TCP' },
      ],
    );
    expect(endpointsFor('metrics', 'TCP', [s])).toEqual([{ ip: '10.244.1.2', port: 9090 }]);
    expect(endpointsFor('other', 'TCP', [s])).toEqual([]);
  });
});

describe('serviceRules', () => {
  const port = { port: 80, targetPort: 80, protocol: 'TCP' as const };
  const three = [slice([ready('10.244.1.2'), ready('10.244.2.2'), ready('10.244.3.2')])];

  it.each([
    ['headless', service({ clusterIP: 'None', ports: [port] })],
    [
      'ExternalName',
      service({ type: 'ExternalName', clusterIP: undefined, externalName: 'example.com' }),
    ],
  ])('writes nothing for a %s Service', (_, svc) => {
    expect(serviceRules(svc, three, '10.244.0.0/16')).toEqual([]);
  });

  it('splits traffic with probabilities 1/3, 1/2, then the rest', () => {
    const [rules] = serviceRules(service({ ports: [port] }), three, '10.244.0.0/16');
    const svcChain = rules!.chains.find((c) => c.name.startsWith('KUBE-SVC-'))!;
    expect(svcChain.rules.map((r) => formatRule(svcChain.name, r))).toEqual([
      `-A ${svcChain.name} ! -s 10.244.0.0/16 -d 10.96.5.6/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
      `-A ${svcChain.name} -m comment --comment "default/web -> 10.244.1.2:80" -m statistic --mode random --probability 0.33333333349 -j ${servicePortEndpointChainName('default/web', 'tcp', '10.244.1.2:80')}`,
      `-A ${svcChain.name} -m comment --comment "default/web -> 10.244.2.2:80" -m statistic --mode random --probability 0.50000000000 -j ${servicePortEndpointChainName('default/web', 'tcp', '10.244.2.2:80')}`,
      `-A ${svcChain.name} -m comment --comment "default/web -> 10.244.3.2:80" -j ${servicePortEndpointChainName('default/web', 'tcp', '10.244.3.2:80')}`,
    ]);
  });

  it('writes no nat rule for a Service without endpoints (the filter table rejects it)', () => {
    const [rules] = serviceRules(service({ ports: [port] }), [slice([])], '10.244.0.0/16');
    expect(rules!.services).toEqual([]);
    expect(rules!.chains).toEqual([]);
  });

  it('enters node ports through KUBE-NODEPORTS and KUBE-EXT-', () => {
    const svc = service({ type: 'NodePort', ports: [{ ...port, name: 'http', nodePort: 30080 }] });
    const [rules] = serviceRules(
      svc,
      [slice([ready('10.244.1.2')], [{ name: 'http', port: 80, protocol: 'TCP' }])],
      '10.244.0.0/16',
    );
    const ext = servicePortChainName('default/web:http', 'tcp').replace('SVC', 'EXT');
    expect(rules!.nodePorts.map((r) => formatRule('KUBE-NODEPORTS', r))).toEqual([
      `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j ${ext}`,
    ]);
    const table = natTable([rules!]);
    expect(table.slice(0, 4).map((c) => c.name)).toEqual([
      'PREROUTING',
      'INPUT',
      'OUTPUT',
      'POSTROUTING',
    ]);
    const own = table.slice(4).map((c) => c.name);
    expect(own).toEqual([...own].sort());
    expect(table.find((c) => c.name === 'KUBE-SERVICES')!.rules.at(-1)!.jump).toBe(
      'KUBE-NODEPORTS',
    );
  });

  it('rejects a Service without endpoints in the filter table, its node port too', () => {
    const svc = service({ type: 'NodePort', ports: [{ ...port, nodePort: 30080 }] });
    const text = filterTableSave(serviceRules(svc, [slice([])], '10.244.0.0/16'), 0);
    expect(text.split('\n').filter((l) => l.includes('REJECT'))).toEqual([
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable',
      '-A KUBE-SERVICES -d 10.96.5.6/32 -p tcp -m comment --comment "default/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ]);
    expect(filterTableSave(serviceRules(svc, three, '10.244.0.0/16'), 0)).not.toContain('REJECT');
  });

  it('sends a load balancer address through KUBE-EXT-, and rejects it without endpoints', () => {
    const svc = {
      ...service({ type: 'LoadBalancer', ports: [{ ...port, nodePort: 30080 }] }),
      status: { loadBalancer: { ingress: [{ ip: '192.168.1.11' }] } },
    } as Service;
    const [rules] = serviceRules(svc, three, '10.244.0.0/16');
    const ext = servicePortChainName('default/web', 'tcp').replace('SVC', 'EXT');
    expect(rules!.services.map((r) => formatRule('KUBE-SERVICES', r))).toEqual([
      `-A KUBE-SERVICES -d 10.96.5.6/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j ${ext.replace('EXT', 'SVC')}`,
      `-A KUBE-SERVICES -d 192.168.1.11/32 -p tcp -m comment --comment "default/web loadbalancer IP" -m tcp --dport 80 -j ${ext}`,
    ]);
    expect(rules!.chains.some((c) => c.name === ext)).toBe(true);
    const text = filterTableSave(serviceRules(svc, [slice([])], '10.244.0.0/16'), 0);
    expect(text).toContain(
      '-A KUBE-EXTERNAL-SERVICES -d 192.168.1.11/32 -p tcp -m comment --comment "default/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    );
  });
});
