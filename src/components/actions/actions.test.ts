import { beforeEach, describe, expect, it } from 'vitest';
import type { Pod } from '../../engine';
import { SessionReplay } from '../../state/session-replay';
import { currentSession, useKubeloop } from '../../state/store';
import {
  actionsFor,
  clusterTarget,
  nextNodeName,
  quote,
  type ActionCommand,
  type ActionTarget,
} from './actions';
import { runAction } from './run';

const commandOf = (target: ActionTarget, id: string, values: Record<string, string> = {}) => {
  const action = actionsFor(target).find((a) => a.id === id);
  if (!action) throw new Error(`no ${id} action for ${target.kind}`);
  return action.command({
    ...Object.fromEntries(action.fields.map((f) => [f.name, f.initial])),
    ...values,
  });
};
const text = (c: ActionCommand) => (c.kind === 'kubectl' ? c.line : c.text);

const pod: ActionTarget = { kind: 'Pod', namespace: 'default', name: 'web-1', containers: ['web'] };
const sidecarPod: ActionTarget = {
  kind: 'Pod',
  namespace: 'shop',
  name: 'cart-1',
  containers: ['cart', 'proxy'],
};
const deployment: ActionTarget = {
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
  containers: [{ name: 'web', image: 'nginx:1.27' }],
  replicas: 3,
};

describe('actionsFor', () => {
  it.each([
    [pod, 'delete', {}, 'kubectl delete pod web-1'],
    [pod, 'logs', {}, 'kubectl logs web-1'],
    [pod, 'exec', { command: 'cat /etc/hostname' }, 'kubectl exec web-1 -- cat /etc/hostname'],
    [pod, 'kill', {}, 'kill web-1'],
    [sidecarPod, 'logs', { container: 'proxy' }, 'kubectl logs cart-1 -n shop -c proxy'],
    [sidecarPod, 'kill', { container: 'proxy' }, 'kill -n shop cart-1 proxy'],
    [deployment, 'scale', { replicas: '5' }, 'kubectl scale deployment/web --replicas=5'],
    [
      deployment,
      'setImage',
      { image: 'nginx:1.28' },
      'kubectl set image deployment/web web=nginx:1.28',
    ],
    [deployment, 'load', { percent: '90' }, 'load web 90'],
  ] as const)('%o %s runs %s', (target, id, values, want) => {
    expect(text(commandOf(target, id, values))).toBe(want);
  });

  it('offers a running node stop, cordon and drain; a stopped, cordoned one start and uncordon', () => {
    const ids = (up: boolean, unschedulable: boolean) =>
      actionsFor({ kind: 'Node', name: 'w1-k8s', up, unschedulable }).map((a) => a.id);
    expect(ids(true, false)).toEqual(['stop', 'cordon', 'drain']);
    expect(ids(false, true)).toEqual(['start', 'uncordon', 'drain']);
    const node: ActionTarget = { kind: 'Node', name: 'w1-k8s', up: true, unschedulable: false };
    expect(text(commandOf(node, 'drain'))).toBe('kubectl drain w1-k8s --ignore-daemonsets');
    expect(text(commandOf(node, 'stop'))).toBe('node down w1-k8s');
  });

  it('does not scale a DaemonSet nor set a ReplicaSet’s image (its Deployment does that)', () => {
    const base = { namespace: 'default', name: 'x', containers: [{ name: 'c', image: 'i' }] };
    expect(actionsFor({ kind: 'DaemonSet', ...base }).map((a) => a.id)).toEqual(['setImage']);
    expect(actionsFor({ kind: 'ReplicaSet', ...base, replicas: 1 }).map((a) => a.id)).toEqual([
      'scale',
    ]);
  });

  it('quotes what the kubectl tokenizer would split', () => {
    expect(quote('web-1')).toBe('web-1');
    expect(quote("it's here")).toBe(`'it'\\''s here'`);
  });
});

describe('nextNodeName', () => {
  it('continues the lab’s worker names, skipping taken ones', () => {
    expect(nextNodeName({ preset: 'kubeadm' }, ['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s'])).toBe(
      'w4-k8s',
    );
    expect(nextNodeName({ preset: 'kubeadm' }, ['m-k8s', 'w2-k8s'])).toBe('w1-k8s');
    expect(nextNodeName({ preset: 'minikube' }, ['minikube'])).toBe('minikube-m02');
  });
});

