import { describe, expect, it } from 'vitest';
import type { ApiServer, WatchHandler } from '../apiserver/apiserver';
import type { Pod } from '../api/types';
import { Informer } from './informer';

/** A fake API server: nothing to list, and the informer's watch handler to feed events into. */
function watched(): { informer: Informer<Pod>; send: WatchHandler } {
  let send: WatchHandler = () => {};
  const api = {
    list: () => [],
    watch: (_: unknown, handler: WatchHandler) => {
      send = handler;
      return () => {};
    },
  } as unknown as ApiServer;
  const informer = new Informer<Pod>(api, 'test', 'pods');
  informer.addIndex('node', (pod) => (pod.spec.nodeName ? [pod.spec.nodeName] : []));
  informer.start();
  return { informer, send: (type, obj, key) => send(type, obj, key) };
}

function pod(name: string, nodeName?: string, phase = 'Pending'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [], nodeName },
    status: { phase },
  } as unknown as Pod;
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('Informer indexes', () => {
  it('files an object under its keys, moves it when they change, and drops it on delete', () => {
    const { informer, send } = watched();
    send('ADDED', pod('a'), 'default/a');
    send('ADDED', pod('b', 'w1'), 'default/b');
    expect(names(informer.byIndex('node', 'w1'))).toEqual(['b']);
    send('MODIFIED', pod('a', 'w1'), 'default/a');
    send('MODIFIED', pod('b', 'w2'), 'default/b');
    expect(names(informer.byIndex('node', 'w1'))).toEqual(['a']);
    expect(names(informer.byIndex('node', 'w2'))).toEqual(['b']);
    send('DELETED', pod('b', 'w2'), 'default/b');
    expect(informer.byIndex('node', 'w2')).toEqual([]);
    expect(informer.get('default/b')).toBeUndefined();
  });

  it('moves an updated object to the end of its entries, as a re-add would', () => {
    const { informer, send } = watched();
    for (const name of ['a', 'b', 'c']) send('ADDED', pod(name, 'w1'), `default/${name}`);
    send('MODIFIED', pod('a', 'w1', 'Running'), 'default/a');
    const filed = informer.byIndex('node', 'w1');
    expect(names(filed)).toEqual(['b', 'c', 'a']);
    expect(filed[2]!.status.phase).toBe('Running');
  });
});
