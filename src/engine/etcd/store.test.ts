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
