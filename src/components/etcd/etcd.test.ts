import { describe, expect, it } from 'vitest';
import { createCluster, type Hop } from '../../engine';
import { useKubeloop } from '../../state/store';
import { hopChange, keyOfHop } from './hop-change';
import { allKeys, childrenOf, lastSegment } from './key-tree';
import { hunks, lineDiff } from './line-diff';

describe('line diff', () => {
  it('keeps common lines and marks removed and added ones', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'B' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'd' },
    ]);
    expect(lineDiff('', 'x\n')).toEqual([{ op: '+', text: 'x' }]);
  });

  it('shows changes with three lines of context and counts what it hides', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const [hunk, ...rest] = hunks(lineDiff(before, after));
    expect(rest).toEqual([]);
    expect(hunk!.skipped).toBe(7);
    expect(hunk!.lines.map((l) => l.op).join('')).toBe('   -+   ');
    expect(hunks(lineDiff('same\n', 'same\n'))).toEqual([]);
  });
});

describe('etcd key tree', () => {
  const keys = allKeys(
    ['/registry/pods/default/web-1', '/registry/minions/w1-k8s', '/registry/pods/kube-system/dns'],
    ['/registry/pods/default/gone'],
  );

  it('lists folders one level at a time, with key counts', () => {
    const root = childrenOf(keys, '/registry/');
    expect(root.dirs.map((d) => [d.path, d.count])).toEqual([
      ['/registry/minions/', 1],
      ['/registry/pods/', 3],
    ]);
    expect(childrenOf(keys, '/registry/minions/').keys).toEqual(['/registry/minions/w1-k8s']);
    expect(childrenOf(keys, '/registry/pods/default/').keys).toEqual([
      '/registry/pods/default/gone',
      '/registry/pods/default/web-1',
    ]);
    expect(lastSegment('/registry/pods/')).toBe('pods/');
    expect(lastSegment('/registry/pods/default/web-1')).toBe('web-1');
  });
});

const replicasOf = (object: unknown) => (object as { spec: { replicas: number } }).spec.replicas;

describe('what a hop changed in etcd', () => {
  it('finds the before and after of a scale, from the request, the write and the watch event', async () => {
    const store = useKubeloop.getState();
    store.reset();
    await store.applyManifest(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
    );
    useKubeloop.getState().stepToQuiet();
    const from = useKubeloop.getState().cluster.hops.count;
    await useKubeloop.getState().runKubectl('kubectl scale deployment web --replicas=2');
    useKubeloop.getState().stepToQuiet();
    const cluster = useKubeloop.getState().cluster;
    const hops = cluster.hops.all().slice(from);
    const isWeb = (hop: Hop) => hop.object.kind === 'Deployment' && hop.object.name === 'web';
    const request = hops.find((h) => isWeb(h) && h.channel === 'request')!;
    const write = hops.find((h) => isWeb(h) && h.channel === 'storage')!;
    expect(keyOfHop(write)).toBe('/registry/deployments/default/web');
    expect(keyOfHop(request)).toBe('/registry/deployments/default/web');
    const watch = hops.find(
      (h) => isWeb(h) && h.channel === 'watch' && h.revision === write.revision,
    )!;
    expect(watch.verb).toBe('MODIFIED');
    for (const hop of [request, write, watch]) {
      const change = hopChange(cluster, hop)!;
      expect(change.revision).toBe(write.revision);
      expect(change.known).toBe(true);
      expect(replicasOf(change.before)).toBe(1);
      expect(replicasOf(change.after)).toBe(2);
    }
  });

  it('says a create had no value before, and touches nothing for a CRI call', () => {
    const cluster = createCluster({ seed: 1, preset: 'kubeadm' });
    cluster.api.submit('kubectl', {
      verb: 'create',
      resource: 'configmaps',
      namespace: 'default',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } },
    } as never);
    cluster.runUntilIdle();
    const write = cluster.hops.all().find((h) => h.channel === 'storage' && h.object.name === 'c')!;
    expect(hopChange(cluster, write)).toMatchObject({
      key: '/registry/configmaps/default/c',
      before: undefined,
      known: true,
    });
    const cri = { ...write, channel: 'cri' as const, detail: 'nginx' };
    expect(hopChange(cluster, cri)).toBeUndefined();
  });
});
