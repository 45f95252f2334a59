import type { ApiServer, FieldRequirement, WatchEventType } from '../apiserver/apiserver';
import { objectKey } from '../api/objects';
import type { KubeObject } from '../api/types';

interface Index<T> {
  keysOf: (obj: T) => string[];
  entries: Map<string, Set<string>>;
}

export interface InformerHandlers<T extends KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(old: T, obj: T): void;
  onDelete?(obj: T): void;
}

/**
 * Informer is client-go's list + watch into a local, read-only cache. Controllers read the cache
 * (never the API server) and react to its handlers; the cache is as fresh as the last watch hop.
 */
export class Informer<T extends KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private readonly indexes = new Map<string, Index<T>>();
  private stopWatch?: () => void;

  constructor(
    private readonly api: ApiServer,
    readonly component: string,
    readonly resource: string,
    private readonly fieldSelector?: FieldRequirement[],
  ) {}

  addHandlers(handlers: InformerHandlers<T>): void {
    this.handlers.push(handlers);
  }

  /**
   * addIndex keeps the cache indexed by keysOf (client-go's Indexer), so a controller finds a
   * ReplicaSet's pods without scanning every pod. Add indexes before start().
   */
  addIndex(name: string, keysOf: (obj: T) => string[]): void {
    if (!this.indexes.has(name)) this.indexes.set(name, { keysOf, entries: new Map() });
  }

  /** byIndex lists the cached objects whose index keys include value, in cache order. */
  byIndex(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.entries.get(value);
    if (!keys) return [];
    const out: T[] = [];
    for (const key of keys) out.push(this.cache.get(key)!);
    return out;
  }

  private index(key: string, old: T | undefined, obj: T | undefined): void {
    for (const index of this.indexes.values()) {
      for (const value of old ? index.keysOf(old) : []) {
        const set = index.entries.get(value);
        set?.delete(key);
        if (set?.size === 0) index.entries.delete(value);
      }
      for (const value of obj ? index.keysOf(obj) : []) {
        let set = index.entries.get(value);
        if (!set) index.entries.set(value, (set = new Set()));
        set.add(key);
      }
    }
  }

  /** start lists the current objects into the cache (no hops: the component was already running) and watches. */
  start(): void {
    for (const obj of this.api.list(this.resource, undefined, this.fieldSelector)) {
      const key = objectKey(obj);
      this.index(key, this.cache.get(key), obj as T);
      this.cache.set(key, obj as T);
    }
    this.stopWatch = this.api.watch(
      { component: this.component, resource: this.resource, fieldSelector: this.fieldSelector },
      (type, obj) => this.apply(type, obj as T),
    );
    for (const obj of this.cache.values()) for (const h of this.handlers) h.onAdd?.(obj);
  }

  stop(): void {
    this.stopWatch?.();
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  get size(): number {
    return this.cache.size;
  }

  private apply(type: WatchEventType, obj: T): void {
    const key = objectKey(obj);
    const old = this.cache.get(key);
    if (type === 'DELETED') {
      this.index(key, old, undefined);
      this.cache.delete(key);
      for (const h of this.handlers) h.onDelete?.(obj);
      return;
    }
    this.index(key, old, obj);
    this.cache.set(key, obj);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(old, obj);
      else h.onAdd?.(obj);
    }
  }
}