describe('runAction', () => {
  beforeEach(() => useKubeloop.getState().reset({ seed: 7 }));

  it('joins a node and records it, so replaying the session rebuilds the same cluster', async () => {
    const outcome = await runAction(
      commandOf({ kind: 'Cluster', nextNode: 'w4-k8s', services: [] }, 'addNode'),
    );
    expect(outcome).toEqual({ text: 'node add w4-k8s', output: '', ok: true });
    const { cluster } = useKubeloop.getState();
    // kubeadm join returns once the kubelet has registered its Node and Lease.
    expect(cluster.api.list('nodes').map((n) => n.metadata.name)).toContain('w4-k8s');
    expect(cluster.api.list('leases', 'kube-node-lease').map((l) => l.metadata.name)).toContain(
      'w4-k8s',
    );
    await runAction(
      commandOf({ kind: 'Node', name: 'w2-k8s', up: true, unschedulable: false }, 'stop'),
    );
    cluster.runFor(60_000);

    const session = currentSession();
    expect(session.actions.map((a) => a.kind)).toEqual(['addNode', 'stopNode']);
    const replay = new SessionReplay(JSON.parse(JSON.stringify(session)));
    replay.run();
    expect(replay.diverged).toBe(false);
    const names = (c: typeof cluster) => c.api.list('nodes').map((n) => n.metadata.name);
    expect(names(replay.cluster)).toEqual(names(cluster));
    expect(replay.cluster.kubelets.get('w2-k8s')?.isUp).toBe(false);
  });

  it('says why a fault could not happen, in the CLI’s words, and records nothing', async () => {
    const taken = commandOf({ kind: 'Cluster', nextNode: 'w1-k8s', services: [] }, 'addNode');
    expect(await runAction(taken)).toEqual({
      text: 'node add w1-k8s',
      output: 'kubeloop: cannot add node "w1-k8s": the name is taken or not a valid node name\n',
      ok: false,
    });
    expect(currentSession().actions).toEqual([]);
  });

  it('records load on a Deployment', async () => {
    await runAction(commandOf(deployment, 'load', { percent: '120' }));
    expect(currentSession().actions).toMatchObject([
      { kind: 'setLoad', namespace: 'default', deployment: 'web', percent: 120 },
    ]);
  });
});

describe('send request', () => {
  beforeEach(() => useKubeloop.getState().reset({ seed: 7 }));

  it('reaches a NodePort Service from outside, says which pod answered, and replays the same', async () => {
    const store = useKubeloop.getState();
    await store.runKubectl('kubectl create deployment web --image=nginx --replicas=2');
    await store.runKubectl('kubectl expose deployment web --type=NodePort --port=80');
    store.cluster.runFor(30_000);
    const target = clusterTarget(store.cluster);
    expect(target.kind === 'Cluster' && target.services).toMatchObject([
      { service: 'default/web', type: 'NodePort', origin: { kind: 'external' } },
    ]);
    const outcome = await runAction(commandOf(target, 'request', { service: 'default/web' }));
    expect(outcome.text).toMatch(/^curl -s http:\/\/192\.168\.\d+\.\d+:3\d{4}\/$/);
    expect(outcome.ok).toBe(true);
    expect(outcome.output).toMatch(
      /^HTTP\/1\.1 200 OK\nAnswered by pod web-[a-z0-9]+-[a-z0-9]{5} \(namespace default\)\n$/,
    );
    store.cluster.runFor(5_000);
    expect(store.cluster.hops.count).toBeGreaterThan(0);
    const session = currentSession();
    expect(session.actions.at(-1)).toMatchObject({ kind: 'request', origin: { kind: 'external' } });
    const replay = new SessionReplay(JSON.parse(JSON.stringify(session)));
    replay.run();
    expect(replay.diverged).toBe(false);
  });

  it('asks a ClusterIP Service from a pod it does not select', async () => {
    const store = useKubeloop.getState();
    await store.runKubectl('kubectl create deployment web --image=nginx');
    await store.runKubectl('kubectl expose deployment web --port=80');
    await store.runKubectl('kubectl run client --image=nginx');
    store.cluster.runFor(30_000);
    const target = clusterTarget(store.cluster);
    const [request] = target.kind === 'Cluster' ? target.services : [];
    expect(request).toMatchObject({
      type: 'ClusterIP',
      origin: { kind: 'pod', namespace: 'default', name: 'client' },
      url: 'http://web/',
    });
    const outcome = await runAction(commandOf(target, 'request'));
    expect(outcome.text).toBe('kubectl exec client -- curl -s http://web/');
    expect(outcome.ok).toBe(true);
    expect(outcome.output).toContain('<title>Welcome to nginx!</title>');
  });

  it('sends it from a pod as kubectl exec does: through the API server and kubelet, then DNS and kube-proxy', async () => {
    const store = useKubeloop.getState();
    await store.runKubectl('kubectl create deployment web --image=sysnet4admin/chk-hn');
    await store.runKubectl('kubectl expose deployment web --port=80');
    await store.runKubectl('kubectl run client --image=busybox -- sleep 3600');
    store.cluster.runFor(30_000);
    const target = clusterTarget(store.cluster);
    const [request] = target.kind === 'Cluster' ? target.services : [];
    expect(request).toMatchObject({ client: 'wget', url: 'http://web/' });
    const seen: string[] = [];
    const stop = store.cluster.onHop((hop) => seen.push(`${hop.from} -> ${hop.to}: ${hop.verb}`));
    const outcome = await runAction(commandOf(target, 'request'));
    store.cluster.runFor(1_000);
    stop();
    // busybox has no curl: the request is busybox's wget, and prints what the pod answered.
    expect(outcome.text).toBe('kubectl exec client -- wget -qO- http://web/');
    expect(outcome.output).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    const client = (store.cluster.api.list('pods') as Pod[]).find(
      (p) => p.metadata.name === 'client',
    );
    const node = client?.spec.nodeName ?? '';
    expect(seen).toEqual(
      expect.arrayContaining([
        'kubectl -> kube-apiserver: exec',
        `kube-apiserver -> kubelet@${node}: exec`,
        'pod/client -> coredns: DNS',
        `pod/client -> kube-proxy@${node}: connect`,
      ]),
    );
    expect(seen.some((h) => /^kube-proxy@.* -> pod\/web-.*: DNAT$/.test(h))).toBe(true);
    expect(currentSession().actions.at(-1)).toMatchObject({
      kind: 'kubectl',
      line: 'kubectl exec client -- wget -qO- http://web/',
    });
  });
});
