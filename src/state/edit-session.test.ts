import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, Deployment } from '../engine';
import { loadKubectl } from './kubectl-loader';
import { SessionReplay } from './session-replay';
import { currentSession, playFrame, useKubeloop } from './store';

const replicas = (cluster: Cluster) =>
  (
    cluster.api
      .list('deployments', 'default')
      .find((d) => d.metadata.name === 'del-deploy') as Deployment
  ).spec.replicas;

/** `kubectl edit` in the app: the store holds the file for the editor until it is saved or cancelled. */
describe('kubectl edit through the store', () => {
  beforeAll(() => loadKubectl());
  const store = () => useKubeloop.getState();

  it('waits for the editor, patches on save, and a replay of the session does the same', async () => {
    store().reset({ seed: 7 });
    await store().runKubectl('kubectl create deployment del-deploy --image=nginx --replicas=9');
    store().stepToQuiet();
    const result = store().runKubectl('kubectl edit deployment del-deploy');
    const editing = store().editing!;
    expect(editing.file.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(editing.file.content).toContain('  replicas: 9\n');
    // The cluster moves on while the learner edits.
    for (let i = 0; i < 10; i++) playFrame(100);
    editing.save(editing.file.content.replace('  replicas: 9\n', '  replicas: 3\n'));
    expect(store().editing).toBeUndefined();
    expect((await result).stdout).toBe('deployment.apps/del-deploy edited\n');
    store().stepToQuiet();
    expect(replicas(store().cluster)).toBe(3);

    const session = currentSession();
    expect(session.actions.map((a) => a.kind === 'kubectl' && a.edited !== undefined)).toEqual([
      false,
      false,
      true,
    ]);
    const replay = new SessionReplay(session);
    replay.run();
    expect(replay.diverged).toBe(false);
    expect(replicas(replay.cluster)).toBe(3);
    expect(replay.cluster.hops.count).toBe(store().cluster.hops.count);
  });

  it('a cancel prints kubectl’s message and records nothing', async () => {
    store().reset({ seed: 7 });
    await store().runKubectl('kubectl create deployment del-deploy --image=nginx --replicas=9');
    const result = store().runKubectl('kubectl edit deploy/del-deploy');
    store().editing!.cancel();
    expect(await result).toEqual({
      stdout: '',
      stderr: 'Edit cancelled, no changes made.\n',
      exitCode: 0,
    });
    expect(currentSession().actions).toHaveLength(2);
  });
});
