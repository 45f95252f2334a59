import { describe, expect, it } from 'vitest';
import type { Affinity, Pod, PodAffinityTerm } from '../../api/types';
import { filterAll, infosWith, scoreAll, testNode, testPod } from '../testing';
import {
  AFFINITY_RULES_NOT_MATCH,
  ANTI_AFFINITY_RULES_NOT_MATCH,
  EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  interPodAffinity,
} from './inter-pod-affinity';

const term = (app: string, topologyKey = 'kubernetes.io/hostname'): PodAffinityTerm => ({
  labelSelector: { matchLabels: { app } },
  topologyKey,
});

const pod = (name: string, app: string, affinity?: Affinity, namespace = 'default'): Pod =>
  testPod(name, { labels: { app }, namespace, spec: affinity ? { affinity } : {} });

const nodes = () => [
  testNode('n1', { labels: { zone: 'a' } }),
  testNode('n2', { labels: { zone: 'a' } }),
  testNode('n3', { labels: { zone: 'b' } }),
];

describe('InterPodAffinity filter', () => {
  it.each([
    {
      name: 'required affinity: only the node with a cache pod',
      incoming: pod('p', 'web', {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache')] },
      }),
      placed: { n1: [pod('c', 'cache')] },
      want: [undefined, [AFFINITY_RULES_NOT_MATCH], [AFFINITY_RULES_NOT_MATCH]],
    },
    {
      name: 'required affinity by zone: every node in the zone',
      incoming: pod('p', 'web', {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache', 'zone')] },
      }),
      placed: { n1: [pod('c', 'cache')] },
      want: [undefined, undefined, [AFFINITY_RULES_NOT_MATCH]],
    },
    {
      name: 'affinity to a pod of another namespace does not count',
      incoming: pod('p', 'web', {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache')] },
      }),
      placed: { n1: [pod('c', 'cache', undefined, 'prod')] },
      want: [[AFFINITY_RULES_NOT_MATCH], [AFFINITY_RULES_NOT_MATCH], [AFFINITY_RULES_NOT_MATCH]],
    },
    {
      name: 'the first pod of a self-affine group may go anywhere',
      incoming: pod('p', 'web', {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] },
      }),
      placed: {},
      want: [undefined, undefined, undefined],
    },
    {
      name: 'required anti-affinity: not beside another web pod',
      incoming: pod('p', 'web', {
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] },
      }),
      placed: { n2: [pod('w', 'web')] },
      want: [undefined, [ANTI_AFFINITY_RULES_NOT_MATCH], undefined],
    },
    {
      name: "an existing pod's anti-affinity keeps matching pods out of its zone",
      incoming: pod('p', 'web'),
      placed: {
        n1: [
          pod('loner', 'db', {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [term('web', 'zone')],
            },
          }),
        ],
      },
      want: [
        [EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH],
        [EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH],
        undefined,
      ],
    },
    {
      name: 'namespaceSelector {} reaches every namespace',
      incoming: pod('p', 'web', {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { ...term('web'), namespaceSelector: {} },
          ],
        },
      }),
      placed: { n3: [pod('w', 'web', undefined, 'prod')] },
      want: [undefined, undefined, [ANTI_AFFINITY_RULES_NOT_MATCH]],
    },
  ])('$name', ({ incoming, placed, want }) => {
    expect(filterAll(interPodAffinity, incoming, infosWith(nodes(), placed))).toEqual(want);
  });

  it('skips pods without required terms when no pod has required anti-affinity', () => {
    const infos = infosWith(nodes(), { n1: [pod('w', 'web')] });
    expect(filterAll(interPodAffinity, pod('p', 'web'), infos)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('InterPodAffinity score', () => {
  it.each([
    {
      name: 'preferred affinity: weight on the node with the pod',
      incoming: pod('p', 'web', {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, podAffinityTerm: term('cache') },
          ],
        },
      }),
      placed: { n1: [pod('c', 'cache')] },
      want: { raw: [10, 0, 0], normalized: [100, 0, 0] },
    },
    {
      name: 'preferred anti-affinity by zone: subtracts from the whole zone',
      incoming: pod('p', 'web', {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 5, podAffinityTerm: term('web', 'zone') },
          ],
        },
      }),
      placed: { n2: [pod('w', 'web')] },
      want: { raw: [-5, -5, 0], normalized: [0, 0, 100] },
    },
    {
      name: "an existing pod's required affinity draws matching pods (hardPodAffinityWeight 1)",
      incoming: pod('p', 'web'),
      placed: {
        n3: [
          pod('sidecar', 'proxy', {
            podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] },
          }),
        ],
      },
      want: { raw: [0, 0, 1], normalized: [0, 0, 100] },
    },
  ])('$name', ({ incoming, placed, want }) => {
    expect(scoreAll(interPodAffinity, incoming, infosWith(nodes(), placed))).toEqual(want);
  });

  it('skips when no pod has affinity and the pod has no preferences', () => {
    const infos = infosWith(nodes(), { n1: [pod('w', 'web')] });
    expect(scoreAll(interPodAffinity, pod('p', 'web'), infos)).toBeUndefined();
  });
});
