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
/** One event a recorder has written, with what makes a repeat the same event. */
interface SeenEvent {
  uid: string;
  type: Event['type'];
  reason: string;
  message: string;
  name: string;
  namespace: string;
  count: number;
}

/** How many distinct messages internMessage remembers before it starts over. */
const MESSAGES_KEPT = 1024;
const recentMessages = new Map<string, string>();

/**
 * internMessage returns one string for equal messages: every pod on every node records
 * `Container image "nginx:1.27" already present on machine`, and each event keeps its message.
 */
function internMessage(message: string): string {
  const known = recentMessages.get(message);
  if (known !== undefined) return known;
  if (recentMessages.size >= MESSAGES_KEPT) recentMessages.clear();
  recentMessages.set(message, message);
  return message;
}

/**
 * An object's remembered events: a short list, or by message once it has many (a ReplicaSet's
 * `Created pod: ...` for each of its pods).
 */
type FiledEvents = SeenEvent[] | Map<string, SeenEvent[]>;

/** How many events an object's list holds before they are filed by message. */
const LISTED_EVENTS = 8;

export class EventRecorder {
  private counter = 0;
  /**
   * events already written, by their object's uid: a repeat (same type, reason and message)
   * bumps count (EventCorrelator). Filed under strings the object and the event already hold,
   * so remembering an event costs no key string of its own.
   */
  private readonly seen = new Map<string, FiledEvents>();
  /**
   * the same events, least recently written first: like client-go's eventLogger this is an LRU
   * cache of 4096 entries, so it never grows past that.
   */
  private readonly recency = new Set<SeenEvent>();
  /** the event source, built once: every event the recorder writes names it */
  private readonly eventSource: EventSource;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
    private readonly source: EventSource,
  ) {
    this.eventSource = Object.freeze(source.host ? { ...source } : { component: source.component });
  }

  normal(obj: KubeObject, reason: string, message: string): void {
    this.record(obj, 'Normal', reason, message);
  }

  warning(obj: KubeObject, reason: string, message: string): void {
    this.record(obj, 'Warning', reason, message);
  }

  private record(obj: KubeObject, type: Event['type'], reason: string, message: string): void {
    const now = toTimestamp(this.clock.now);
    const uid = obj.metadata.uid;
    const filed = this.seen.get(uid);
    const previous = (filed instanceof Map ? filed.get(message) : filed)?.find(
      (e) => e.message === message && e.type === type && e.reason === reason,
    );
    if (previous) {
      this.recency.delete(previous);
      this.recency.add(previous);
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
    message = internMessage(message);
    this.remember({ uid, type, reason, message, name, namespace, count: 1 });
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
      source: this.eventSource,
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

  /** remember files a newly written event, forgetting the least recently written past 4096. */
  private remember(event: SeenEvent): void {
    const filed = this.seen.get(event.uid);
    if (!filed) this.seen.set(event.uid, [event]);
    else if (filed instanceof Map) fileByMessage(filed, event);
    else if (filed.push(event) > LISTED_EVENTS) {
      const byMessage = new Map<string, SeenEvent[]>();
      for (const e of filed) fileByMessage(byMessage, e);
      this.seen.set(event.uid, byMessage);
    }
    this.recency.add(event);
    if (this.recency.size > EVENT_CACHE_SIZE) this.forget(this.recency.values().next().value!);
  }

  private forget(event: SeenEvent): void {
    this.recency.delete(event);
    const filed = this.seen.get(event.uid)!;
    const list = filed instanceof Map ? filed.get(event.message)! : filed;
    list.splice(list.indexOf(event), 1);
    if (filed instanceof Map && list.length === 0) filed.delete(event.message);
    if ((filed instanceof Map ? filed.size : filed.length) === 0) this.seen.delete(event.uid);
  }
}

function fileByMessage(byMessage: Map<string, SeenEvent[]>, event: SeenEvent): void {
  const list = byMessage.get(event.message);
  if (list) list.push(event);
  else byMessage.set(event.message, [event]);
}
