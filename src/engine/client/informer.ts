import type { ApiServer, FieldRequirement, WatchEventType } from '../apiserver/apiserver';
import { objectKey } from '../api/objects';
import type { KubeObject } from '../api/types';

interface Index<T> {
  name: string;
  keysOf: (obj: T) => string[];
  /** per index key, the objects filed under it by cache key (so a lookup needs no cache reads) */
  entries: Map<string, Map<string, T>>;
}

export interface InformerHandlers<T extends KubeObject> {
  onAdd?(obj: T): void;
  onUpdate?(old: T, obj: T): void;
  onDelete?(obj: T): void;
}

const NO_KEYS: string[] = [];

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Informer is client-go's list + watch into a local, read-only cache. Controllers read the cache
 * (never the API server) and react to its handlers; the cache is as fresh as the last watch hop.
 */
export class Informer<T extends KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  /** a list, not a map: a few at most, and most of the cluster's thousands of informers have none */
  private readonly indexes: Index<T>[] = [];
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
    if (!this.indexes.some((index) => index.name === name))
      this.indexes.push({ name, keysOf, entries: new Map() });
  }

  /** byIndex lists the cached objects whose index keys include value, in the order last filed. */
  byIndex(name: string, value: string): T[] {
    const filed = this.indexes.find((index) => index.name === name)?.entries.get(value);
    return filed ? [...filed.values()] : [];
  }

  /**
   * index refiles the object cached under key, old (undefined if new) as obj (undefined if
   * deleted). Where old was filed is asked of old itself, rather than remembered per object.
   */
  private index(key: string, old: T | undefined, obj: T | undefined): void {
    for (const index of this.indexes) {
      const before = old ? index.keysOf(old) : NO_KEYS;
      const after = obj ? index.keysOf(obj) : NO_KEYS;
      // Most updates (status, a condition) leave an object's index keys as they were: the
      // object only moves to the end of its entries, as a re-add would put it.
      if (sameKeys(before, after)) {
        for (const value of after) {
          const filed = index.entries.get(value)!;
          filed.delete(key);
          filed.set(key, obj!);
        }
        continue;
      }
      for (const value of before) {
        const filed = index.entries.get(value);
        filed?.delete(key);
        if (filed?.size === 0) index.entries.delete(value);
      }
      for (const value of after) {
        let filed = index.entries.get(value);
        if (!filed) index.entries.set(value, (filed = new Map()));
        filed.set(key, obj!);
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
      (type, obj, key) => this.apply(type, obj as T, key),
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

  private apply(type: WatchEventType, obj: T, key: string): void {
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
