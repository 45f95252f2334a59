import { describe, expect, it } from 'vitest';
import { createCluster } from '..';
import type { Event, KubeObject } from '../api/types';
import { EventRecorder } from './events';

describe('EventRecorder', () => {
  it('names an event recorded while the clock stands between milliseconds', () => {
    const cluster = createCluster({ seed: 1 });
    cluster.runUntil(cluster.clock.now + 0.5);
    cluster.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web' },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
    });
    cluster.runFor(5_000);
    const events = cluster.api.list('events', 'default');
    expect(events.some((e) => e.metadata.name.startsWith('web.'))).toBe(true);
  });
});

describe('EventRecorder repeats', () => {
  const pod = (name: string, uid: string) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid, resourceVersion: '1' },
    }) as unknown as KubeObject;

  function record(calls: [KubeObject, string, string][]): Event[] {
    const cluster = createCluster({ seed: 1 });
    const recorder = new EventRecorder(cluster.client('tester'), cluster.clock, {
      component: 'tester',
    });
    // Repeats are patches of the event their first write created: let each write land first.
    for (const [obj, reason, message] of calls) {
      recorder.normal(obj, reason, message);
      cluster.runFor(10);
    }
    cluster.runFor(1_000);
    return (cluster.api.list('events', 'default') as Event[]).filter(
      (e) => e.source.component === 'tester',
    );
  }

  it('counts a repeat of the same object, reason and message on the first event', () => {
    const web = pod('web', 'uid-web');
    const events = record([
      [web, 'Pulled', 'Container image "nginx" already present on machine'],
      [web, 'Pulled', 'Container image "nginx" already present on machine'],
      [web, 'Pulled', 'Container image "nginx" already present on machine'],
    ]);
    expect(events.map((e) => [e.reason, e.count])).toEqual([['Pulled', 3]]);
  });

  it('writes a new event for another message, reason or object', () => {
    const web = pod('web', 'uid-web');
    const db = pod('db', 'uid-db');
    const events = record([
      [web, 'Created', 'Created container: web'],
      [web, 'Started', 'Created container: web'],
      [web, 'Created', 'Created container: sidecar'],
      [db, 'Created', 'Created container: web'],
      [web, 'Created', 'Created container: web'],
    ]);
    expect(
      events.map((e) => `${e.involvedObject.name} ${e.reason} ${e.message} x${e.count}`).sort(),
    ).toEqual([
      'db Created Created container: web x1',
      'web Created Created container: sidecar x1',
      'web Created Created container: web x2',
      'web Started Created container: web x1',
    ]);
  });

  it('still finds the repeat among many events of one object (a ReplicaSet’s pods)', () => {
    const rs = pod('web-rs', 'uid-rs');
    const created = Array.from(
      { length: 20 },
      (_, i) => [rs, 'SuccessfulCreate', `Created pod: web-${i}`] as [KubeObject, string, string],
    );
    const events = record([...created, [rs, 'SuccessfulCreate', 'Created pod: web-3']]);
    expect(events).toHaveLength(20);
    expect(events.find((e) => e.message === 'Created pod: web-3')?.count).toBe(2);
  });

  it('forgets the least recently written event past 4096, as client-go’s LRU does', () => {
    const web = pod('web', 'uid-web');
    const calls = Array.from(
      { length: 4097 },
      (_, i) => [web, 'Tick', `tick ${i}`] as [KubeObject, string, string],
    );
    const events = record([...calls, [web, 'Tick', 'tick 0'], [web, 'Tick', 'tick 2']]);
    expect(events.filter((e) => e.message === 'tick 0').map((e) => e.count)).toEqual([1, 1]);
    expect(events.filter((e) => e.message === 'tick 2').map((e) => e.count)).toEqual([2]);
  });

  it('forgets the oldest of one object’s events and keeps its newer ones', () => {
    // 1,400 pods with three events each: the 104 oldest (up to web-34's Created) fall out.
    const calls: [KubeObject, string, string][] = [];
    for (let i = 0; i < 1_400; i++) {
      const p = pod(`web-${i}`, `uid-${i}`);
      for (const reason of ['Pulled', 'Created', 'Started']) calls.push([p, reason, reason]);
    }
    // web-34's new Created pushes out its Started; web-35's Started is still remembered.
    const events = record([
      ...calls,
      [pod('web-34', 'uid-34'), 'Created', 'Created'],
      [pod('web-35', 'uid-35'), 'Started', 'Started'],
    ]);
    const summary = (name: string) =>
      events
        .filter((e) => e.involvedObject.name === name)
        .map((e) => `${e.reason} x${e.count}`)
        .sort();
    expect(summary('web-34')).toEqual(['Created x1', 'Created x1', 'Pulled x1', 'Started x1']);
    expect(summary('web-35')).toEqual(['Created x1', 'Pulled x1', 'Started x2']);
  });
});
