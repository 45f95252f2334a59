import { describe, expect, it } from 'vitest';
import type { Pod } from '../../engine';
import { firstPod } from './pod-for-object';

function pod(
  name: string,
  opts: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string },
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, creationTimestamp: opts.created ?? '2026-01-05T09:00:00Z' },
    spec: { nodeName: opts.node, containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: opts.readySince
        ? [{ type: 'Ready', status: 'True', lastTransitionTime: opts.readySince }]
        : [],
      containerStatuses: [{ restartCount: opts.restarts ?? 0 }],
    },
  } as unknown as Pod;
}

const ready = { node: 'w1-k8s', readySince: '2026-01-05T09:00:05Z' };

describe('firstPod (GetFirstPod with sort.Reverse(ActivePods))', () => {
  it.each([
    [
      'an assigned pod over an unassigned one',
      [pod('a', { phase: 'Pending' }), pod('b', ready)],
      'b',
    ],
    [
      'a running pod over a pending one',
      [pod('a', { node: 'w1-k8s', phase: 'Pending' }), pod('b', { node: 'w1-k8s' })],
      'b',
    ],
    ['a ready pod over a not-ready one', [pod('a', { node: 'w1-k8s' }), pod('b', ready)], 'b'],
    [
      'the pod ready longest',
      [pod('a', ready), pod('b', { ...ready, readySince: '2026-01-05T09:00:01Z' })],
      'b',
    ],
    ['the pod restarted least', [pod('a', { ...ready, restarts: 2 }), pod('b', ready)], 'b'],
    [
      'the oldest pod',
      [pod('a', ready), pod('b', { ...ready, created: '2026-01-05T08:00:00Z' })],
      'b',
    ],
    ['the first listed among equals', [pod('a', ready), pod('b', ready)], 'a'],
  ])('picks %s', (_case, pods, want) => {
    expect(firstPod(pods)?.metadata.name).toBe(want);
  });

  it('finds nothing among no pods', () => {
    expect(firstPod([])).toBeUndefined();
  });
});

describe('firstPod for logs (GetFirstPod with ByLogging)', () => {
  it.each([
    [
      'an assigned pod over an unassigned one',
      [pod('a', { phase: 'Pending' }), pod('b', ready)],
      'b',
    ],
    ['a ready pod over a not-ready one', [pod('a', { node: 'w1-k8s' }), pod('b', ready)], 'b'],
    ['the pod restarted most', [pod('a', ready), pod('b', { ...ready, restarts: 3 })], 'b'],
    [
      'the pod ready longest',
      [pod('a', ready), pod('b', { ...ready, readySince: '2026-01-05T09:00:01Z' })],
      'b',
    ],
    [
      'the oldest pod',
      [pod('a', ready), pod('b', { ...ready, created: '2026-01-05T08:00:00Z' })],
      'b',
    ],
    ['the first listed among equals', [pod('a', ready), pod('b', ready)], 'a'],
  ])('picks %s', (_case, pods, want) => {
    expect(firstPod(pods, 'logs')?.metadata.name).toBe(want);
  });
});
