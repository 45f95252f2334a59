import type { Event, KubeObject } from '../api/types';
import { toTimestamp, type Clock } from '../clock';
import type { ApiClient } from './client';

export interface EventSource {
  component: string;
  host?: string;
}

/** client-go's maxLruCacheEntries: how many distinct events a recorder remembers. */
const EVENT_CACHE_SIZE = 4096;

/**
 * EventRecorder writes core/v1 Events as client-go's recorder does: named
 * `<object>.<hex of the nanosecond timestamp>`, in the object's namespace, one request each.
 */
export class EventRecorder {
  private counter = 0;
  /**
   * events already written, by what makes them the same: repeats bump count (EventCorrelator).
   * Like client-go's eventLogger it is an LRU cache of 4096 entries, so it never grows past that.
   */
  private readonly seen = new Map<string, { name: string; namespace: string; count: number }>();

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
    private readonly source: EventSource,
  ) {}

  normal(obj: KubeObject, reason: string, message: string): void {
    this.record(obj, 'Normal', reason, message);
  }

  warning(obj: KubeObject, reason: string, message: string): void {
    this.record(obj, 'Warning', reason, message);
  }

  private record(obj: KubeObject, type: Event['type'], reason: string, message: string): void {
    const now = toTimestamp(this.clock.now);
    const key = `${obj.metadata.uid}|${type}|${reason}|${message}`;
    const previous = this.seen.get(key);
    if (previous) {
      this.seen.delete(key);
      this.seen.set(key, previous);
      previous.count++;
      this.client.request(
        {
          verb: 'patch',
          resource: 'events',
          namespace: previous.namespace,
          name: previous.name,
          patchType: 'merge',
          patch: { count: previous.count, lastTimestamp: now },
        },
        undefined,
        { code: 'event.repeat', args: { reason, count: previous.count } },
      );
      return;
    }
    // The clock may stand between milliseconds (playback advances it by fractions); the name's
    // timestamp, like Go's UnixNano, counts whole milliseconds here and the counter below them.
    const nanos =
      BigInt(Math.floor(this.clock.now)) * 1_000_000n + BigInt(this.counter++ % 1_000_000);
    const namespace = obj.metadata.namespace ?? 'default';
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    this.seen.set(key, { name, namespace, count: 1 });
    if (this.seen.size > EVENT_CACHE_SIZE) this.seen.delete(this.seen.keys().next().value!);
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      source: this.source.host ? { ...this.source } : { component: this.source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    } satisfies Omit<Event, 'metadata'> & { metadata: object };
    this.client.request({ verb: 'create', resource: 'events', namespace, body: event }, undefined, {
      code: 'event',
      args: { reason },
    });
  }
}
