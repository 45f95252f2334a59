import { objectKey } from '../../api/objects';
import type { PersistentVolume } from '../../api/storage-types';
import type { Node, Pod } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import { attachableVolumeName } from '../../kubelet/volumes';
import type { ControllerContext } from '../context';

/** Nodes whose attachable volumes this controller attaches (the kubelet sets it at registration). */
const ANN_CONTROLLER_MANAGED_ATTACH_DETACH =
  'volumes.kubernetes.io/controller-managed-attach-detach';
/** A volume still mounted on a node is detached anyway after this long (ReconcilerMaxWaitForUnmountDuration). */
const MAX_WAIT_FOR_UNMOUNT_MS = 6 * 60 * 1000;
const RECONCILE = 'reconcile';

/** A volume some scheduled pods want on a node (the desired state of the world). */
interface VolumeToAttach {
  pv: PersistentVolume;
  node: string;
  pods: Pod[];
}

/** An attachment the controller has made (the actual state of the world). */
interface AttachedVolume {
  pv: PersistentVolume;
  /** the node still lists the volume in volumesInUse: detaching would pull it from under a mount */
  mountedByNode: boolean;
  /** when the controller first wanted it detached */
  detachRequestedAt?: number;
}

/**
 * multiAttachForbidden is isMultiAttachAllowed's opposite: a volume with access modes that
 * include neither ReadWriteMany nor ReadOnlyMany may be attached to one node only.
 */
function multiAttachForbidden(pv: PersistentVolume): boolean {
  const modes = pv.spec.accessModes ?? [];
  return modes.length > 0 && !modes.includes('ReadWriteMany') && !modes.includes('ReadOnlyMany');
}

/** podHoldsVolumes: a pod keeps its volumes until it has finished (util.DetermineVolumeAction). */
function podHoldsVolumes(pod: Pod): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  if (!pod.metadata.deletionTimestamp) return true;
  return (pod.status.containerStatuses ?? []).some((c) => c.state?.running);
}

/**
 * AttachDetachController (pkg/controller/volume/attachdetach) attaches the attachable volumes of
 * scheduled pods to their nodes and detaches them once no pod there needs them and the kubelet
 * no longer reports them in use. It records attachments in each node's status.volumesAttached,
 * which the kubelet waits for before mounting. A ReadWriteOnce volume attached to one node is
 * not attached to a second: the pods there get a Multi-Attach error, once, and wait.
 */
