import type { Event, KubeObject } from '../api/types';
import { toTimestamp, type Clock } from '../clock';
import type { ApiClient } from './client';

export interface EventSource {
  component: string;
  host?: string;
}

/** client-go's maxLruCacheEntries: how many distinct events a recorder remembers. */
const EVENT_CACHE_SIZE = 4096;

/** One event a recorder has written, with what makes a repeat the same event. */
interface SeenEvent {
  uid: string;
  type: Event['type'];
  reason: string;
  message: string;
  name: string;
  namespace: string;
  count: number;
  /** the next event filed under the same object (or the same object and message) */
  sibling: SeenEvent | undefined;
  /** neighbours in the recorder's least-recently-written order */
  older: SeenEvent | undefined;
  newer: SeenEvent | undefined;
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
 * An object's remembered events: a short chain through `sibling`, or chains by message once it
 * has many (a ReplicaSet's `Created pod: ...` for each of its pods).
 */
type FiledEvents = SeenEvent | Map<string, SeenEvent>;

/** How many events an object's chain holds before they are filed by message. */
const CHAINED_EVENTS = 8;

/**
 * EventRecorder writes core/v1 Events as client-go's recorder does: named
 * `<object>.<hex of the nanosecond timestamp>`, in the object's namespace, one request each.
 */
export class EventRecorder {
  private counter = 0;
  /**
   * events already written, by their object's uid: a repeat (same type, reason and message)
   * bumps count (EventCorrelator). Filed under strings the object and the event already hold,
   * so remembering an event costs no key string of its own.
   */
  private readonly seen = new Map<string, FiledEvents>();
  /**
   * the same events linked from least to most recently written: like client-go's eventLogger
   * this is an LRU cache of 4096 entries, so it never grows past that.
   */
  private oldest: SeenEvent | undefined;
  private newest: SeenEvent | undefined;
  private remembered = 0;
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
    const previous = this.find(uid, type, reason, message);
    if (previous) {
      this.unlinkRecency(previous);
      this.linkNewest(previous);
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
    this.remember({
      uid,
      type,
      reason,
      message,
      name,
      namespace,
      count: 1,
      sibling: undefined,
      older: undefined,
      newer: undefined,
    });
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

  private find(
    uid: string,
    type: Event['type'],
    reason: string,
    message: string,
  ): SeenEvent | undefined {
    const filed = this.seen.get(uid);
    let e = filed instanceof Map ? filed.get(message) : filed;
    for (; e; e = e.sibling)
      if (e.message === message && e.type === type && e.reason === reason) break;
    return e;
  }

  /** remember files a newly written event, forgetting the least recently written past 4096. */
  private remember(event: SeenEvent): void {
    const filed = this.seen.get(event.uid);
    if (filed instanceof Map) {
      event.sibling = filed.get(event.message);
      filed.set(event.message, event);
    } else {
      event.sibling = filed;
      this.seen.set(event.uid, chainLength(event) > CHAINED_EVENTS ? byMessage(event) : event);
    }
    this.linkNewest(event);
    if (++this.remembered > EVENT_CACHE_SIZE) this.forget(this.oldest!);
  }

  private forget(event: SeenEvent): void {
    this.unlinkRecency(event);
    this.remembered--;
    const filed = this.seen.get(event.uid)!;
    const chain = withoutEvent(filed instanceof Map ? filed.get(event.message)! : filed, event);
    if (!(filed instanceof Map)) {
      if (chain) this.seen.set(event.uid, chain);
      else this.seen.delete(event.uid);
    } else if (chain) {
      filed.set(event.message, chain);
    } else {
      filed.delete(event.message);
      if (filed.size === 0) this.seen.delete(event.uid);
    }
  }

  private linkNewest(event: SeenEvent): void {
    event.older = this.newest;
    event.newer = undefined;
    if (this.newest) this.newest.newer = event;
    else this.oldest = event;
    this.newest = event;
  }

  private unlinkRecency(event: SeenEvent): void {
    if (event.older) event.older.newer = event.newer;
    else this.oldest = event.newer;
    if (event.newer) event.newer.older = event.older;
    else this.newest = event.older;
  }
}

function chainLength(head: SeenEvent): number {
  let n = 0;
  for (let e: SeenEvent | undefined = head; e; e = e.sibling) n++;
  return n;
}

/** byMessage refiles a chain of one object's events as chains by message. */
function byMessage(head: SeenEvent): Map<string, SeenEvent> {
  const filed = new Map<string, SeenEvent>();
  for (let e: SeenEvent | undefined = head; e;) {
    const next: SeenEvent | undefined = e.sibling;
    e.sibling = filed.get(e.message);
    filed.set(e.message, e);
    e = next;
  }
  return filed;
}

/** withoutEvent unlinks event from the chain starting at head and returns the chain's new head. */
function withoutEvent(head: SeenEvent, event: SeenEvent): SeenEvent | undefined {
  if (head === event) return event.sibling;
  let e = head;
  while (e.sibling !== event) e = e.sibling!;
  e.sibling = event.sibling;
  return head;
}
