import type {
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../api/storage-types';
import type { HopNote } from '../../hops';
import { toTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Disks } from '../../kubelet/disks';
import { persistentVolumeDisk } from '../../kubelet/volumes';
import { CONTROLLER_MANAGER, type ControllerContext } from '../context';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  claimRefTo,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  findMatchingVolume,
  isPreBoundTo,
} from './binding';

/** The controller looks at every claim and volume again this often (--pvclaimbinder-sync-period). */
const RESYNC_PERIOD_MS = 15_000;

/**
 * PersistentVolumeController (pkg/controller/volume/persistentvolume) binds claims to volumes:
 * a Pending claim gets the smallest Available volume that fits; without one, a claim whose class
 * names a provisioner is left for that provisioner (ExternalProvisioning), and a class in
 * WaitForFirstConsumer mode waits for the scheduler to choose a volume or a node for it. A volume whose claim
 * is deleted is Released and then kept (Retain) or deleted (Delete).
 */
export class PersistentVolumeController {
  private readonly volumes: Informer<PersistentVolume>;
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly classes: Informer<StorageClass>;
  private readonly claimQueue: WorkQueue;
  private readonly volumeQueue: WorkQueue;
  private readonly recorder: EventRecorder;
  /** volumes this controller has bound but not yet seen come back through its watch */
  private readonly assumed = new Map<string, string>();
  /** claims whose bind is being written, so a resync does not write it twice */
  private readonly completing = new Set<string>();
  /** claims queued by the periodic resync, not by a change */
  private readonly resyncing = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly disks: Disks,
  ) {
    this.recorder = ctx.recorder('persistentvolume-controller');
    this.claimQueue = new WorkQueue(ctx.clock, (key) => this.syncClaim(key));
    this.volumeQueue = new WorkQueue(ctx.clock, (key) => this.syncVolume(key));
    this.volumes = ctx.persistentVolumes;
    this.claims = ctx.persistentVolumeClaims;
    this.classes = new Informer<StorageClass>(ctx.api, CONTROLLER_MANAGER, 'storageclasses');
    const claimKey = (pvc: PersistentVolumeClaim) =>
      `${pvc.metadata.namespace}/${pvc.metadata.name}`;
    this.claims.addHandlers({
      onAdd: (pvc) => this.claimQueue.add(claimKey(pvc)),
      onUpdate: (_old, pvc) => this.claimQueue.add(claimKey(pvc)),
      onDelete: (pvc) => {
        const bound = pvc.spec.volumeName;
        if (bound) this.volumeQueue.add(bound);
      },
    });
    this.volumes.addHandlers({
      onAdd: (pv) => this.volumeChanged(pv),
      onUpdate: (_old, pv) => this.volumeChanged(pv),
      onDelete: (pv) => this.assumed.delete(pv.metadata.name),
    });
    this.classes.start();
    this.scheduleResync();
  }

  /** scheduleResync syncs every claim and volume again each pvclaimbinder-sync-period (15s). */
  private scheduleResync(): void {
    this.ctx.clock.schedule(
      RESYNC_PERIOD_MS,
      () => {
        for (const pvc of this.claims.list()) {
          const key = `${pvc.metadata.namespace}/${pvc.metadata.name}`;
          this.resyncing.add(key);
          this.claimQueue.add(key);
        }
        for (const pv of this.volumes.list()) this.volumeQueue.add(pv.metadata.name);
        this.scheduleResync();
      },
      true,
    );
  }

  private volumeChanged(pv: PersistentVolume): void {
    this.volumeQueue.add(pv.metadata.name);
    // A new or freed volume may be what a waiting claim needs.
    for (const pvc of this.claims.list()) {
      if (pvc.status?.phase === 'Pending')
        this.claimQueue.add(`${pvc.metadata.namespace}/${pvc.metadata.name}`);
    }
  }

  /**
   * syncClaim is syncUnboundClaim: a volume pre-bound to the claim completes it; otherwise an
   * Immediate claim takes the smallest Available volume that fits. A WaitForFirstConsumer claim
   * is left to the scheduler, which binds a volume (a claimRef) or names a node (selected-node)
   * for it; once it names a node the claim goes to the class's provisioner.
   */
  private syncClaim(key: string): void {
    const resync = this.resyncing.delete(key);
    const pvc = this.claims.get(key);
    if (!pvc || pvc.metadata.deletionTimestamp) return;
    if (pvc.status?.phase === 'Bound') return;
    // A volume already pointing at this claim (bound by us, the scheduler, or a provisioner) completes it.
    const bound = this.volumes.list().find((pv) => pv.spec.claimRef?.uid === pvc.metadata.uid);
    if (bound) return this.completeClaim(pvc, bound);
    if ([...this.assumed.values()].includes(pvc.metadata.uid)) return;
    const className = claimClass(pvc);
    const cls = className ? this.classes.get(className) : undefined;
    const delayBinding = cls?.volumeBindingMode === 'WaitForFirstConsumer';
    // For a delayed claim only a volume an administrator pre-bound to it qualifies here.
    const candidates = delayBinding
      ? this.volumes.list().filter((pv) => isPreBoundTo(pv, pvc))
      : this.volumes.list();
    const pv = findMatchingVolume(pvc, candidates, new Set(this.assumed.keys()));
    if (pv) return this.bind(pvc, pv);
    if (delayBinding && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
      this.recorder.normal(
        pvc,
        'WaitForFirstConsumer',
        'waiting for first consumer to be created before binding',
      );
      return;
    }
    if (className) return this.provisionClaim(pvc, className, cls, resync);
    this.recorder.normal(
      pvc,
      'FailedBinding',
      'no persistent volumes available for this claim and no storage class is set',
    );
  }

  /**
   * provisionClaim hands the claim to its class's external provisioner: it records the
   * provisioner in the claim's annotations, which is what the provisioner watches for. The
   * ExternalProvisioning event comes with that write and again at each resync while the claim
   * waits; the sync its own write sets off finds the operation still running and says nothing.
   */
  private provisionClaim(
    pvc: PersistentVolumeClaim,
    className: string,
    cls: StorageClass | undefined,
    resync: boolean,
  ): void {
    if (!cls) {
      this.recorder.warning(
        pvc,
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
      );
      return;
    }
    const annotated = pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === cls.provisioner;
    if (annotated && !resync) return;
    this.recorder.normal(
      pvc,
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${cls.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
    if (annotated) return;
    this.patchClaim(
      pvc,
      undefined,
      {
        metadata: {
          annotations: {
            [ANN_BETA_STORAGE_PROVISIONER]: cls.provisioner,
            [ANN_STORAGE_PROVISIONER]: cls.provisioner,
          },
        },
      },
      undefined,
      { code: 'pv.provisioner', args: { pvc: pvc.metadata.name, provisioner: cls.provisioner } },
    );
  }

  /** bind points the volume at the claim (claimRef), marks it Bound, then completes the claim. */
  private bind(pvc: PersistentVolumeClaim, pv: PersistentVolume): void {
    const name = pv.metadata.name;
    this.assumed.set(name, pvc.metadata.uid);
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'persistentvolumes',
        name,
        patchType: 'merge',
        patch: {
          metadata: pv.spec.claimRef ? {} : { annotations: { [ANN_BOUND_BY_CONTROLLER]: 'yes' } },
          spec: { claimRef: claimRefTo(pvc) },
        },
      },
      (response) => {
        if (!response.ok) {
          this.assumed.delete(name);
          return;
        }
        this.setVolumePhase(response.result.object as PersistentVolume, 'Bound', () =>
          this.completeClaim(pvc, response.result.object as PersistentVolume),
        );
      },
      { code: 'pv.bind', args: { pv: name, pvc: pvc.metadata.name } },
    );
  }

  /** completeClaim writes volumeName and the bind annotations on the claim, then its Bound status. */
  private completeClaim(pvc: PersistentVolumeClaim, pv: PersistentVolume): void {
    if (this.completing.has(pvc.metadata.uid)) return;
    this.completing.add(pvc.metadata.uid);
    const byController = pvc.spec.volumeName ? {} : { [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    const done = () => {
      this.completing.delete(pvc.metadata.uid);
    };
    this.patchClaim(
      pvc,
      undefined,
      {
        metadata: { annotations: { [ANN_BIND_COMPLETED]: 'yes', ...byController } },
        spec: { volumeName: pv.metadata.name },
      },
      (ok) => {
        if (!ok) {
          done();
          return;
        }
        const status = {
          phase: 'Bound',
          accessModes: pv.spec.accessModes,
          capacity: pv.spec.capacity,
        };
        this.patchClaim(pvc, 'status', { status }, done);
      },
    );
  }

  /** patchClaim merge-patches a claim (or its status), then reports whether it worked. */
  private patchClaim(
    pvc: PersistentVolumeClaim,
    subresource: 'status' | undefined,
    patch: unknown,
    then?: (ok: boolean) => void,
    note?: HopNote,
  ): void {
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'persistentvolumeclaims',
        namespace: pvc.metadata.namespace,
        name: pvc.metadata.name,
        subresource,
        patchType: 'merge',
        patch,
      },
      (response) => then?.(response.ok),
      note,
    );
  }

  private setVolumePhase(
    pv: PersistentVolume,
    phase: NonNullable<PersistentVolume['status']>['phase'],
    then?: () => void,
    message?: string,
  ): void {
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'persistentvolumes',
        name: pv.metadata.name,
        subresource: 'status',
        patchType: 'merge',
        patch: {
          status: {
            phase,
            message: message ?? null,
            lastPhaseTransitionTime: toTimestamp(this.ctx.clock.now),
          },
        },
      },
      (response) => {
        if (response.ok) then?.();
      },
    );
  }

  private syncVolume(name: string): void {
    const pv = this.volumes.get(name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    const ref = pv.spec.claimRef;
    const phase = pv.status?.phase;
    if (!ref) {
      if (phase !== 'Available' && phase !== 'Failed') this.setVolumePhase(pv, 'Available');
      return;
    }
    if (!ref.uid) return;
    const claim = this.claims.get(`${ref.namespace}/${ref.name}`);
    if (claim && claim.metadata.uid === ref.uid) {
      // While our own bind is in flight its callback marks the volume Bound.
      if (this.assumed.delete(name)) return;
      if (phase !== 'Bound') this.setVolumePhase(pv, 'Bound');
      return;
    }
    // The claim is gone: the volume is Released and its reclaim policy decides the rest.
    if (phase === 'Bound' || phase === 'Pending' || phase === 'Available') {
      this.setVolumePhase(pv, 'Released');
      return;
    }
    if (phase === 'Released' && pv.spec.persistentVolumeReclaimPolicy === 'Delete')
      this.reclaimDelete(pv);
  }

  /**
   * reclaimDelete deletes a Released volume with the Delete policy. An external provisioner's
   * volumes are its to delete; of the in-tree plugins only hostPath under /tmp can be deleted.
   */
  private reclaimDelete(pv: PersistentVolume): void {
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY]) return;
    const path = pv.spec.hostPath?.path;
    if (!path) {
      const message = `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
      this.recorder.warning(pv, 'VolumeFailedDelete', message);
      this.setVolumePhase(pv, 'Failed', undefined, message);
      return;
    }
    if (!/^\/tmp\/.+/.test(path)) {
      const message = `host_path deleter only supports /tmp/.+ but received provided ${path}`;
      this.recorder.warning(pv, 'VolumeFailedDelete', message);
      this.setVolumePhase(pv, 'Failed', undefined, message);
      return;
    }
    // The directory is deleted on whichever node holds it.
    for (const node of this.ctx.nodes.list())
      this.disks.wipe(persistentVolumeDisk(pv, node.metadata.name));
    this.ctx.client.request({
      verb: 'delete',
      resource: 'persistentvolumes',
      name: pv.metadata.name,
    });
  }
}
