import { afterEach, expect, it, vi } from 'vitest';
import { createCluster } from '../engine';
import { SESSION_KEY, SESSION_VERSION, type Session } from '../state/session';
import { positionOf } from '../state/session-replay';
import { useKubeloop } from '../state/store';
import { afterCluster } from './load-cluster';

afterEach(() => vi.unstubAllGlobals());

it('the parts that act on the cluster appear only once the saved sandbox has begun to replay', async () => {
  const saved = createCluster({ seed: 7, preset: 'kubeadm' });
  saved.runUntilIdle();
  const session: Session = {
    v: SESSION_VERSION,
    seed: 7,
    preset: 'kubeadm',
    actions: [],
    end: positionOf(saved),
  };
  const data = new Map([[SESSION_KEY, JSON.stringify(session)]]);
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  });

  const parts = { Graph: 'the graph' };
  expect(await afterCluster(Promise.resolve(parts))).toBe(parts);
  // Learner actions are refused from here until the replay is done: none can be lost to it.
  expect(useKubeloop.getState().restoring).toBe(true);

  await vi.waitFor(() => expect(useKubeloop.getState().restoring).toBe(false));
  const { cluster } = useKubeloop.getState();
  expect(cluster.seed).toBe(7);
  expect(positionOf(cluster)).toEqual(session.end);
});
