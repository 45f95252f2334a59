import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Service } from '../api/types';
import { StatusError } from './errors';

function create(c: ReturnType<typeof createCluster>, name: string, spec: Record<string, unknown>) {
  return c.api.execute({
    verb: 'create',
    resource: 'services',
    namespace: 'default',
    body: { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec },
  }).object as Service;
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as StatusError).status.message;
  }
  return '';
}

describe('service registry', () => {
  it('bootstraps kubernetes and kube-dns at their kubeadm addresses', () => {
    const c = createCluster();
    const svcs = c.api.list('services') as Service[];
    expect(svcs.map((s) => [s.metadata.name, s.spec.clusterIP])).toEqual([
      ['kubernetes', '10.96.0.1'],
      ['kube-dns', '10.96.0.10'],
    ]);
    expect(svcs[0]!.spec.ports).toEqual([
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 },
    ]);
  });

  it('defaults a Service as SetDefaults_Service does', () => {
    const c = createCluster();
    const svc = create(c, 'web', {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ port: 80 }],
    });
    expect(svc.spec).toMatchObject({
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
    });
    expect(svc.spec.ports![0]).toMatchObject({ port: 80, protocol: 'TCP', targetPort: 80 });
    expect(svc.status).toEqual({ loadBalancer: {} });
  });

  it('allocates cluster IPs in 10.96.0.0/12 above the static band, and node ports above 30085', () => {
    const c = createCluster();
    for (let i = 0; i < 30; i++) {
      const svc = create(c, `s${i}`, { type: 'NodePort', ports: [{ port: 80 }] });
      const [a, b, x] = svc.spec.clusterIP!.split('.').map(Number) as [number, number, number];
      expect(a).toBe(10);
      expect(b >= 96 && b <= 111).toBe(true);
      expect(b > 96 || x >= 1).toBe(true);
      expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
      expect(svc.spec.ports![0]!.nodePort).toBeGreaterThanOrEqual(30086);
      expect(svc.spec.ports![0]!.nodePort).toBeLessThanOrEqual(32767);
    }
  });

  it('frees the IP and node port of a deleted Service', () => {
    const c = createCluster();
    create(c, 'a', {
      type: 'NodePort',
      clusterIP: '10.96.5.5',
      ports: [{ port: 80, nodePort: 30001 }],
    });
    c.api.execute({ verb: 'delete', resource: 'services', namespace: 'default', name: 'a' });
    const again = create(c, 'b', {
      type: 'NodePort',
      clusterIP: '10.96.5.5',
      ports: [{ port: 80, nodePort: 30001 }],
    });
    expect(again.spec.clusterIP).toBe('10.96.5.5');
  });

  it('keeps its IP and node port across an update that leaves them out', () => {
    const c = createCluster();
    const svc = create(c, 'a', { type: 'NodePort', ports: [{ port: 80 }] });
    const updated = c.api.execute({
      verb: 'update',
      resource: 'services',
      namespace: 'default',
      name: 'a',
      body: {
        ...svc,
        spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] },
      } as never,
    }).object as Service;
    expect(updated.spec.clusterIP).toBe(svc.spec.clusterIP);
    expect(updated.spec.ports![0]!.nodePort).toBe(svc.spec.ports![0]!.nodePort);
  });

  it('makes headless Services with clusterIP None', () => {
    const c = createCluster();
    const svc = create(c, 'h', { clusterIP: 'None', selector: { app: 'h' } });
    expect(svc.spec.clusterIPs).toEqual(['None']);
  });

  it.each([
    {
      name: 'a name that is not a DNS-1035 label',
      svc: ['1web', { ports: [{ port: 80 }] }],
      want: `Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    },
    {
      name: 'no ports',
      svc: ['web', { selector: { app: 'web' } }],
      want: 'Service "web" is invalid: spec.ports: Required value',
    },
    {
      name: 'a port out of range',
      svc: ['web', { ports: [{ port: 70000 }] }],
      // targetPort defaults to port, so it is out of range too
      want: 'Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
    },
    {
      name: 'a nodePort out of range',
      svc: ['web', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }],
      want: 'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
    {
      name: 'a taken cluster IP',
      svc: ['web', { clusterIP: '10.96.0.10', ports: [{ port: 80 }] }],
      want: 'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    },
    {
      name: 'a cluster IP outside the range',
      svc: ['web', { clusterIP: '10.0.0.1', ports: [{ port: 80 }] }],
      want: 'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    },
    {
      name: 'an unknown type',
      svc: ['web', { type: 'nodeport', ports: [{ port: 80 }] }],
      want: 'Service "web" is invalid: spec.type: Unsupported value: "nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    },
    {
      name: 'two unnamed ports',
      svc: ['web', { ports: [{ port: 80 }, { port: 443 }] }],
      want: 'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    },
  ])('rejects $name', ({ svc, want }) => {
    const c = createCluster();
    const [name, spec] = svc as [string, Record<string, unknown>];
    expect(message(() => create(c, name, spec))).toBe(want);
  });

  it('rejects a nodePort already taken', () => {
    const c = createCluster();
    create(c, 'a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    expect(
      message(() => create(c, 'b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })),
    ).toBe(
      'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });
});
