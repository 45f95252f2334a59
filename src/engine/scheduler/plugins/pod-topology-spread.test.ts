import { describe, expect, it } from 'vitest';
import type { Pod, TopologySpreadConstraint } from '../../api/types';
import { filterAll, infosWith, scoreAll, testNode, testPod, testSnapshot } from '../testing';
import { CONSTRAINTS_NOT_MATCH, podTopologySpread } from './pod-topology-spread';

const web = (name: string, extra: Partial<Pod['spec']> = {}) =>
  testPod(name, { labels: { app: 'web' }, spec: extra });

const hostnameSpread = (
  maxSkew: number,
  whenUnsatisfiable: TopologySpreadConstraint['whenUnsatisfiable'],
  extra: Partial<TopologySpreadConstraint> = {},
): TopologySpreadConstraint[] => [
  {
    maxSkew,
    topologyKey: 'kubernetes.io/hostname',
    whenUnsatisfiable,
    labelSelector: { matchLabels: { app: 'web' } },
    ...extra,
  },
];

const nodes = () => [testNode('n1'), testNode('n2'), testNode('n3')];

describe('PodTopologySpread filter', () => {
  it.each([
    {
      name: 'maxSkew 1: the node that already has one more is refused',
      constraints: hostnameSpread(1, 'DoNotSchedule'),
      placed: { n1: [web('a')], n2: [], n3: [] },
      want: [[CONSTRAINTS_NOT_MATCH], undefined, undefined],
    },
    {
      name: 'maxSkew 2 tolerates it',
      constraints: hostnameSpread(2, 'DoNotSchedule'),
      placed: { n1: [web('a')] },
      want: [undefined, undefined, undefined],
    },
    {
      name: 'minDomains above the domain count makes the global minimum 0',
      constraints: hostnameSpread(1, 'DoNotSchedule', { minDomains: 4 }),
      placed: { n1: [web('a')], n2: [web('b')], n3: [web('c')] },
      want: [[CONSTRAINTS_NOT_MATCH], [CONSTRAINTS_NOT_MATCH], [CONSTRAINTS_NOT_MATCH]],
    },
    {
      name: 'pods of another namespace do not count',
      constraints: hostnameSpread(1, 'DoNotSchedule'),
      placed: { n1: [testPod('other', { labels: { app: 'web' }, namespace: 'prod' })] },
      want: [undefined, undefined, undefined],
    },
    {
      name: 'a node without the topology label is refused as unresolvable',
      constraints: [
        { ...hostnameSpread(1, 'DoNotSchedule')[0]!, topologyKey: 'topology.kubernetes.io/zone' },
      ],
      placed: {},
      want: [
        [`${CONSTRAINTS_NOT_MATCH} (missing required label)`],
        [`${CONSTRAINTS_NOT_MATCH} (missing required label)`],
        [`${CONSTRAINTS_NOT_MATCH} (missing required label)`],
      ],
    },
  ])('$name', ({ constraints, placed, want }) => {
    const pod = web('incoming', { topologySpreadConstraints: constraints });
    expect(filterAll(podTopologySpread, pod, infosWith(nodes(), placed))).toEqual(want);
  });

  it('has nothing to filter for ScheduleAnyway constraints or the system defaults', () => {
    const infos = infosWith(nodes());
    const cluster = testSnapshot(infos, { defaultSelector: { matchLabels: { app: 'web' } } });
    expect(podTopologySpread.preFilter(web('p'), cluster)).toBeUndefined();
    const soft = web('q', { topologySpreadConstraints: hostnameSpread(1, 'ScheduleAnyway') });
    expect(podTopologySpread.preFilter(soft, cluster)).toBeUndefined();
  });
});

describe('PodTopologySpread score', () => {
  it('system defaults spread a ReplicaSet over hostnames (no zone labels: zone is ignored)', () => {
    const infos = infosWith(nodes(), { n1: [web('a'), web('b')], n2: [web('c')] });
    const cluster = testSnapshot(infos, { defaultSelector: { matchLabels: { app: 'web' } } });
    // count x log(3 + 2) + (maxSkew 3 - 1), rounded: 2 -> 5, 1 -> 4, 0 -> 2
    expect(scoreAll(podTopologySpread, web('p'), infos, cluster)).toEqual({
      raw: [5, 4, 2],
      normalized: [40, 60, 100],
    });
  });

  it('system defaults count zones over every node, but only the zones of feasible nodes', () => {
    const zone = (z: string) => ({ labels: { 'topology.kubernetes.io/zone': z } });
    const all = infosWith(
      [
        testNode('n1', zone('a')),
        testNode('n2', zone('a')),
        testNode('n3', zone('b')),
        testNode('n4'),
      ],
      { n1: [web('a')], n2: [web('b'), web('c')], n4: [web('d')] },
    );
    const cluster = testSnapshot(all, { defaultSelector: { matchLabels: { app: 'web' } } });
    const feasible = [all[0]!, all[2]!, all[3]!];
    // hostname: count x log(3 + 2) + 2; zone: count x log(2 + 2) + 4, zone a counting n2's pods too.
    // n1: 3.6 + 8.2 -> 12; n3: 2 + 4 -> 6; n4 (no zone, still spread by hostname): 3.6 -> 4
    expect(scoreAll(podTopologySpread, web('p'), feasible, cluster)).toEqual({
      raw: [12, 6, 4],
      normalized: [33, 83, 100],
    });
  });

  it('skips a pod with no constraints that nothing selects', () => {
    const infos = infosWith(nodes(), { n1: [web('a')] });
    expect(scoreAll(podTopologySpread, web('p'), infos)).toBeUndefined();
  });

  it('uses the pod own ScheduleAnyway constraints and ignores nodes lacking their key', () => {
    const infos = infosWith(
      [testNode('n1', { labels: { 'topology.kubernetes.io/zone': 'a' } }), testNode('n2')],
      {
        n1: [web('a')],
      },
    );
    const pod = web('p', {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ],
    });
    // n1: 1 x log(1 + 2) + 0 = 1.1 -> 1; n2 has no zone label and scores 0
    expect(scoreAll(podTopologySpread, pod, infos)).toEqual({ raw: [1, 0], normalized: [100, 0] });
  });
});
