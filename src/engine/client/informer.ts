import type { ApiServer, FieldRequirement, WatchEventType } from '../apiserver/apiserver';
import { objectKey } from '../api/objects';
import type { KubeObject } from '../api/types';

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

  /** start lists the current objects into the cache (no hops: the component was already running) and watches. */
  start(): void {
    for (const obj of this.api.list(this.resource, undefined, this.fieldSelector)) {
      this.cache.set(objectKey(obj), obj as T);
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
      this.cache.delete(key);
      for (const h of this.handlers) h.onDelete?.(obj);
      return;
    }
    this.cache.set(key, obj);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(old, obj);
      else h.onAdd?.(obj);
    }
  }
}