export class AttachDetachController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  /** by unique volume name, then node */
  private readonly attached = new Map<string, Map<string, AttachedVolume>>();
  /** volume|node pairs whose Multi-Attach error has been reported (VolumeToAttach.MultiAttachErrorReported) */
  private readonly multiAttachReported = new Set<string>();
  /** whether the attached state has been read back from the nodes' status after a start */
  private populated = false;
  /** when the next forced detach is due, if one is waiting */
  private forceDetachDue?: number;
  /** keys of the pods with claims: the only pods that may need a volume attached */
  private readonly podsWithClaims = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.recorder = ctx.recorder('attachdetach-controller');
    this.queue = new WorkQueue(ctx.clock, () => this.reconcile());
    const changed = () => this.queue.add(RECONCILE);
    const podChanged = (pod: Pod) => {
      const key = objectKey(pod);
      const hadClaims = this.podsWithClaims.delete(key);
      if ((pod.spec.volumes ?? []).some((v) => v.persistentVolumeClaim))
        this.podsWithClaims.add(key);
      else if (!hadClaims) return;
      changed();
    };
    ctx.pods.addHandlers({
      onAdd: podChanged,
      onUpdate: (_old, pod) => podChanged(pod),
      onDelete: (pod) => {
        if (this.podsWithClaims.delete(objectKey(pod))) changed();
      },
    });
    ctx.persistentVolumeClaims.addHandlers({ onAdd: changed, onUpdate: changed });
    ctx.persistentVolumes.addHandlers({ onAdd: changed, onUpdate: changed });
    ctx.nodes.addHandlers({
      onAdd: changed,
      onUpdate: (old, node) => {
        if (String(old.status.volumesInUse) === String(node.status.volumesInUse)) return;
        this.processVolumesInUse(node);
        changed();
      },
      onDelete: (node) => {
        for (const nodes of this.attached.values()) nodes.delete(node.metadata.name);
        changed();
      },
    });
  }

  /** processVolumesInUse: an attached volume the node no longer lists in volumesInUse is unmounted there. */
  private processVolumesInUse(node: Node): void {
    const inUse = new Set(node.status.volumesInUse ?? []);
    for (const [name, nodes] of this.attached) {
      const attachment = nodes.get(node.metadata.name);
      if (attachment) attachment.mountedByNode = inUse.has(name);
    }
  }

  /** populateActualState reads the attachments back from node status (populateActualStateOfWorld). */
  private populateActualState(): void {
    this.populated = true;
    const volumes = new Map<string, PersistentVolume>();
    for (const pv of this.ctx.persistentVolumes.list()) {
      const name = attachableVolumeName(pv);
      if (name) volumes.set(name, pv);
    }
    for (const node of this.ctx.nodes.list()) {
      const inUse = new Set(node.status.volumesInUse ?? []);
      for (const { name } of node.status.volumesAttached ?? []) {
        const pv = volumes.get(name);
        if (pv) this.nodesOf(name).set(node.metadata.name, { pv, mountedByNode: inUse.has(name) });
      }
    }
  }

  private nodesOf(volume: string): Map<string, AttachedVolume> {
    let nodes = this.attached.get(volume);
    if (!nodes) this.attached.set(volume, (nodes = new Map()));
    return nodes;
  }

  /** desiredState lists, per volume and node, the scheduled pods that want it attached there. */
  private desiredState(): Map<string, Map<string, VolumeToAttach>> {
    const desired = new Map<string, Map<string, VolumeToAttach>>();
    for (const key of this.podsWithClaims) {
      const pod = this.ctx.pods.get(key);
      const nodeName = pod?.spec.nodeName;
      if (!pod || !nodeName || !podHoldsVolumes(pod)) continue;
      const node = this.ctx.nodes.get(nodeName);
      if (node?.metadata.annotations?.[ANN_CONTROLLER_MANAGED_ATTACH_DETACH] !== 'true') continue;
      for (const v of pod.spec.volumes ?? []) {
        if (!v.persistentVolumeClaim) continue;
        const pvc = this.ctx.persistentVolumeClaims.get(
          `${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`,
        );
        const pv = pvc?.spec.volumeName
          ? this.ctx.persistentVolumes.get(pvc.spec.volumeName)
          : undefined;
        const name = pv && attachableVolumeName(pv);
        if (!pv || !name) continue;
        let nodes = desired.get(name);
        if (!nodes) desired.set(name, (nodes = new Map()));
        const entry = nodes.get(nodeName) ?? { pv, node: nodeName, pods: [] };
        entry.pods.push(pod);
        nodes.set(nodeName, entry);
      }
    }
    return desired;
  }

  /**
   * reconcile is the reconciler's loop: detaches first (so a volume moving between nodes is freed
   * before it is attached again), then attaches, then writes the nodes' volumesAttached.
   */
  private reconcile(): void {
    if (!this.populated) this.populateActualState();
    const desired = this.desiredState();
    const changedNodes = new Set<string>();
    const now = this.ctx.clock.now;
    for (const [name, nodes] of this.attached) {
      for (const [node, attachment] of nodes) {
        if (desired.get(name)?.has(node)) {
          attachment.detachRequestedAt = undefined;
          continue;
        }
        attachment.detachRequestedAt ??= now;
        const waited = now - attachment.detachRequestedAt;
        if (attachment.mountedByNode && waited < MAX_WAIT_FOR_UNMOUNT_MS) {
          this.forceDetachAfter(MAX_WAIT_FOR_UNMOUNT_MS - waited);
          continue;
        }
        nodes.delete(node);
        changedNodes.add(node);
      }
      if (nodes.size === 0) this.attached.delete(name);
    }
    for (const [name, nodes] of desired) {
      for (const [node, toAttach] of nodes) {
        const key = `${name}|${node}`;
        const attachedTo = this.attached.get(name);
        if (attachedTo?.has(node)) continue;
        if (multiAttachForbidden(toAttach.pv) && attachedTo && attachedTo.size > 0) {
          if (!this.multiAttachReported.has(key)) {
            this.multiAttachReported.add(key);
            this.reportMultiAttachError(toAttach, [...attachedTo.keys()], desired.get(name)!);
          }
          continue;
        }
        this.multiAttachReported.delete(key);
        this.nodesOf(name).set(node, { pv: toAttach.pv, mountedByNode: true });
        changedNodes.add(node);
        for (const pod of toAttach.pods)
          this.recorder.normal(
            pod,
            'SuccessfulAttachVolume',
            `AttachVolume.Attach succeeded for volume "${toAttach.pv.metadata.name}" `,
          );
      }
    }
    // A pair no longer wanted may report again if it is wanted again later.
    for (const key of this.multiAttachReported) {
      const [name, node] = key.split('|') as [string, string];
      if (!desired.get(name)?.has(node)) this.multiAttachReported.delete(key);
    }
    for (const node of [...changedNodes].sort()) this.updateNodeStatus(node);
  }

  /** forceDetachAfter reconciles again when a volume's wait for its unmount runs out. */
  private forceDetachAfter(delayMs: number): void {
    const due = this.ctx.clock.now + delayMs;
    if (this.forceDetachDue !== undefined && this.forceDetachDue <= due) return;
    this.forceDetachDue = due;
    this.ctx.clock.schedule(
      delayMs,
      () => {
        this.forceDetachDue = undefined;
        this.queue.add(RECONCILE);
      },
      true,
    );
  }

  /**
   * reportMultiAttachError tells each pod waiting on this node which pods elsewhere hold the
   * volume: by name in the pod's own namespace, by count in others.
   */
  private reportMultiAttachError(
    toAttach: VolumeToAttach,
    nodes: string[],
    wanted: Map<string, VolumeToAttach>,
  ): void {
    const holders = nodes
      .filter((n) => n !== toAttach.node)
      .flatMap((n) => wanted.get(n)?.pods ?? []);
    const volume = toAttach.pv.metadata.name;
    for (const pod of toAttach.pods) {
      let message: string;
      if (holders.length === 0) {
        message =
          "Volume is already exclusively attached to one node and can't be attached to another";
      } else {
        const local = holders
          .filter((h) => h.metadata.namespace === pod.metadata.namespace)
          .map((h) => h.metadata.name);
        const others = holders.length - local.length;
        message =
          local.length > 0
            ? `Volume is already used by pod(s) ${local.join(', ')}${others > 0 ? ` and ${others} pod(s) in different namespaces` : ''}`
            : `Volume is already used by ${others} pod(s) in different namespaces`;
      }
      this.recorder.warning(
        pod,
        'FailedAttachVolume',
        `Multi-Attach error for volume "${volume}" ${message}`,
      );
    }
  }

  /** updateNodeStatus writes the volumes attached to a node (the node status updater). */
  private updateNodeStatus(node: string): void {
    const volumes = [...this.attached]
      .filter(([, nodes]) => nodes.has(node))
      .map(([name]) => ({ name, devicePath: '' }))
      .sort((a, b) => a.name.localeCompare(b.name));
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name: node,
        subresource: 'status',
        patchType: 'strategic',
        patch: { status: { volumesAttached: volumes.length > 0 ? volumes : null } },
      },
      undefined,
      {
        code: 'attachdetach.nodeStatus',
        args: { node, volumes: volumes.map((v) => v.name).join(', ') },
      },
    );
  }
}
