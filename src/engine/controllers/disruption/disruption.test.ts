import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Pod, PodDisruptionBudget } from '../../api/types';
import { deploymentManifest } from '../../testing/builders';
import { budgetStatus } from './disruption';

function readyPod(name: string, ready: boolean): Pod {
  return {
    metadata: { name, labels: { app: 'web' } },
    status: {
      phase: 'Running',
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastProbeTime: null,
          lastTransitionTime: '',
        },
      ],
    },
  } as unknown as Pod;
}

function budget(spec: PodDisruptionBudget['spec']): PodDisruptionBudget {
  return {
    metadata: { name: 'pdb' },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  } as PodDisruptionBudget;
}

describe('disruption budget arithmetic', () => {
  const pods = [
    readyPod('a', true),
    readyPod('b', true),
    readyPod('c', true),
    readyPod('d', false),
  ];
  it.each([
    {
      name: 'minAvailable 2',
      spec: { minAvailable: 2 },
      want: { expectedPods: 4, currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 },
    },
    {
      name: 'minAvailable 50% rounds up',
      spec: { minAvailable: '50%' },
      want: { expectedPods: 4, currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 },
    },
    {
      name: 'maxUnavailable 1',
      spec: { maxUnavailable: 1 },
      want: { expectedPods: 4, currentHealthy: 3, desiredHealthy: 3, disruptionsAllowed: 0 },
    },
    {
      name: 'minAvailable above what is healthy',
      spec: { minAvailable: 4 },
      want: { expectedPods: 4, currentHealthy: 3, desiredHealthy: 4, disruptionsAllowed: 0 },
    },
  ])('$name', ({ spec, want }) => {
    expect(budgetStatus(budget(spec), pods)).toEqual(want);
  });
});

describe('eviction', () => {
  function clusterWithBudget(minAvailable: number) {
    const c = createCluster({ seed: 6 });
    c.api.execute({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 3),
    });
    c.api.execute({
      verb: 'create',
      resource: 'poddisruptionbudgets',
      namespace: 'default',
      body: {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web-pdb' },
        spec: { minAvailable, selector: { matchLabels: { app: 'web' } } },
      },
    });
    c.runUntilIdle();
    return c;
  }

  function evict(c: ReturnType<typeof createCluster>, name: string) {
    let outcome = '';
    c.client('kubectl').request(
      { verb: 'evict', resource: 'pods', namespace: 'default', name },
      (r) => {
        outcome = r.ok ? 'evicted' : `${r.error.status.code} ${r.error.message}`;
      },
    );
    c.runWhile(() => outcome === '');
    return outcome;
  }

  it('refuses with 429 while the budget allows no disruption, and evicts when it does', () => {
    const strict = clusterWithBudget(3);
    const [pod] = strict.api.list('pods');
    expect(evict(strict, pod!.metadata.name)).toBe(
      "429 Cannot evict pod as it would violate the pod's disruption budget.",
    );
    expect(strict.api.list('pods').every((p) => !p.metadata.deletionTimestamp)).toBe(true);

    const loose = clusterWithBudget(2);
    const pods = loose.api.list('pods');
    expect(evict(loose, pods[0]!.metadata.name)).toBe('evicted');
    // The budget was debited in the same transaction: a second eviction right away is refused.
    expect(evict(loose, pods[1]!.metadata.name)).toMatch(/^429 /);
  });
});
