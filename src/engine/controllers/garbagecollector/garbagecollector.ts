import type { Informer } from '../../client/informer';
import type { KubeObject, OwnerReference } from '../../api/types';
import { objectKey } from '../../api/objects';
import { resourceForKind } from '../../apiserver/resources';
import { WorkQueue } from '../../client/workqueue';
import { ControllerContext } from '../context';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

/**
 * GarbageCollector deletes objects whose owners are gone (pkg/controller/garbagecollector).
 * Background deletion removes the owner first and its dependents after; foreground keeps the
 * owner (finalizer `foregroundDeletion`) until its blocking dependents are gone; orphan strips the
 * ownerReferences from dependents and lets them live.
 */
export class GarbageCollector {
  private readonly queue: WorkQueue;
  private readonly informers: Informer<KubeObject>[];
  /** the informer holding each kind (null: none), looked up once per kind rather than per call */
  private readonly informerByKind = new Map<string, Informer<KubeObject> | null>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.process(key));
    this.informers = ctx.ownerAwareInformers();
    for (const informer of this.informers) {
      informer.addHandlers({
        onAdd: (obj) => this.enqueue(obj),
        // As the graph builder: an update matters only when it changes the object's owners or
        // finds it finalizing; a status write is not a reason to look at its owners again.
        onUpdate: (old, obj) => {
          if (this.finalizing(obj) || !sameOwners(old, obj)) this.enqueue(obj);
        },
        onDelete: (obj) => {
          for (const dependent of this.dependentsOf(obj)) this.enqueue(dependent);
          // An owner deleting in the foreground waits for this dependent: look at it again.
          for (const ref of obj.metadata.ownerReferences ?? []) {
            const owner = this.find(ref.kind, obj.metadata.namespace, ref.name);
            if (owner) this.enqueue(owner);
          }
        },
      });
    }
  }

  private enqueue(obj: KubeObject): void {
    const hasOwners = (obj.metadata.ownerReferences ?? []).length > 0;
    if (hasOwners || this.finalizing(obj)) this.queue.add(`${obj.kind}|${objectKey(obj)}`);
  }

  /** finalizing: deleted, waiting for the collector to orphan or delete its dependents */
  private finalizing(obj: KubeObject): boolean {
    return obj.metadata.deletionTimestamp !== undefined && this.gcFinalizer(obj) !== undefined;
  }

  private find(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.informerFor(kind)?.get(namespace ? `${namespace}/${name}` : name);
  }

  private informerFor(kind: string): Informer<KubeObject> | null {
    let informer = this.informerByKind.get(kind);
    if (informer === undefined) {
      const resource = resourceForKind(kind)?.resource;
      // Nodes own the mirror pods of their static pods.
      informer =
        resource === 'nodes'
          ? (this.ctx.nodes as unknown as Informer<KubeObject>)
          : (this.informers.find((i) => i.resource === resource) ?? null);
      this.informerByKind.set(kind, informer);
    }
    return informer;
  }

  private dependentsOf(owner: KubeObject): KubeObject[] {
    return this.informers.flatMap((informer) =>
      informer.byIndex(ControllerContext.BY_OWNER, owner.metadata.uid),
    );
  }

  private gcFinalizer(obj: KubeObject): string | undefined {
    return obj.metadata.finalizers?.find((f) => f === FOREGROUND || f === ORPHAN);
  }

  /** process looks at one `<kind>|<cache key>` queued by enqueue. */
  private process(key: string): void {
    const bar = key.indexOf('|');
    const obj = this.informerFor(key.slice(0, bar))?.get(key.slice(bar + 1));
    if (!obj) return;
    if (obj.metadata.deletionTimestamp !== undefined) {
      const finalizer = this.gcFinalizer(obj);
      if (finalizer === ORPHAN) return this.orphanDependents(obj);
      if (finalizer === FOREGROUND) return this.deleteDependentsFirst(obj);
    }
    const refs = obj.metadata.ownerReferences ?? [];
    const namespace = obj.metadata.namespace;
    let alive = 0;
    for (const ref of refs) if (this.ownerExists(ref, namespace)) alive++;
    if (alive === refs.length) {
      const waitingOwner = refs.find((ref) => {
        const owner = this.find(ref.kind, obj.metadata.namespace, ref.name);
        return owner?.metadata.finalizers?.includes(FOREGROUND) && ref.blockOwnerDeletion;
      });
      if (waitingOwner && obj.metadata.deletionTimestamp === undefined)
        this.deleteObject(obj, 'Foreground');
      return;
    }
    if (alive === 0) {
      this.deleteObject(obj, 'Background');
    } else {
      this.patchOwners(
        obj,
        refs.filter((ref) => this.ownerExists(ref, namespace)),
      );
    }
  }

  private ownerExists(ref: OwnerReference, namespace: string | undefined): boolean {
    const info = resourceForKind(ref.kind);
    const owner = this.find(ref.kind, info?.namespaced ? namespace : undefined, ref.name);
    return owner !== undefined && owner.metadata.uid === ref.uid;
  }

  private deleteObject(obj: KubeObject, propagationPolicy: 'Background' | 'Foreground'): void {
    const info = resourceForKind(obj.kind)!;
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: info.resource,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        propagationPolicy,
        preconditionUid: obj.metadata.uid,
      },
      undefined,
      { code: 'gc.delete', args: { kind: obj.kind, name: obj.metadata.name } },
    );
  }

  private patchOwners(obj: KubeObject, owners: OwnerReference[]): void {
    const info = resourceForKind(obj.kind)!;
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: info.resource,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        patchType: 'merge',
        patch: { metadata: { ownerReferences: owners } },
      },
      undefined,
      { code: 'gc.orphan', args: { kind: obj.kind, name: obj.metadata.name } },
    );
  }

  private removeFinalizer(obj: KubeObject, finalizer: string): void {
    const info = resourceForKind(obj.kind)!;
    const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: info.resource,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        patchType: 'merge',
        patch: { metadata: { finalizers: finalizers.length > 0 ? finalizers : null } },
      },
      undefined,
      { code: 'gc.finalize', args: { kind: obj.kind, name: obj.metadata.name, finalizer } },
    );
  }

  private orphanDependents(owner: KubeObject): void {
    for (const dependent of this.dependentsOf(owner)) {
      const rest = (dependent.metadata.ownerReferences ?? []).filter(
        (r) => r.uid !== owner.metadata.uid,
      );
      this.patchOwners(dependent, rest);
    }
    this.removeFinalizer(owner, ORPHAN);
  }

  private deleteDependentsFirst(owner: KubeObject): void {
    const blocking = this.dependentsOf(owner).filter((d) =>
      d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion),
    );
    if (blocking.length === 0) {
      this.removeFinalizer(owner, FOREGROUND);
      return;
    }
    for (const dependent of blocking) {
      if (dependent.metadata.deletionTimestamp === undefined)
        this.deleteObject(dependent, 'Foreground');
    }
  }
}

/** sameOwners tells whether an update left the object's ownerReferences as they were. */
function sameOwners(old: KubeObject, obj: KubeObject): boolean {
  const before = old.metadata.ownerReferences ?? [];
  const after = obj.metadata.ownerReferences ?? [];
  if (before === after) return true;
  if (before.length !== after.length) return false;
  return before.every((ref, i) => {
    const other = after[i]!;
    return (
      ref.uid === other.uid &&
      ref.kind === other.kind &&
      ref.name === other.name &&
      ref.apiVersion === other.apiVersion &&
      ref.controller === other.controller &&
      ref.blockOwnerDeletion === other.blockOwnerDeletion
    );
  });
}
