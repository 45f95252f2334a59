import { describe, expect, it } from 'vitest';
import type { Pod, PodDisruptionBudget } from '../api/types';
import { createCluster } from '../cluster';
import type { NodeInfo } from './framework';
import { nodeResourcesFit } from './plugins/node-resources-fit';
import {
  NO_VICTIMS,
  filterPodsWithPDBViolation,
  moreImportant,
  pickOneNodeForPreemption,
  selectVictimsOnNode,
  type Candidate,
} from './preemption';
import { infosWith, testNode, testPod } from './testing';

const withPriority = (name: string, priority: number, cpu = '500m', labels = { app: name }) =>
  testPod(name, { labels, spec: { priority }, requests: { cpu } });

const order = moreImportant(0, () => undefined);
const fitsByResources = (pod: Pod) => (node: NodeInfo) => nodeResourcesFit.preFilter(pod)(node);

const pdb = (app: string, disruptionsAllowed: number): PodDisruptionBudget => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: {
    name: app,
    namespace: 'default',
    uid: app,
    resourceVersion: '1',
    creationTimestamp: '',
  },
  spec: { selector: { matchLabels: { app } } },
  status: { disruptionsAllowed, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
});

describe('selectVictimsOnNode', () => {
  it.each([
    {
      name: 'evicts only what makes room, lowest priority first',
      running: [withPriority('low', 1, '1'), withPriority('lower', 0, '1')],
      preemptor: withPriority('high', 100, '1'),
      victims: ['lower'],
    },
    {
      name: 'evicts every lower pod when it needs all the room',
      running: [withPriority('low', 1, '1'), withPriority('lower', 0, '1')],
      preemptor: withPriority('high', 100, '2'),
      victims: ['low', 'lower'],
    },
    {
      name: 'never touches pods of equal or higher priority',
      running: [withPriority('peer', 100, '1'), withPriority('boss', 200, '1')],
      preemptor: withPriority('high', 100, '1'),
      reasons: [NO_VICTIMS],
    },
    {
      name: 'reports the filter failure when even all lower pods are not enough',
      running: [withPriority('peer', 100, '1500m'), withPriority('low', 0, '200m')],
      preemptor: withPriority('high', 100, '1'),
      reasons: ['Insufficient cpu'],
    },
  ])('$name', ({ running, preemptor, victims, reasons }) => {
    const [info] = infosWith([testNode('n1')], { n1: running });
    const result = selectVictimsOnNode(preemptor, info!, [], order, fitsByResources(preemptor));
    if (victims)
      expect('pods' in result && result.pods.map((p) => p.metadata.name)).toEqual(victims);
    else expect(result).toMatchObject({ reasons });
  });

  it('spares a budget-protected pod when another victim will do, and counts violations', () => {
    const running = [withPriority('guarded', 0, '1'), withPriority('free', 0, '1')];
    const [info] = infosWith([testNode('n1')], { n1: running });
    const preemptor = withPriority('high', 100, '1');
    const result = selectVictimsOnNode(
      preemptor,
      info!,
      [pdb('guarded', 0)],
      order,
      fitsByResources(preemptor),
    );
    expect(result).toMatchObject({ pdbViolations: 0 });
    expect('pods' in result && result.pods.map((p) => p.metadata.name)).toEqual(['free']);
  });
});

describe('filterPodsWithPDBViolation', () => {
  it('decrements each budget per matching pod; beyond it the pods violate', () => {
    const pods = ['a', 'b', 'c'].map((n) => withPriority(n, 0, '100m', { app: 'web' }));
    const { violating, nonViolating } = filterPodsWithPDBViolation(pods, [pdb('web', 1)]);
    expect(nonViolating.map((p) => p.metadata.name)).toEqual(['a']);
    expect(violating.map((p) => p.metadata.name)).toEqual(['b', 'c']);
  });
});

