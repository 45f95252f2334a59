import { isPodTerminal } from '../../api/pod';
import {
  PV_PROTECTION,
  PVC_PROTECTION,
  type PersistentVolume,
  type PersistentVolumeClaim,
} from '../../api/storage-types';
import type { KubeObject, Pod } from '../../api/types';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { ControllerContext } from '../context';

/**
 * StorageProtectionController is the pvc-protection and pv-protection controllers: a deleted
 * claim stays Terminating while a pod still uses it, and a deleted volume while it is Bound;
 * once nothing does, the finalizer comes off and the object goes.
 */
export class StorageProtectionController {
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly volumes: Informer<PersistentVolume>;
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.claims = ctx.persistentVolumeClaims;
    this.volumes = ctx.persistentVolumes;
    const claimKey = (pvc: PersistentVolumeClaim) =>
      `pvc:${pvc.metadata.namespace}/${pvc.metadata.name}`;
    this.claims.addHandlers({
      onAdd: (pvc) => this.queue.add(claimKey(pvc)),
      onUpdate: (_o, pvc) => this.queue.add(claimKey(pvc)),
    });
    const volumeKey = (pv: PersistentVolume) => `pv:${pv.metadata.name}`;
    this.volumes.addHandlers({
      onAdd: (pv) => this.queue.add(volumeKey(pv)),
      onUpdate: (_o, pv) => this.queue.add(volumeKey(pv)),
    });
    // A pod that stops or goes may have been what held a terminating claim.
    const podGone = (pod: Pod) => {
      for (const v of pod.spec.volumes ?? [])
        if (v.persistentVolumeClaim)
          this.queue.add(`pvc:${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
    };
    ctx.pods.addHandlers({
      onDelete: podGone,
      onUpdate: (_o, pod) => {
        if (isPodTerminal(pod)) podGone(pod);
      },
    });
  }

  private sync(key: string): void {
    const [kind, name] = key.split(/:(.*)/s, 2) as [string, string];
    if (kind === 'pvc') {
      const pvc = this.claims.get(name);
      if (!pvc?.metadata.deletionTimestamp || this.inUse(pvc)) return;
      this.release('persistentvolumeclaims', pvc, PVC_PROTECTION);
    } else {
      const pv = this.volumes.get(name);
      if (!pv?.metadata.deletionTimestamp || pv.status?.phase === 'Bound') return;
      this.release('persistentvolumes', pv, PV_PROTECTION);
    }
  }

  /** inUse: a pod that has not finished mounts the claim. */
  private inUse(pvc: PersistentVolumeClaim): boolean {
    return this.ctx.pods
      .list()
      .some(
        (pod) =>
          pod.metadata.namespace === pvc.metadata.namespace &&
          !isPodTerminal(pod) &&
          (pod.spec.volumes ?? []).some(
            (v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name,
          ),
      );
  }

  private release(resource: string, obj: KubeObject, finalizer: string): void {
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    this.ctx.client.request({
      verb: 'patch',
      resource,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      patchType: 'merge',
      patch: {
        metadata: {
          finalizers: finalizers.filter((f) => f !== finalizer),
          resourceVersion: obj.metadata.resourceVersion,
        },
      },
    });
  }
}
