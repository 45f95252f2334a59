import { describe, expect, it } from 'vitest';
import type { ContainerState, Pod } from '../engine';
import { summarizePod } from '../kubectl';
import { statusTone } from './pod-status';

function pod(phase: Pod['status']['phase'], states: ContainerState[] = [], deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u1',
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T09:00:00Z',
      ...(deleting ? { deletionTimestamp: '2026-01-05T09:01:00Z' } : {}),
    },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
    status: {
      phase,
      containerStatuses: states.map((state) => ({
        name: 'web',
        image: 'nginx',
        imageID: '',
        ready: !!state.running,
        started: !!state.running,
        restartCount: 0,
        state,
        lastState: {},
      })),
    },
  } as Pod;
}

describe("the graph shows kubectl's STATUS with a colour family", () => {
  const cases: { name: string; pod: Pod; want: string; tone: string }[] = [
    { name: 'unscheduled pod', pod: pod('Pending'), want: 'Pending', tone: 'pending' },
    {
      name: 'creating containers',
      pod: pod('Pending', [{ waiting: { reason: 'ContainerCreating' } }]),
      want: 'ContainerCreating',
      tone: 'pending',
    },
    {
      name: 'running',
      pod: pod('Running', [{ running: { startedAt: 'x' } }]),
      want: 'Running',
      tone: 'running',
    },
    {
      name: 'pull failed',
      pod: pod('Pending', [{ waiting: { reason: 'ErrImagePull' } }]),
      want: 'ErrImagePull',
      tone: 'error',
    },
    {
      name: 'pull back-off',
      pod: pod('Pending', [{ waiting: { reason: 'ImagePullBackOff' } }]),
      want: 'ImagePullBackOff',
      tone: 'error',
    },
    {
      name: 'being deleted',
      pod: pod('Running', [{ running: { startedAt: 'x' } }], true),
      want: 'Terminating',
      tone: 'done',
    },
    {
      name: 'completed',
      pod: pod('Succeeded', [{ terminated: { exitCode: 0, reason: 'Completed' } }]),
      want: 'Completed',
      tone: 'done',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = summarizePod(c.pod, Date.parse('2026-01-05T09:02:00Z')).status;
      expect(got).toBe(c.want);
      expect(statusTone(got)).toBe(c.tone);
    });
  }
});
