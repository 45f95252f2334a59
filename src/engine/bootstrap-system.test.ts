import { describe, expect, it } from 'vitest';
import type { DaemonSet, Deployment, Pod } from './api/types';
import { createCluster } from './cluster';

const systemPods = (c: ReturnType<typeof createCluster>) =>
  (c.api.list('pods', 'kube-system') as Pod[]).map((p) => ({
    name: p.metadata.name.replace(
      /^(coredns|kube-proxy)-(\w+-)?\w{5}$/,
      (_, app: string, hash?: string) => (hash ? `${app}-hash-xxxxx` : `${app}-xxxxx`),
    ),
    node: p.spec.nodeName,
    ip: p.status.podIP,
    ready: p.status.conditions?.find((c) => c.type === 'Ready')?.status,
  }));

describe('kube-system at start', () => {
  it.each([
    [
      'kubeadm',
      [
        { name: 'coredns-hash-xxxxx', node: 'm-k8s', ip: '10.244.0.2', ready: 'True' },
        { name: 'coredns-hash-xxxxx', node: 'm-k8s', ip: '10.244.0.3', ready: 'True' },
        { name: 'etcd-m-k8s', node: 'm-k8s', ip: '192.168.1.10', ready: 'True' },
        { name: 'kube-apiserver-m-k8s', node: 'm-k8s', ip: '192.168.1.10', ready: 'True' },
        { name: 'kube-controller-manager-m-k8s', node: 'm-k8s', ip: '192.168.1.10', ready: 'True' },
        { name: 'kube-proxy-xxxxx', node: 'w1-k8s', ip: '192.168.1.101', ready: 'True' },
        { name: 'kube-proxy-xxxxx', node: 'w2-k8s', ip: '192.168.1.102', ready: 'True' },
        { name: 'kube-proxy-xxxxx', node: 'm-k8s', ip: '192.168.1.10', ready: 'True' },
        { name: 'kube-proxy-xxxxx', node: 'w3-k8s', ip: '192.168.1.103', ready: 'True' },
        { name: 'kube-scheduler-m-k8s', node: 'm-k8s', ip: '192.168.1.10', ready: 'True' },
      ],
    ],
    [
      'minikube',
      [
        { name: 'coredns-hash-xxxxx', node: 'minikube', ip: '10.244.0.2', ready: 'True' },
        { name: 'etcd-minikube', node: 'minikube', ip: '192.168.49.2', ready: 'True' },
        { name: 'kube-apiserver-minikube', node: 'minikube', ip: '192.168.49.2', ready: 'True' },
        {
          name: 'kube-controller-manager-minikube',
          node: 'minikube',
          ip: '192.168.49.2',
          ready: 'True',
        },
        { name: 'kube-proxy-xxxxx', node: 'minikube', ip: '192.168.49.2', ready: 'True' },
        { name: 'kube-scheduler-minikube', node: 'minikube', ip: '192.168.49.2', ready: 'True' },
        { name: 'storage-provisioner', node: 'minikube', ip: '192.168.49.2', ready: 'True' },
      ],
    ],
  ] as const)('%s runs its system pods, long since Ready', (preset, expected) => {
    const c = createCluster({ preset });
    expect(systemPods(c)).toEqual(expected);
  });

  it('starts in a steady state: no controller or kubelet has anything to write', () => {
    const c = createCluster();
    c.runFor(60_000);
    const writes = c.hops
      .all()
      .filter(
        (h) => h.channel === 'request' && h.object.kind !== 'Lease' && h.object.kind !== 'Node',
      );
    expect(writes).toEqual([]);
    const [ds] = c.api.list('daemonsets', 'kube-system') as DaemonSet[];
    expect(ds!.status).toMatchObject({
      desiredNumberScheduled: 4,
      numberReady: 4,
      numberAvailable: 4,
    });
    const [dns] = c.api.list('deployments', 'kube-system') as Deployment[];
    expect(dns!.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('gives a joining node its kube-proxy, on the host network', () => {
    const c = createCluster();
    c.addNode('w4-k8s');
    c.runFor(60_000);
    const proxy = (c.api.list('pods', 'kube-system') as Pod[]).find(
      (p) => p.spec.nodeName === 'w4-k8s',
    );
    expect(proxy?.metadata.name).toMatch(/^kube-proxy-/);
    expect(proxy?.status).toMatchObject({ phase: 'Running', podIP: '192.168.1.104' });
  });

  it('answers DNS from CoreDNS pods behind kube-dns', () => {
    const c = createCluster();
    c.runFor(2_000);
    const result = c.network.request({ kind: 'node', node: 'w1-k8s' }, 'http://10.96.0.10:9153/');
    expect(result.chains).toContain('KUBE-SVC-JD5MR3NA4I4DYORP');
    expect(result.outcome.type).not.toBe('refused');
  });
});