describe('pickOneNodeForPreemption', () => {
  const candidate = (node: string, priorities: number[], pdbViolations = 0): Candidate => ({
    node,
    pdbViolations,
    pods: priorities.map((p, i) => withPriority(`${node}-${i}`, p)),
  });
  it.each([
    {
      name: 'fewest PDB violations first',
      candidates: [candidate('a', [1], 1), candidate('b', [5], 0)],
      want: 'b',
    },
    {
      name: 'then the lowest highest-priority victim',
      candidates: [candidate('a', [5]), candidate('b', [3, 3])],
      want: 'b',
    },
    {
      name: 'then the smallest sum of priorities',
      candidates: [candidate('a', [5, 4]), candidate('b', [5, 1])],
      want: 'b',
    },
    {
      name: 'then the fewest victims',
      candidates: [candidate('a', [5, 0, 0]), candidate('b', [5, 0])],
      want: 'b',
    },
    {
      name: 'ties go to the first candidate',
      candidates: [candidate('a', [1]), candidate('b', [1])],
      want: 'a',
    },
  ])('$name', ({ candidates, want }) => {
    expect(pickOneNodeForPreemption(candidates, () => undefined)?.node).toBe(want);
  });
});

const priorityClass = (name: string, value: number, globalDefault?: boolean) => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  globalDefault,
});

describe('priority admission and DefaultPreemption in a cluster', () => {
  const podNamed = (c: ReturnType<typeof createCluster>, name: string) =>
    (c.api.list('pods', 'default') as Pod[]).find((p) => p.metadata.name === name)!;
  const create = (c: ReturnType<typeof createCluster>, resource: string, body: object) =>
    c.api.execute({ verb: 'create', resource, namespace: 'default', body: body as never });
  const podBody = (name: string, cpu: string, priorityClassName?: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      priorityClassName,
      containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu } } }],
    },
  });

  it('resolves priorityClassName, applies the global default, refuses unknown classes', () => {
    const c = createCluster({ seed: 3 });
    create(c, 'priorityclasses', priorityClass('everyday', 10, true));
    const plain = create(c, 'pods', podBody('plain', '100m')).object as Pod;
    expect(plain.spec).toMatchObject({ priority: 10, priorityClassName: 'everyday' });
    const critical = create(c, 'pods', podBody('crit', '100m', 'system-cluster-critical'))
      .object as Pod;
    expect(critical.spec.priority).toBe(2_000_000_000);
    expect(() => create(c, 'pods', podBody('typo', '100m', 'nope'))).toThrow(
      'pods "typo" is forbidden: no PriorityClass with name nope was found',
    );
    expect(() => create(c, 'priorityclasses', priorityClass('second', 1, true))).toThrow(
      'PriorityClass everyday is already marked as default. Only one default can exist',
    );
  });

  it('evicts a lower-priority pod, nominates the node, then binds there', () => {
    const c = createCluster({ seed: 3 });
    create(c, 'priorityclasses', priorityClass('high', 1000));
    for (const n of ['a', 'b', 'c']) create(c, 'pods', podBody(`filler-${n}`, '1500m'));
    c.runFor(10_000);
    const important = create(c, 'pods', podBody('important', '1500m', 'high')).object as Pod;
    c.runFor(500);
    const nominated = podNamed(c, 'important');
    expect(nominated.status.nominatedNodeName).toBeDefined();
    const decision = c.schedulingDecision(important.metadata.uid)!;
    expect(decision.failure).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.',
    );
    expect(decision.victims).toHaveLength(1);
    c.runFor(30_000);
    const placed = podNamed(c, 'important');
    expect(placed.spec.nodeName).toBe(nominated.status.nominatedNodeName);
    const fillers = (c.api.list('pods') as Pod[]).filter((p) =>
      p.metadata.name.startsWith('filler'),
    );
    expect(fillers).toHaveLength(2);
    const events = c.api.list('events') as unknown as { reason: string; message: string }[];
    expect(events.filter((e) => e.reason === 'Preempted').map((e) => e.message)).toEqual([
      `Preempted by pod ${important.metadata.uid} on node ${placed.spec.nodeName}`,
    ]);
  });
});
