import type { Event } from '../../engine';
import { age } from '../../kubectl/printers/age';

export interface EventRow {
  key: string;
  type: string;
  reason: string;
  /** "5s", or "12s (x3 over 2m)" for a repeated event, as kubectl describe prints it */
  age: string;
  from: string;
  message: string;
}

/**
 * eventRowsFor lists the events about an object, oldest first (kubectl describe's table). uids
 * holds the object's uid, and for a node also its name: the kubelet records node events with the
 * node's name as uid, and kubectl describe node looks under both.
 */
export function eventRowsFor(
  events: readonly Event[],
  uids: readonly string[],
  now: number,
): EventRow[] {
  return events
    .filter((e) => e.involvedObject?.uid !== undefined && uids.includes(e.involvedObject.uid))
    .sort((a, b) => Date.parse(a.lastTimestamp) - Date.parse(b.lastTimestamp))
    .map((e) => {
      const first = age(e.firstTimestamp || e.eventTime, now);
      return {
        key: e.metadata.uid,
        type: e.type,
        reason: e.reason,
        age: e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first,
        from: e.source?.component || e.reportingComponent,
        message: e.message.trim(),
      };
    });
}
