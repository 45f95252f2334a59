import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Node, Pod } from '../api/types';
import { podManifest } from '../testing/builders';
import { HOSTNAME_LABEL as HOSTNAME, NodeInfo, type FilterPlugin } from './framework';
import { fitError } from './scheduler';
import { filterAll } from './testing';
import { nodeName } from './plugins/node-name';
import { nodeResourcesFit } from './plugins/node-resources-fit';
import { nodeUnschedulable } from './plugins/node-unschedulable';
import { taintToleration } from './plugins/taint-toleration';

function node(name: string, extra: Partial<Node['spec']> = {}, cpu = '2', memory = '4Gi'): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '' },
    spec: extra,
    status: {
      capacity: {},
      allocatable: { cpu, memory, pods: '110' },
      conditions: [],
      addresses: [],
      nodeInfo: {} as Node['status']['nodeInfo'],
    },
  };
}

function pod(extra: Parameters<typeof podManifest>[1] = {}): Pod {
  const manifest = podManifest('p', extra) as unknown as Pod;
  manifest.spec.tolerations ??= [];
  return manifest;
}

const filterCases: {
  name: string;
  plugin: FilterPlugin;
  pod: Pod;
  node: Node;
  reasons?: string[];
}[] = [
  {
    name: 'cordoned node',
    plugin: nodeUnschedulable,
    pod: pod(),
    node: node('n', { unschedulable: true }),
    reasons: ['node(s) were unschedulable'],
  },
  {
    name: 'cordoned node, tolerated',
    plugin: nodeUnschedulable,
    pod: pod({
      tolerations: [
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      ],
    }),
    node: node('n', { unschedulable: true }),
  },
  {
    name: 'other node name',
    plugin: nodeName,
    pod: pod({ nodeName: 'a' }),
    node: node('b'),
    reasons: ["node(s) didn't match the requested node name"],
  },
  {
    name: 'control-plane taint',
    plugin: taintToleration,
    pod: pod(),
    node: node('m', {
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    }),
    reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
  },
  {
    name: 'control-plane taint, tolerated',
    plugin: taintToleration,
    pod: pod({
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
    }),
    node: node('m', {
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    }),
  },
  {
    name: 'PreferNoSchedule does not filter',
    plugin: taintToleration,
    pod: pod(),
    node: node('n', { taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] }),
  },
  {
    name: 'too much cpu',
    plugin: nodeResourcesFit,
    pod: pod({ cpu: '3' }),
    node: node('n'),
    reasons: ['Insufficient cpu'],
  },
  {
    name: 'too much cpu and memory',
    plugin: nodeResourcesFit,
    pod: pod({ cpu: '3', memory: '5Gi' }),
    node: node('n'),
    reasons: ['Insufficient cpu', 'Insufficient memory'],
  },
  {
    name: 'fits',
    plugin: nodeResourcesFit,
    pod: pod({ cpu: '500m', memory: '1Gi' }),
    node: node('n'),
  },
];

describe('filter plugins', () => {
  it.each(filterCases)('$plugin.name: $name', ({ plugin, pod: p, node: n, reasons }) => {
    const info = new NodeInfo(n);
    expect(filterAll(plugin, p, [info])[0]).toEqual(reasons);
  });
});

describe('FailedScheduling message', () => {
  it('matches kube-scheduler word for word (histogram sorted, two final dots)', () => {
    const message = fitError(
      3,
      [
        {
          reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
          unresolvable: true,
        },
        { reasons: ['Insufficient cpu'], unresolvable: false },
        { reasons: ['Insufficient cpu'], unresolvable: false },
      ],
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    );
  });
});

