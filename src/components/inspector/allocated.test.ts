import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../engine';
import { allocatedResources, formatTaint, percent } from './allocated';

function node(allocatable: Record<string, string>): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'w1-k8s', uid: 'n1', resourceVersion: '1', creationTimestamp: '' },
    spec: {},
    status: { capacity: allocatable, allocatable, conditions: [], addresses: [] } as never,
  };
}

let seq = 0;
function podOn(
  nodeName: string,
  resources: { requests?: Record<string, string>; limits?: Record<string, string> },
  phase: Pod['status']['phase'] = 'Running',
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: `p${++seq}`, resourceVersion: '1', creationTimestamp: '' },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx', resources }] } as never,
    status: { phase },
  };
}

describe('allocatedResources', () => {
  const w1 = node({ cpu: '2', memory: '4Gi', pods: '110' });

  it.each([
    {
      name: 'nothing requested',
      pods: [podOn('w1-k8s', {})],
      want: { cpu: ['0 (0%)', '0 (0%)'], memory: ['0 (0%)', '0 (0%)'], pods: 1 },
    },
    {
      name: 'three pods of 100m and 128Mi',
      pods: [1, 2, 3].map(() => podOn('w1-k8s', { requests: { cpu: '100m', memory: '128Mi' } })),
      want: { cpu: ['300m (15%)', '0 (0%)'], memory: ['384Mi (9%)', '0 (0%)'], pods: 3 },
    },
    {
      name: 'a limit with no request counts as the request; truncated percentages',
      pods: [podOn('w1-k8s', { limits: { cpu: '250m', memory: '1Gi' } })],
      want: { cpu: ['250m (12%)', '250m (12%)'], memory: ['1Gi (25%)', '1Gi (25%)'], pods: 1 },
    },
    {
      name: 'pods elsewhere and finished pods do not count',
      pods: [
        podOn('w2-k8s', { requests: { cpu: '1' } }),
        podOn('w1-k8s', { requests: { cpu: '1' } }, 'Succeeded'),
        podOn('w1-k8s', { requests: { cpu: '1' } }),
      ],
      want: { cpu: ['1 (50%)', '0 (0%)'], memory: ['0 (0%)', '0 (0%)'], pods: 1 },
    },
  ])('$name', ({ pods, want }) => {
    const got = allocatedResources(w1, pods);
    expect(got.lines.map((l) => [l.requests, l.limits])).toEqual([want.cpu, want.memory]);
    expect(got.pods).toBe(want.pods);
    expect(got.maxPods).toBe(110);
  });

  it('percent is 0 when nothing is allocatable', () => {
    expect(percent(100, 0)).toBe(0);
    expect(percent(999, 1000)).toBe(99);
  });
});

describe('formatTaint', () => {
  it.each([
    [
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      'node-role.kubernetes.io/control-plane:NoSchedule',
    ],
    [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }, 'dedicated=gpu:NoExecute'],
  ])('%o → %s', (taint, want) => expect(formatTaint(taint)).toBe(want));
});
