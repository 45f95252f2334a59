import { beforeEach, describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../engine';
import { isReadOnlyCommand } from './read-only';
import { SessionReplay } from './session-replay';
import { currentSession, useKubeloop } from './store';
import { PastReplay } from './time-travel';

const store = () => useKubeloop.getState();

const podNames = (cluster: Cluster) =>
  cluster.api
    .list('pods', 'default')
    .map((o: KubeObject) => o.metadata.name)
    .sort();

/** settled waits for a rebuild of the past that runs in slices (a slow machine) to finish. */
async function settled(): Promise<void> {
  while (store().travel?.rebuilding) await new Promise((done) => setTimeout(done, 5));
}

/** A learner's session: a Deployment of 2, let it settle, then scale to 4 and let that settle. */
async function twoChanges(): Promise<{ afterFirst: number }> {
  store().reset({ seed: 7 });
  await store().runKubectl('kubectl create deployment web --image=nginx --replicas=2');
  store().stepToQuiet();
  const afterFirst = store().cluster.hops.count;
  await store().runKubectl('kubectl scale deployment web --replicas=4');
  store().stepToQuiet();
  return { afterFirst };
}

describe('time travel', () => {
  beforeEach(() => store().reset());

  it('[TT1] a replay to hop N delivers exactly the present’s first N hops', async () => {
    await twoChanges();
    const present = store().present;
    const all = present.hops.all();
    for (const n of [0, 1, 17, Math.floor(all.length / 2), all.length - 1]) {
      const past = new PastReplay(currentSession());
      expect(past.advance(n)).toBe(true);
      expect(past.hop).toBe(n);
      expect(past.cluster.hops.all()).toEqual(all.slice(0, n));
    }
  });

  it('[TT2] travelling shows the cluster as it was; step moves on; back to the present restores it', async () => {
    const { afterFirst } = await twoChanges();
    const present = store().present;
    expect(podNames(present)).toHaveLength(4);

    store().travelTo(afterFirst);
    await settled();
    expect(store().travel).toEqual({
      hop: afterFirst,
      presentHops: present.hops.count,
      rebuilding: false,
    });
    expect(store().cluster).not.toBe(present);
    expect(podNames(store().cluster)).toHaveLength(2);
    expect(store().lastHop).toEqual(present.hops.all()[afterFirst - 1]);

    store().step();
    expect(store().travel?.hop).toBe(afterFirst + 1);
    expect(store().lastHop).toEqual(present.hops.all()[afterFirst]);

    store().returnToPresent();
    expect(store().travel).toBeUndefined();
    expect(store().cluster).toBe(present);
    expect(podNames(store().cluster)).toHaveLength(4);
  });

  it('[TT3] stepping through the whole past arrives back at the present', async () => {
    await twoChanges();
    const presentHops = store().present.hops.count;
    store().travelTo(presentHops - 3);
    await settled();
    for (let i = 0; i < 3; i++) store().step();
    expect(store().travel).toBeUndefined();
    expect(store().cluster).toBe(store().present);
  });

  it('[TT4] a read-only command in the past shows the past and does not fork', async () => {
    const { afterFirst } = await twoChanges();
    const before = currentSession();
    store().travelTo(afterFirst);
    await settled();
    const result = await store().runKubectl('kubectl get pods');
    expect(result.stdout.split('\n').filter((l) => l.startsWith('web-'))).toHaveLength(2);
    expect(store().forkPrompt).toBeUndefined();
    expect(store().travel).toBeDefined();
    expect(currentSession()).toEqual(before);
  });

  it('[TT5] a change in the past asks first; cancel keeps the future', async () => {
    const { afterFirst } = await twoChanges();
    const before = currentSession();
    store().travelTo(afterFirst);
    await settled();
    const pending = store().runKubectl('kubectl scale deployment web --replicas=1');
    expect(store().forkPrompt).toMatchObject({
      hop: afterFirst,
      discards: before.end.hops - afterFirst,
      change: { kind: 'kubectl', line: 'kubectl scale deployment web --replicas=1' },
    });
    store().cancelFork();
    expect((await pending).exitCode).toBe(1);
    expect(store().forkPrompt).toBeUndefined();
    expect(currentSession()).toEqual(before);
    expect(store().stopNode('w1-k8s')).toBe(false); // a fault asks too
    expect(store().forkPrompt?.change).toMatchObject({ kind: 'stopNode', node: 'w1-k8s' });
    store().cancelFork();
  });

  it('[TT6] confirming forks: the old future is gone, the change runs, and the new session replays', async () => {
    const { afterFirst } = await twoChanges();
    const oldSession = currentSession();
    store().travelTo(afterFirst);
    await settled();
    await store().runKubectl('kubectl get deployments'); // read in the past, then change it
    const pending = store().runKubectl('kubectl scale deployment web --replicas=3');
    store().confirmFork();
    expect((await pending).stdout).toBe('deployment.apps/web scaled\n');
    store().stepToQuiet();

    expect(store().travel).toBeUndefined();
    expect(store().cluster).toBe(store().present);
    expect(podNames(store().cluster)).toHaveLength(3);
    const session = currentSession();
    expect(session.actions.map((a) => a.kind === 'kubectl' && a.line)).toEqual([
      'kubectl create deployment web --image=nginx --replicas=2',
      'kubectl get deployments',
      'kubectl scale deployment web --replicas=3',
    ]);
    expect(session.actions[2]!.at.hops).toBeGreaterThan(afterFirst);
    expect(session.actions[2]!.at.hops).toBeLessThan(oldSession.end.hops);
    // The fork is a session like any other: replaying it rebuilds the same cluster.
    const replay = new SessionReplay(session);
    replay.run();
    expect(replay.diverged).toBe(false);
    expect(replay.cluster.hops.all()).toEqual(store().cluster.hops.all());
  });
});

describe('isReadOnlyCommand', () => {
  it.each([
    ['kubectl get pods -o wide', true],
    ['kubectl -n kube-system get pods', true],
    ['kubectl describe node w1-k8s', true],
    ['kubectl logs web-1', true],
    ['kubectl rollout status deployment/web', true],
    ['kubectl rollout undo deployment/web', false],
    ['kubectl wait --for=condition=Ready pod/web-1', true],
    ['kubectl apply -f - --dry-run=client', true],
    ['kubectl delete pod web-1 --help', true],
    ['kubectl apply -f -', false],
    ['kubectl -n default scale deployment web --replicas=2', false],
    ['kubectl delete pod web-1', false],
    ['kubectl cordon w1-k8s', false],
    ['kubectl', true],
    ['ls', true],
  ])('%s → %s', (line, want) => {
    expect(isReadOnlyCommand(line)).toBe(want);
  });
});
