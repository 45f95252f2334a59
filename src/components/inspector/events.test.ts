import { describe, expect, it } from 'vitest';
import type { Event } from '../../engine';
import { eventRowsFor } from './events';

const NOW = Date.UTC(2026, 0, 5, 9, 5, 0);
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000', '');

function event(uid: string, reason: string, first: number, last: number, count: number): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: reason,
      uid: `${uid}-${reason}`,
      resourceVersion: '1',
      creationTimestamp: ago(first),
    },
    involvedObject: { kind: 'Pod', name: 'web', uid },
    reason,
    message: `${reason} happened `,
    source: { component: 'kubelet' },
    firstTimestamp: ago(first),
    lastTimestamp: ago(last),
    count,
    type: reason === 'BackOff' ? 'Warning' : 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'w1-k8s',
  };
}

describe('eventRowsFor', () => {
  it('keeps the object’s events, oldest first, with kubectl’s "(xN over ...)"', () => {
    const rows = eventRowsFor(
      [
        event('pod-1', 'BackOff', 150, 12, 3),
        event('pod-2', 'Pulled', 30, 30, 1),
        event('pod-1', 'Scheduled', 200, 200, 1),
      ],
      ['pod-1'],
      NOW,
    );
    expect(rows.map((r) => [r.type, r.reason, r.age, r.from, r.message])).toEqual([
      ['Normal', 'Scheduled', '3m20s', 'kubelet', 'Scheduled happened'],
      ['Warning', 'BackOff', '12s (x3 over 2m30s)', 'kubelet', 'BackOff happened'],
    ]);
  });
});
