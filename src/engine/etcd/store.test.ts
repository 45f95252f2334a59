import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { EtcdStore } from './store';

const obj = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, uid: name, resourceVersion: '', creationTimestamp: '' },
});

describe('EtcdStore', () => {
  it('increments one cluster-wide revision per write and tracks per-key versions', () => {
    const etcd = new EtcdStore();
    const start = etcd.revision;
    const a = etcd.put('/registry/pods/default/a', obj('a'))!;
    const b = etcd.put('/registry/pods/default/b', obj('b'))!;
    const a2 = etcd.put('/registry/pods/default/a', obj('a'))!;
    expect([a.modRevision, b.modRevision, a2.modRevision]).toEqual([
      start + 1,
      start + 2,
      start + 3,
    ]);
    expect(a2.createRevision).toBe(a.modRevision);
    expect(a2.version).toBe(2);
  });

  it.each([
    { name: 'create when absent', expect: 0, exists: false, ok: true },
    { name: 'create when present', expect: 0, exists: true, ok: false },
    { name: 'update at the right revision', expect: 'current', exists: true, ok: true },
    { name: 'update at a stale revision', expect: 1, exists: true, ok: false },
  ] as const)('compare-and-swap: $name', ({ expect: expected, exists, ok }) => {
    const etcd = new EtcdStore();
    const key = '/registry/pods/default/x';
    const current = exists ? etcd.put(key, obj('x'))! : undefined;
    const rev = expected === 'current' ? current!.modRevision : expected;
    expect(etcd.put(key, obj('x'), rev) !== undefined).toBe(ok);
  });

  it('ranges in key order across directories, into names, and after deletes', () => {
    const etcd = new EtcdStore(false);
    const keys = [
      '/registry/pods/kube-system/b',
      '/registry/pods/default/web-2',
      '/registry/pods/default/api',
      '/registry/pods/default/web-1',
      '/registry/pods/default-x/a',
      '/registry/services/specs/default/web',
      '/registry/namespaces/default',
    ];
    for (const key of keys) etcd.put(key, obj(key));
    const range = (prefix: string) => etcd.range(prefix).map((kv) => kv.key);
    const scan = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).sort();
    for (const prefix of [
      '/registry/pods/',
      '/registry/pods/default/',
      '/registry/pods/default',
      '/registry/pods/default/web',
      '/registry/namespaces/def',
      '/registry/namespaces/x',
      '/registry/',
      '',
    ])
      expect(range(prefix)).toEqual(scan(prefix));
    etcd.delete('/registry/pods/default/api');
    etcd.put('/registry/pods/default/aaa', obj('aaa'));
    etcd.delete('/registry/pods/kube-system/b');
    expect(range('/registry/pods/')).toEqual([
      '/registry/pods/default-x/a',
      '/registry/pods/default/aaa',
      '/registry/pods/default/web-1',
      '/registry/pods/default/web-2',
    ]);
    expect(range('/registry/pods/kube-system/')).toEqual([]);
  });

  it('keeps per-key history and replays watches from a revision', () => {
    const etcd = new EtcdStore();
    const key = '/registry/pods/default/a';
    const first = etcd.put(key, obj('a'))!;
    etcd.put('/registry/minions/n1', obj('n1'));
    etcd.delete(key);
    expect(etcd.history(key).map((e) => e.type)).toEqual(['PUT', 'DELETE']);
    const seen: string[] = [];
    etcd.watch('/registry/pods/', first.modRevision, (e) => seen.push(`${e.type} ${e.key}`));
    etcd.put('/registry/pods/default/b', obj('b'));
    expect(seen).toEqual([
      'PUT /registry/pods/default/a',
      'DELETE /registry/pods/default/a',
      'PUT /registry/pods/default/b',
    ]);
  });

  it('refuses a watch from a compacted revision', () => {
    const etcd = new EtcdStore();
    etcd.put('/registry/pods/default/a', obj('a'));
    const r = etcd.put('/registry/pods/default/a', obj('a'))!.modRevision;
    etcd.compact(r);
    expect(() => etcd.watch('/registry/', r - 1, () => {})).toThrow(/compacted/);
    expect(etcd.history('/registry/pods/default/a')).toHaveLength(1);
  });
});
