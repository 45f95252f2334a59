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

/** The keys of one directory (a key up to its last `/`), sorted on demand for range. */
interface Directory {
  keys: Set<string>;
  sorted?: string[];
}

function directoryOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** firstAtLeast is the index of the first sorted name not below value (binary search). */
function firstAtLeast(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class EtcdStore {
  private readonly data = new Map<string, KeyValue>();
  /**
   * Keys by directory (`/registry/pods/default/`): admission and authorization range over one
   * small directory on every request, which must not cost a scan of every key in the store.
   */
  private readonly directories = new Map<string, Directory>();
  /** the directories' names, sorted; rebuilt when one is created or emptied */
  private directoryNames?: string[];
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
    const keys: string[] = [];
    let whole = 0;
    let partial = false;
    // Directories under the prefix are a run of the sorted names.
    const names = (this.directoryNames ??= [...this.directories.keys()].sort(byKey));
    for (let i = firstAtLeast(names, prefix); i < names.length; i++) {
      if (!names[i]!.startsWith(prefix)) break;
      const dir = this.directories.get(names[i]!)!;
      dir.sorted ??= [...dir.keys].sort(byKey);
      for (const key of dir.sorted) keys.push(key);
      whole++;
    }
    // A prefix that reaches into names (`/registry/pods/default/web-`) matches some keys of the
    // directories above it. One that ends in `/` cannot: a key's name holds no `/`.
    const partialFrom = prefix.endsWith('/') ? -1 : prefix.indexOf('/');
    for (let end = partialFrom; end >= 0; end = prefix.indexOf('/', end + 1)) {
      const name = prefix.slice(0, end + 1);
      const dir = name === prefix ? undefined : this.directories.get(name);
      if (!dir) continue;
      for (const key of dir.keys) if (key.startsWith(prefix)) keys.push(key);
      partial = true;
    }
    // One whole directory is already in order; anything else is merged by sorting.
    if (partial || whole > 1) keys.sort(byKey);
    return keys.map((key) => this.data.get(key)!);
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
    if (!prev) this.index(key);
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
    this.unindex(key);
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

  private index(key: string): void {
    const name = directoryOf(key);
    let dir = this.directories.get(name);
    if (!dir) {
      this.directories.set(name, (dir = { keys: new Set() }));
      this.directoryNames = undefined;
    }
    dir.keys.add(key);
    dir.sorted = undefined;
  }

  private unindex(key: string): void {
    const name = directoryOf(key);
    const dir = this.directories.get(name)!;
    dir.keys.delete(key);
    dir.sorted = undefined;
    if (dir.keys.size === 0) {
      this.directories.delete(name);
      this.directoryNames = undefined;
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
