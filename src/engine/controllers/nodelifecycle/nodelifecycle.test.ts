import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Node, Pod, Taint, Toleration } from '../../api/types';
import { deploymentManifest } from '../../testing/builders';
import { evictionTime } from '../tainteviction/tainteviction';

const nodeNamed = (c: ReturnType<typeof createCluster>, name: string) =>
  (c.api.list('nodes') as Node[]).find((n) => n.metadata.name === name)!;

describe('node lifecycle', () => {
  it('marks a silent node Unknown after the 50s grace period, taints it, and evicts its pods 300s later', () => {
    const c = createCluster({ seed: 4 });
    c.api.execute({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 3),
    });
    c.runFor(20_000);
    const victim = (c.api.list('pods', 'default') as Pod[]).find(
      (p) => p.spec.nodeName === 'w1-k8s',
    )!;
    const downAt = c.now;
    c.stopNode('w1-k8s');
    let notReadyAt = 0;
    while (!notReadyAt && c.now - downAt < 120_000) {
      c.runFor(1000);
      if (
        nodeNamed(c, 'w1-k8s').status.conditions.find((x) => x.type === 'Ready')?.status ===
        'Unknown'
      )
        notReadyAt = c.now;
    }
    expect((notReadyAt - downAt) / 1000).toBeGreaterThanOrEqual(50);
    expect((notReadyAt - downAt) / 1000).toBeLessThanOrEqual(66);
    c.runFor(2000);
    const node = nodeNamed(c, 'w1-k8s');
    expect(node.status.conditions.find((x) => x.type === 'Ready')).toMatchObject({
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    expect(node.spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    c.runFor(290_000);
    expect(
      (c.api.list('pods', 'default') as Pod[]).find((p) => p.metadata.uid === victim.metadata.uid)
        ?.metadata.deletionTimestamp,
    ).toBeUndefined();
    c.runFor(15_000);
    const evicted = (c.api.list('pods', 'default') as Pod[]).find(
      (p) => p.metadata.uid === victim.metadata.uid,
    )!;
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    c.runUntilIdle();
    const live = (c.api.list('pods', 'default') as Pod[]).filter(
      (p) => !p.metadata.deletionTimestamp,
    );
    expect(live).toHaveLength(3);
    expect(live.every((p) => p.spec.nodeName !== 'w1-k8s')).toBe(true);
    c.startNode('w1-k8s');
    c.runFor(20_000);
    expect(nodeNamed(c, 'w1-k8s').spec.taints ?? []).toEqual([]);
    expect(c.api.list('pods', 'default')).toHaveLength(3);
  });
});

describe('evictionTime', () => {
  const t = (key: string, timeAdded = '2026-01-05T09:00:00Z'): Taint => ({
    key,
    effect: 'NoExecute',
    timeAdded,
  });
  const tol = (key: string | undefined, seconds?: number): Toleration => ({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
  });
  const pod = (tolerations: Toleration[]) => ({ spec: { tolerations } }) as unknown as Pod;
  const added = Date.parse('2026-01-05T09:00:00Z');
  it.each([
    { name: 'no taints', taints: [], tolerations: [], want: undefined },
    { name: 'untolerated taint: now', taints: [t('x')], tolerations: [], want: 0 },
    {
      name: 'default 300s toleration',
      taints: [t('node.kubernetes.io/unreachable')],
      tolerations: [tol('node.kubernetes.io/unreachable', 300)],
      want: added + 300_000,
    },
    {
      name: 'tolerated forever (DaemonSet)',
      taints: [t('node.kubernetes.io/unreachable')],
      tolerations: [tol('node.kubernetes.io/unreachable')],
      want: undefined,
    },
    {
      name: 'the shortest toleration wins',
      taints: [t('a'), t('b')],
      tolerations: [tol('a', 60), tol('b', 30)],
      want: added + 30_000,
    },
  ])('$name', ({ taints, tolerations, want }) => {
    expect(evictionTime(pod(tolerations), taints)).toBe(want);
  });
});
