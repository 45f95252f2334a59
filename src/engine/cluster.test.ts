import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import type { Hop } from './hops';
import { deploymentManifest } from './testing/builders';

function applyDeployment(seed: number) {
  const c = createCluster({ seed });
  c.client('kubectl').request({
    verb: 'create',
    resource: 'deployments',
    namespace: 'default',
    body: deploymentManifest('web', 3),
  });
  c.runUntilIdle();
  return c;
}

const line = (h: Hop) =>
  `${h.time} ${h.from} -> ${h.to}: ${h.verb} ${h.object.kind}/${h.object.name} ${h.detail ?? ''}`;

describe('a Deployment travelling through the control plane', () => {
  it('takes the real path: kubectl, API server, etcd, controllers, scheduler, kubelet, containerd', () => {
    const hops = applyDeployment(1).hops.all();
    const firstIndex = (pred: (h: Hop) => boolean) => hops.findIndex(pred);
    const milestones = [
      firstIndex(
        (h) => h.from === 'kubectl' && h.to === 'kube-apiserver' && h.object.kind === 'Deployment',
      ),
      firstIndex((h) => h.to === 'etcd' && h.object.kind === 'Deployment'),
      firstIndex(
        (h) =>
          h.to === 'kube-controller-manager' &&
          h.verb === 'ADDED' &&
          h.object.kind === 'Deployment',
      ),
      firstIndex(
        (h) =>
          h.from === 'kube-controller-manager' &&
          h.verb === 'create' &&
          h.object.kind === 'ReplicaSet',
      ),
      firstIndex(
        (h) =>
          h.to === 'kube-controller-manager' &&
          h.verb === 'ADDED' &&
          h.object.kind === 'ReplicaSet',
      ),
      firstIndex(
        (h) =>
          h.from === 'kube-controller-manager' && h.verb === 'create' && h.object.kind === 'Pod',
      ),
      firstIndex((h) => h.to === 'kube-scheduler' && h.verb === 'ADDED' && h.object.kind === 'Pod'),
      firstIndex((h) => h.from === 'kube-scheduler' && h.verb === 'bind'),
      firstIndex((h) => h.to.startsWith('kubelet@') && h.verb === 'ADDED'),
      firstIndex((h) => h.to.startsWith('containerd@') && h.verb === 'RunPodSandbox'),
      firstIndex((h) => h.to.startsWith('containerd@') && h.verb === 'PullImage'),
      firstIndex((h) => h.to.startsWith('containerd@') && h.verb === 'CreateContainer'),
      firstIndex((h) => h.to.startsWith('containerd@') && h.verb === 'StartContainer'),
    ];
    expect(milestones.every((i) => i >= 0)).toBe(true);
    expect([...milestones].sort((a, b) => a - b)).toEqual(milestones);
    expect(hops.every((h, i) => i === 0 || h.time >= hops[i - 1]!.time)).toBe(true);
  });

  it('step() delivers exactly one hop', () => {
    const c = createCluster({ seed: 1 });
    c.client('kubectl').request({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 1),
    });
    for (let i = 1; i <= 20; i++) {
      c.step();
      expect(c.hops.count).toBe(i);
    }
  });

  it('is deterministic: the same seed gives the same history, another seed another', () => {
    const a = applyDeployment(42).hops.all().map(line);
    const b = applyDeployment(42).hops.all().map(line);
    const other = applyDeployment(43).hops.all().map(line);
    expect(a).toEqual(b);
    expect(other).not.toEqual(a);
  });

  it('freezes stored objects so no component can change them behind the API server', () => {
    const c = applyDeployment(1);
    const pod = c.api.list('pods')[0]!;
    expect(() => {
      (pod.metadata as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });
});
