import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { isPodActive, isPodReady } from '../../api/pod';
import { matchesSelector } from '../../api/labels';
import type { Pod, ReplicaSet } from '../../api/types';
import type { Informer } from '../../client/informer';
import { deploymentManifest } from '../../testing/builders';
import { ControllerContext } from '../context';
import { OwnedPodTally, type OwnedPodCounts } from './owned-pods';

/** recount is the pass over a ReplicaSet's pods that the tally stands in for. */
function recount(ctx: ControllerContext, rs: ReplicaSet): OwnedPodCounts {
  const pods = ctx.pods.byIndex(ControllerContext.BY_CONTROLLER, rs.metadata.uid);
  const active = pods.filter(isPodActive);
  return {
    replicas: active.length,
    labeled: active.filter((p) =>
      matchesSelector({ matchLabels: rs.spec.template.metadata.labels }, p.metadata.labels),
    ).length,
    ready: active.filter(isPodReady).length,
  };
}

describe('owned pod tally', () => {
  it('counts what a pass over the pods counts, after every task', () => {
    const c = createCluster({ seed: 3 });
    const ctx = new ControllerContext(c.api, c.clock);
    const tally = new OwnedPodTally(ctx.pods);
    ctx.pods.addHandlers({
      onAdd: (pod) => tally.added(pod),
      onUpdate: (old, pod) => tally.updated(old, pod),
      onDelete: (pod) => tally.deleted(pod),
    });
    ctx.replicaSets.addHandlers({ onDelete: (rs) => tally.forget(rs.metadata.uid) });
    ctx.start();

    let checks = 0;
    const runChecking = () =>
      c.runWhile(() => {
        const rs = ctx.replicaSets.get('default/web');
        if (rs) {
          const { replicas, labeled, ready } = tally.counts(rs);
          expect({ replicas, labeled, ready }).toEqual(recount(ctx, rs));
          checks++;
        }
        return !c.isIdle();
      });
    const d = deploymentManifest('web', 3);
    const patchRs = (patch: object) =>
      c.api.execute({
        verb: 'patch',
        resource: 'replicasets',
        namespace: 'default',
        name: 'web',
        patchType: 'merge',
        patch,
      });

    c.api.execute({
      verb: 'create',
      resource: 'replicasets',
      namespace: 'default',
      body: { ...d, kind: 'ReplicaSet', metadata: { name: 'web', labels: { app: 'web' } } },
    });
    runChecking();
    const rs = () => ctx.replicaSets.get('default/web')!;
    expect(tally.counts(rs())).toMatchObject({ replicas: 3, labeled: 3, ready: 3 });

    // New template labels: the running pods no longer carry all of them.
    patchRs({ spec: { template: { metadata: { labels: { app: 'web', tier: 'front' } } } } });
    runChecking();
    expect(tally.counts(rs())).toMatchObject({ replicas: 3, labeled: 0, ready: 3 });

    const victim = ctx.pods.byIndex(ControllerContext.BY_CONTROLLER, rs().metadata.uid)[0]!;
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'default',
      name: victim.metadata.name,
    });
    runChecking();
    expect(tally.counts(rs())).toMatchObject({ replicas: 3, labeled: 1, ready: 3 });

    patchRs({ spec: { replicas: 5 } });
    runChecking();
    patchRs({ spec: { replicas: 1 } });
    runChecking();
    expect(tally.counts(rs())).toMatchObject({ replicas: 1, ready: 1 });
    expect(checks).toBeGreaterThan(100);
  });

  it('counts a pod recreated under the same name once', () => {
    const rs = {
      metadata: { uid: 'rs-uid' },
      spec: { template: { metadata: { labels: { app: 'web' } } } },
    } as unknown as ReplicaSet;
    const pod = (uid: string) =>
      ({
        metadata: {
          name: 'web-1',
          namespace: 'default',
          uid,
          labels: { app: 'web' },
          ownerReferences: [{ kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true }],
        },
        status: { phase: 'Running' },
      }) as unknown as Pod;
    const first = pod('first');
    const cache = { byIndex: () => [first] } as unknown as Informer<Pod>;
    const tally = new OwnedPodTally(cache);
    expect(tally.counts(rs).replicas).toBe(1);
    tally.updated(first, pod('second'));
    expect(tally.counts(rs).replicas).toBe(1);
  });
});