describe('kube-scheduler', () => {
  it('never places a pod on the tainted control plane and spreads pods by free resources', () => {
    const c = createCluster({ seed: 3 });
    for (let i = 0; i < 6; i++)
      c.api.execute({
        verb: 'create',
        resource: 'pods',
        namespace: 'default',
        body: podManifest(`p${i}`),
      });
    c.runUntilIdle();
    const pods = c.api.list('pods', 'default') as Pod[];
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect(perNode.has('m-k8s')).toBe(false);
    expect([...perNode.values()].sort()).toEqual([2, 2, 2]);
  });

  it('records a decision: each node filtered, each plugin that ran scored, the winner', () => {
    const c = createCluster({ seed: 3 });
    const created = c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('web'),
    }).object!;
    c.runUntilIdle();
    const decision = c.schedulingDecision(created.metadata.uid)!;
    expect(decision.filters.find((f) => f.node === 'm-k8s')).toMatchObject({
      failedPlugin: 'TaintToleration',
    });
    expect(decision.scores.map((s) => s.node).sort()).toEqual(['w1-k8s', 'w2-k8s', 'w3-k8s']);
    expect(decision.scores[0]!.plugins.map((p) => [p.plugin, p.weight])).toEqual([
      ['TaintToleration', 3],
      ['NodeResourcesFit', 1],
      ['NodeResourcesBalancedAllocation', 1],
      ['ImageLocality', 1],
    ]);
    // A bare pod has no preferred node affinity, no Service or owner to spread with, and no pod
    // affinity anywhere; VolumeBinding scores only with the VolumeCapacityPriority gate, off in
    // v1.32: those plugins' PreScore skips, and kube-scheduler does not run them.
    expect(decision.skippedScorePlugins).toEqual([
      'NodeAffinity',
      'VolumeBinding',
      'PodTopologySpread',
      'InterPodAffinity',
    ]);
    const pod = c.api.list('pods', 'default')[0] as Pod;
    expect(pod.spec.nodeName).toBe(decision.selectedNode);
  });

  it('keeps the top scores of a large cluster, each row the scores of its own node', () => {
    // 250 nodes: percentageOfNodesToScore gives 120 feasible nodes to score, over the 100 recorded in full.
    const c = createCluster({ seed: 3, workers: 250 });
    // Every other worker is preferred: whichever nodes are sampled, the rows must tell them apart.
    const preferred = Array.from({ length: 125 }, (_, i) => `w${2 * i + 2}-k8s`);
    const body = podManifest('web');
    (body.spec as Pod['spec']).affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 10,
            preference: {
              matchExpressions: [
                { key: 'kubernetes.io/hostname', operator: 'In', values: preferred },
              ],
            },
          },
        ],
      },
    };
    const created = c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body,
    }).object!;
    c.runUntilIdle();
    const decision = c.schedulingDecision(created.metadata.uid)!;
    expect(decision.scoredNodes).toBe(120);
    // Over 100 nodes only failures are listed, and the ten best scores plus the winner.
    expect(decision.filters.every((f) => f.failedPlugin)).toBe(true);
    expect(decision.scores.length).toBeGreaterThanOrEqual(10);
    expect(decision.scores.length).toBeLessThanOrEqual(11);
    expect(preferred).toContain(decision.selectedNode);
    for (const row of decision.scores.slice(0, 10)) expect(preferred).toContain(row.node);
    for (const row of decision.scores) {
      const nodeAffinity = row.plugins.find((p) => p.plugin === 'NodeAffinity')!;
      expect(nodeAffinity.raw).toBe(preferred.includes(row.node) ? 10 : 0);
      expect(row.total).toBe(row.plugins.reduce((sum, p) => sum + p.normalized * p.weight, 0));
    }
  });

  it('sees pods with anti-affinity come and go between cycles', () => {
    const c = createCluster({ seed: 3 });
    const create = (name: string, antiAffinity: boolean) => {
      const body = podManifest(name);
      body.metadata = { name, labels: { app: 'web' } };
      if (antiAffinity)
        (body.spec as Pod['spec']).affinity = {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: HOSTNAME },
            ],
          },
        };
      c.api.execute({ verb: 'create', resource: 'pods', namespace: 'default', body });
    };
    const podNamed = (name: string) =>
      (c.api.list('pods', 'default') as Pod[]).find((p) => p.metadata.name === name);
    // One guard per worker: each cycle must see the guards placed before it.
    for (const name of ['g1', 'g2', 'g3']) create(name, true);
    c.runUntilIdle();
    const guarded = ['g1', 'g2', 'g3'].map((name) => podNamed(name)!.spec.nodeName);
    expect(new Set(guarded).size).toBe(3);
    create('intruder', false);
    c.runUntilIdle();
    expect(podNamed('intruder')!.spec.nodeName).toBeUndefined();
    expect(podNamed('intruder')!.status.conditions?.[0]?.message).toContain(
      "3 node(s) didn't satisfy existing pods anti-affinity rules",
    );
    // With g2 gone, its node is free of anti-affinity again.
    c.api.execute({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'g2' });
    c.runUntilIdle();
    expect(podNamed('intruder')!.spec.nodeName).toBe(guarded[1]);
  });

  it('leaves an unfittable pod Pending with the FailedScheduling reason', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('big', { cpu: '4' }),
    });
    c.runUntilIdle();
    const pod = c.api.list('pods', 'default')[0] as Pod;
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..';
    expect(pod.status.conditions).toEqual([
      expect.objectContaining({
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
      }),
    ]);
    const events = c.api.list('events') as unknown as {
      reason: string;
      message: string;
      type: string;
    }[];
    expect(events).toEqual([
      expect.objectContaining({ type: 'Warning', reason: 'FailedScheduling', message }),
    ]);
  });
});

describe('what the default plugins read from the cluster', () => {
  it('sees the images a kubelet reports in node status after a pull, largest first', () => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('web'),
    });
    c.runFor(20_000);
    const pod = c.api.list('pods', 'default')[0] as Pod;
    const node = (c.api.list('nodes') as Node[]).find(
      (n) => n.metadata.name === pod.spec.nodeName,
    )!;
    const images = node.status.images ?? [];
    expect(images.map((i) => i.sizeBytes)).toEqual(
      [...images.map((i) => i.sizeBytes)].sort((a, b) => b - a),
    );
    expect(images.flatMap((i) => i.names)).toContain('registry.k8s.io/pause:3.10');
    expect(images.some((i) => i.names.some((n) => n.startsWith('docker.io/library/')))).toBe(true);
  });

  it('validates PriorityClasses as the API server does', () => {
    const c = createCluster({ seed: 3 });
    const create = (name: string, value: number) =>
      c.api.execute({
        verb: 'create',
        resource: 'priorityclasses',
        body: {
          apiVersion: 'scheduling.k8s.io/v1',
          kind: 'PriorityClass',
          metadata: { name },
          value,
        } as never,
      });
    expect(() => create('huge', 2_000_000_000)).toThrow(
      'value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
    expect(() => create('system-mine', 10)).toThrow(
      "priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    );
    expect(create('fine', 1_000_000_000).object).toMatchObject({
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });
});
