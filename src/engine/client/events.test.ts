import { describe, expect, it } from 'vitest';
import { createCluster } from '..';

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
