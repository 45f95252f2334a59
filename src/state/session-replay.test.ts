import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cluster, KubeObject } from '../engine';
import { SESSION_KEY, shareUrl, type Session } from './session';
import { SessionReplay } from './session-replay';
import { startSessionSync, useSessionStatus } from './session-sync';
import { currentSession, isPristine, playFrame, useKubeloop } from './store';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  selector:',
  '    matchLabels:',
  '      app: web',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: web',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx',
  '',
].join('\n');

const names = (cluster: Cluster, resource: string) =>
  cluster.api
    .list(resource, resource === 'nodes' ? undefined : 'default')
    .map((o: KubeObject) => o.metadata.name)
    .sort();

/** snapshot is what a learner would compare after a reload. */
const snapshot = (cluster: Cluster) => ({
  pods: names(cluster, 'pods'),
  replicasets: names(cluster, 'replicasets'),
  hops: cluster.hops.count,
  elapsed: cluster.elapsed,
  tasks: cluster.clock.tasksRun,
  lastHop: cluster.hops.all().at(-1),
});

/** learnerSession drives the store as a learner would: every kind of action, paused and playing. */
async function learnerSession(): Promise<Session> {
  const store = () => useKubeloop.getState();
  store().reset({ seed: 42 });
  expect(isPristine(currentSession())).toBe(true);
  await store().applyManifest(DEPLOYMENT);
  for (let i = 0; i < 5; i++) store().step();
  for (let i = 0; i < 30; i++) playFrame(16); // playing at 1×
  await store().runKubectl('kubectl get pods -o wide');
  store().stepToQuiet();
  playFrame(200); // idle: the clock moves without a hop
  await store().runKubectl('kubectl scale deployment web --replicas=5');
  for (let i = 0; i < 7; i++) store().step();
  const worker = names(store().cluster, 'nodes').find((n) => n.startsWith('w'))!;
  expect(store().stopNode(worker)).toBe(true);
  for (let i = 0; i < 20; i++) playFrame(100);
  const pod = names(store().cluster, 'pods')[0]!;
  store().killContainer('default', pod);
  for (let i = 0; i < 9; i++) store().step();
  playFrame(50);
  return currentSession();
}

afterEach(() => useKubeloop.getState().reset());

describe('session replay', () => {
  it('records every cluster-changing action with the position it happened at', async () => {
    const session = await learnerSession();
    expect(session.actions.map((a) => a.kind)).toEqual([
      'kubectl',
      'kubectl',
      'kubectl',
      'stopNode',
      'killContainer',
    ]);
    expect(session.actions[0]).toMatchObject({ line: 'kubectl apply -f -', stdin: DEPLOYMENT });
    expect(session.end.hops).toBe(useKubeloop.getState().cluster.hops.count);
  });

  it('replaying the log through a fresh cluster gives the same pods, hop count and clock', async () => {
    const session = await learnerSession();
    const want = snapshot(useKubeloop.getState().cluster);
    expect(want.pods.length).toBeGreaterThanOrEqual(5);

    const replay = new SessionReplay(JSON.parse(JSON.stringify(session)) as Session);
    expect(replay.run()).toBe(true);
    expect(replay.diverged).toBe(false);
    expect(snapshot(replay.cluster)).toEqual(want);
  });

  it('replaying in small slices comes out the same as in one go', async () => {
    const session = await learnerSession();
    const want = snapshot(useKubeloop.getState().cluster);
    const replay = new SessionReplay(session);
    let slices = 0;
    while (!replay.run(5)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(replay.progress).toBe(1);
    expect(snapshot(replay.cluster)).toEqual(want);
  });

  it('a log the engine cannot follow is flagged as diverged', async () => {
    const session = await learnerSession();
    const replay = new SessionReplay({
      ...session,
      end: { ...session.end, hops: session.end.hops + 1 },
    });
    replay.run();
    expect(replay.diverged).toBe(true);
  });
});

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('session sync', () => {
  afterEach(() => useSessionStatus.setState({ notice: undefined, restoring: undefined }));

  it('restores a saved session into the store, paused at the same moment', async () => {
    const session = await learnerSession();
    const want = snapshot(useKubeloop.getState().cluster);
    useKubeloop.getState().reset();
    const storage = memoryStorage({ [SESSION_KEY]: JSON.stringify(session) });
    const stop = startSessionSync({ storage, location: undefined, history: undefined });
    stop();
    const state = useKubeloop.getState();
    expect(snapshot(state.cluster)).toEqual(want);
    expect(state.simTime).toBe(want.elapsed);
    expect(state.lastHop).toEqual(want.lastHop);
    expect(state.restoring).toBe(false);
    expect(currentSession()).toEqual(session);
    expect(useSessionStatus.getState().notice).toBeUndefined();
  });

  it('learner actions wait while a share link is decoded, then the shared sandbox is restored', async () => {
    const session = await learnerSession();
    const want = snapshot(useKubeloop.getState().cluster);
    useKubeloop.getState().reset();
    const link = await shareUrl('http://localhost:4173/', session);
    let address: string | undefined;
    const stop = startSessionSync({
      storage: memoryStorage(),
      location: { hash: new URL(link).hash, href: link },
      history: { replaceState: (_data, _title, url) => void (address = String(url)) },
    });
    expect(useKubeloop.getState().restoring).toBe(true);
    const early = await useKubeloop.getState().runKubectl('kubectl create namespace early');
    expect(early.stderr).toBe(
      'error: the sandbox is still being restored; try again in a moment\n',
    );

    await vi.waitFor(() => expect(useKubeloop.getState().restoring).toBe(false));
    stop();
    expect(snapshot(useKubeloop.getState().cluster)).toEqual(want);
    expect(useSessionStatus.getState().notice).toBe('linkLoaded');
    expect(address).toBe('http://localhost:4173/');
  });

  it('a damaged share link says so and lets the learner act on a fresh sandbox', async () => {
    const href = 'http://localhost:4173/#s=z.not-deflate';
    const stop = startSessionSync({
      storage: memoryStorage(),
      location: { hash: '#s=z.not-deflate', href },
      history: { replaceState: () => {} },
    });
    expect(useKubeloop.getState().restoring).toBe(true);
    await vi.waitFor(() => expect(useSessionStatus.getState().notice).toBe('linkBad'));
    stop();
    expect(useKubeloop.getState().restoring).toBe(false);
    expect(isPristine(currentSession())).toBe(true);
  });

  it('a corrupted save says the sandbox was reset and starts fresh', () => {
    const storage = memoryStorage({ [SESSION_KEY]: '{"v":1,"seed":' });
    const stop = startSessionSync({ storage, location: undefined, history: undefined });
    stop();
    expect(useSessionStatus.getState().notice).toBe('resetCorrupt');
    expect(storage.data.has(SESSION_KEY)).toBe(false);
    expect(isPristine(currentSession())).toBe(true);
  });
});
