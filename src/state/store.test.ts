import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cluster, Pod } from '../engine';

// A stand-in kubectl: `apply -f -` with a Deployment creates it through the API server (as a hop
// from kubectl), and the command is done when the API server answers.
vi.mock('../kubectl', () => ({
  startKubectl(cluster: Cluster, line: string, options: { stdin?: string }) {
    const handle: {
      done: boolean;
      result?: { stdout: string; stderr: string; exitCode: number };
      callbacks: ((r: { stdout: string; stderr: string; exitCode: number }) => void)[];
      onDone(cb: (r: { stdout: string; stderr: string; exitCode: number }) => void): void;
    } = {
      done: false,
      callbacks: [],
      onDone(cb) {
        if (this.done && this.result) cb(this.result);
        else this.callbacks.push(cb);
      },
    };
    const name = /name: (\S+)/.exec(options.stdin ?? '')?.[1] ?? 'web';
    cluster.api.submit(
      'kubectl',
      {
        verb: 'create',
        resource: 'deployments',
        namespace: 'default',
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name },
          spec: {
            replicas: 3,
            selector: { matchLabels: { app: name } },
            template: {
              metadata: { labels: { app: name } },
              spec: { containers: [{ name, image: 'nginx:1.27' }] },
            },
          },
        } as never,
      },
      () => {
        handle.done = true;
        handle.result = { stdout: `deployment.apps/${name} created\n`, stderr: '', exitCode: 0 };
        for (const cb of handle.callbacks) cb(handle.result);
      },
    );
    void line;
    return handle;
  },
}));

const { useKubeloop, playFrame, HOP_HISTORY } = await import('./store');

const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';

describe('kubeloop store', () => {
  beforeEach(() => useKubeloop.getState().reset());

  it('step delivers exactly one hop and bumps version', async () => {
    await useKubeloop.getState().applyManifest(MANIFEST);
    const before = useKubeloop.getState();
    const delivered: number[] = [];
    const stop = before.cluster.onHop((hop) => delivered.push(hop.seq));
    const hop = before.step();
    stop();
    const after = useKubeloop.getState();
    expect(hop).toBeDefined();
    expect(delivered).toEqual([hop!.seq]);
    expect(after.version).toBe(before.version + 1);
    expect(after.lastHop).toBe(hop);
    expect(after.hops.at(-1)).toBe(hop);
    expect(after.simTime).toBe(after.cluster.elapsed);
  });

  it('runKubectl completes kubectl’s own requests while paused and resolves with the result', async () => {
    const state = useKubeloop.getState();
    expect(state.playing).toBe(false);
    const result = await state.applyManifest(MANIFEST);
    expect(result).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    const after = useKubeloop.getState();
    expect(after.cluster.api.list('deployments', 'default').map((d) => d.metadata.name)).toEqual([
      'web',
    ]);
    expect(after.hops.map((h) => `${h.from}>${h.to}`)).toEqual([
      'kubectl>kube-apiserver',
      'kube-apiserver>etcd',
    ]);
    expect(after.version).toBeGreaterThan(state.version);
    // The controllers have not acted yet: that is for the learner to step through.
    expect(after.cluster.isIdle()).toBe(false);
  });

  it('stepToQuiet runs the rollout to three Running pods and keeps the last 200 hops', async () => {
    await useKubeloop.getState().applyManifest(MANIFEST);
    useKubeloop.getState().stepToQuiet();
    const { cluster, hops, lastHop } = useKubeloop.getState();
    const pods = cluster.api.list('pods', 'default') as Pod[];
    expect(pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running']);
    expect(hops.length).toBeLessThanOrEqual(HOP_HISTORY);
    expect(hops.at(-1)).toBe(lastHop);
  });

  it('playFrame delivers ~4 hops per second × speed, and lets time flow when the cluster is quiet', async () => {
    await useKubeloop.getState().applyManifest(MANIFEST);
    useKubeloop.getState().setSpeed(2);
    const seqBefore = useKubeloop.getState().lastHop!.seq;
    let delivered = 0;
    for (let i = 0; i < 30; i++) delivered += playFrame(1000 / 30); // one second of frames
    expect(delivered).toBe(8);
    expect(useKubeloop.getState().lastHop!.seq).toBe(seqBefore + 8);
    useKubeloop.getState().stepToQuiet();
    const { cluster } = useKubeloop.getState();
    const simBefore = cluster.now;
    playFrame(100);
    expect(cluster.now - simBefore).toBe(200);
    expect(cluster.isIdle()).toBe(true);
  });

  it('play and pause toggle without a DOM', () => {
    useKubeloop.getState().play();
    expect(useKubeloop.getState().playing).toBe(true);
    useKubeloop.getState().pause();
    expect(useKubeloop.getState().playing).toBe(false);
  });

  it('reset gives a fresh cluster and bumps version', async () => {
    await useKubeloop.getState().applyManifest(MANIFEST);
    const before = useKubeloop.getState();
    before.reset({ preset: 'minikube' });
    const after = useKubeloop.getState();
    expect(after.cluster).not.toBe(before.cluster);
    expect(after.hops).toEqual([]);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.cluster.api.list('nodes').map((n) => n.metadata.name)).toEqual(['minikube']);
  });
});
