import type { KubeObject } from '../api/types';

/**
 * EtcdStore is a revisioned key-value store shaped like etcd v3: one cluster-wide revision that
 * every write increments, per-key create/mod revisions and versions, compare-and-swap writes, and
 * watches that replay history from a revision. Values are frozen objects (etcd holds bytes; we
 * keep the decoded object so nothing is parsed twice).
 */

export interface KeyValue {
  key: string;
  value: KubeObject;
  createRevision: number;
  modRevision: number;
  version: number;
}

export interface EtcdEvent {
  type: 'PUT' | 'DELETE';
  key: string;
  revision: number;
  /** the value written, or for DELETE the last value before deletion */
  value: KubeObject;
  prevValue?: KubeObject;
}

export type EtcdWatcher = (event: EtcdEvent) => void;

export class EtcdStore {
  private readonly data = new Map<string, KeyValue>();
  private readonly log: EtcdEvent[] = [];
  private readonly historyByKey = new Map<string, EtcdEvent[]>();
  private readonly watchers = new Set<{ prefix: string; fn: EtcdWatcher }>();
  private compactedRevision = 0;
  revision = 1;

  constructor(private readonly keepHistory = true) {}

  get(key: string): KeyValue | undefined {
    return this.data.get(key);
  }

  /** range returns every key under prefix, sorted by key as etcd does. */
  range(prefix: string): KeyValue[] {
    const out: KeyValue[] = [];
    for (const [key, kv] of this.data) if (key.startsWith(prefix)) out.push(kv);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  get size(): number {
    return this.data.size;
  }

  keys(): string[] {
    return [...this.data.keys()].sort();
  }

  /**
   * put writes value when the key's mod revision equals expectModRevision (0 = must not exist,
   * undefined = unconditional). Returns the new KeyValue, or undefined when the compare failed.
   */
  put(key: string, value: KubeObject, expectModRevision?: number): KeyValue | undefined {
    const prev = this.data.get(key);
    if (expectModRevision !== undefined && (prev?.modRevision ?? 0) !== expectModRevision) {
      return undefined;
    }
    const revision = ++this.revision;
    const kv: KeyValue = {
      key,
      value,
      createRevision: prev?.createRevision ?? revision,
      modRevision: revision,
      version: (prev?.version ?? 0) + 1,
    };
    this.data.set(key, kv);
    this.emit({ type: 'PUT', key, revision, value, prevValue: prev?.value });
    return kv;
  }

  /** delete removes key when its mod revision matches (undefined = unconditional). */
  delete(key: string, expectModRevision?: number): KeyValue | undefined {
    const prev = this.data.get(key);
    if (!prev) return undefined;
    if (expectModRevision !== undefined && prev.modRevision !== expectModRevision) return undefined;
    const revision = ++this.revision;
    this.data.delete(key);
    this.emit({ type: 'DELETE', key, revision, value: prev.value, prevValue: prev.value });
    return prev;
  }

  /** historyKeys lists every key with uncompacted history, deleted keys included. */
  historyKeys(): string[] {
    return [...this.historyByKey.keys()].sort();
  }

  /** history lists every write to key that has not been compacted, oldest first. */
  history(key: string): readonly EtcdEvent[] {
    return this.historyByKey.get(key) ?? [];
  }

  /**
   * watch calls fn for every event under prefix with revision >= fromRevision (history first,
   * then live). Returns the cancel function.
   */
  watch(prefix: string, fromRevision: number, fn: EtcdWatcher): () => void {
    if (fromRevision <= this.compactedRevision) {
      throw new Error(`etcdserver: mvcc: required revision has been compacted`);
    }
    for (const event of this.log) {
      if (event.revision >= fromRevision && event.key.startsWith(prefix)) fn(event);
    }
    const watcher = { prefix, fn };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** compact forgets history older than revision, as the API server asks etcd to every 5 minutes. */
  compact(revision: number): void {
    this.compactedRevision = Math.max(this.compactedRevision, revision - 1);
    const keep = (e: EtcdEvent) => e.revision >= revision;
    const firstKept = this.log.findIndex(keep);
    this.log.splice(0, firstKept < 0 ? this.log.length : firstKept);
    for (const [key, events] of this.historyByKey) {
      const kept = events.filter(keep);
      if (kept.length === 0) this.historyByKey.delete(key);
      else this.historyByKey.set(key, kept);
    }
  }

  private emit(event: EtcdEvent): void {
    if (this.keepHistory) {
      this.log.push(event);
      let events = this.historyByKey.get(event.key);
      if (!events) this.historyByKey.set(event.key, (events = []));
      events.push(event);
    }
    for (const watcher of this.watchers) {
      if (event.key.startsWith(watcher.prefix)) watcher.fn(event);
    }
  }
}
