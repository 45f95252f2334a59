import type { PersistentVolume, PersistentVolumeClaim } from '../api/storage-types';
import type { Container, KeyToPath, Pod, Volume } from '../api/types';
import { setUpProjectedVolume } from '../controllers/serviceaccount/projected-volume';
import { readSource, type ObjectReader } from './container-config';
import { Disks, emptyDirKey, hostPathKey, nfsKey } from './disks';
import { MountedFiles, type Mount } from './mounted-files';

/** A PodVolume is one of a pod's volumes, set up on the node: writable ones are plain Maps. */
export type PodVolume = {
  /**
   * for configMap, secret and projected volumes: rewrites the files from the objects' current
   * data and the pod as it is now (the periodic pod sync)
   */
  refresh?: (pod: Pod) => void;
} & (
  | { readOnly: true; files: ReadonlyMap<string, string> }
  | { readOnly: false; files: Map<string, string> }
);

export type SetUpResult =
  | { ok: true; volumes: Map<string, PodVolume> }
  | { ok: false; volume: string; message: string; claim: boolean; unattached: boolean };

/** VolumeError is a volume that cannot be set up yet, with the kubelet's message. */
class VolumeError extends Error {
  constructor(
    message: string,
    /** a claim's error: the desired-state populator reports it only when the wait times out */
    readonly claim = false,
    /** an attachable volume not yet attached to the node: the kubelet waits without an event */
    readonly unattached = false,
  ) {
    super(message);
  }
}

/** ISCSI_PLUGIN is the in-tree iSCSI plugin: attachable, its attach a no-op on the controller side. */
const ISCSI_PLUGIN = 'kubernetes.io/iscsi';

/**
 * attachableVolumeName is the unique name of a volume the attach/detach controller attaches to
 * nodes (GetUniqueVolumeName: plugin/volume), or undefined for volumes that need no attaching.
 */
export function attachableVolumeName(pv: PersistentVolume): string | undefined {
  const iscsi = pv.spec.iscsi;
  if (iscsi) return `${ISCSI_PLUGIN}/${iscsi.targetPortal}:${iscsi.iqn}:${iscsi.lun}`;
  return undefined;
}

/** AttachState tells whether an attachable volume may be mounted on this node. */
export interface AttachState {
  /** the node status lists it in volumesInUse (VerifyControllerAttachedVolume waits for that) */
  reportedInUse(name: string): boolean;
  /** the node status lists it in volumesAttached */
  attached(name: string): boolean;
}

/**
 * podAttachableVolumes lists the unique names of the attachable volumes behind a pod's bound
 * claims: what the kubelet reports in volumesInUse while the pod is on the node.
 */
export function podAttachableVolumes(pod: Pod, read: ObjectReader): string[] {
  const namespace = pod.metadata.namespace ?? 'default';
  const names: string[] = [];
  for (const v of pod.spec.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const pvc = read('persistentvolumeclaims', namespace, v.persistentVolumeClaim.claimName) as
      PersistentVolumeClaim | undefined;
    const pvName = pvc?.spec.volumeName;
    const pv = pvName
      ? (read('persistentvolumes', undefined, pvName) as PersistentVolume | undefined)
      : undefined;
    const name = pv && attachableVolumeName(pv);
    if (name) names.push(name);
  }
  return names;
}

/**
 * project fills a configMap or secret volume: every key as a file, or just the listed items at
 * their paths. It returns false when the object is missing (an optional volume stays empty).
 */
function project(
  files: Map<string, string>,
  read: ObjectReader,
  kind: 'configmap' | 'secret',
  namespace: string,
  name: string,
  items: KeyToPath[] | undefined,
  optional: boolean,
): void {
  const source = readSource(read, kind, namespace, name);
  if (!source) {
    if (optional) return files.clear();
    throw new VolumeError(`${kind} "${name}" not found`);
  }
  const wanted = items ?? Object.keys(source.data).map((key) => ({ key, path: key }));
  const next = new Map<string, string>();
  for (const item of wanted) {
    const value = source.data[item.key];
    if (value === undefined) {
      if (optional) continue;
      throw new VolumeError(
        kind === 'configmap'
          ? `configmap references non-existent config key: ${item.key}`
          : `secret references non-existent secret key: ${item.key}`,
      );
    }
    next.set(item.path, value);
  }
  // The atomic writer swaps the whole directory: keys removed from the object disappear.
  files.clear();
  for (const [k, v] of next) files.set(k, v);
}

/**
 * claimDisk finds where a bound claim's PersistentVolume keeps its data; an attachable volume
 * must first be reported in use and attached to the node.
 */
function claimDisk(
  pod: Pod,
  claimName: string,
  node: string,
  read: ObjectReader,
  attach: AttachState,
): string {
  const namespace = pod.metadata.namespace ?? 'default';
  const pvc = read('persistentvolumeclaims', namespace, claimName) as
    PersistentVolumeClaim | undefined;
  if (!pvc) throw new VolumeError(`persistentvolumeclaim "${claimName}" not found`, true);
  const pvName = pvc.spec.volumeName;
  if (!pvName || pvc.status?.phase !== 'Bound')
    throw new VolumeError(`error processing PVC ${namespace}/${claimName}: PVC is not bound`, true);
  const pv = read('persistentvolumes', undefined, pvName) as PersistentVolume | undefined;
  if (!pv) throw new VolumeError(`persistentvolume "${pvName}" not found`, true);
  const attachable = attachableVolumeName(pv);
  if (attachable && !attach.reportedInUse(attachable))
    throw new VolumeError(
      "volume not added to the list of VolumesInUse in node's volume status",
      false,
      true,
    );
  if (attachable && !attach.attached(attachable))
    throw new VolumeError('Volume not attached according to node status', false, true);
  return persistentVolumeDisk(pv, node);
}

/** persistentVolumeDisk is where a PV's data lives: the node's directory, the export, or the volume itself. */
export function persistentVolumeDisk(pv: PersistentVolume, node: string): string {
  if (pv.spec.hostPath) return hostPathKey(node, pv.spec.hostPath.path);
  if (pv.spec.local) return hostPathKey(node, pv.spec.local.path);
  if (pv.spec.nfs) return nfsKey(pv.spec.nfs.server, pv.spec.nfs.path);
  return `pv:${pv.metadata.name}`;
}

/** setUpVolume makes one volume's files available on the node (MountVolume.SetUp). */
function setUpVolume(
  pod: Pod,
  volume: Volume,
  node: string,
  read: ObjectReader,
  disks: Disks,
  now: () => number,
  attach: AttachState,
): PodVolume {
  const namespace = pod.metadata.namespace ?? 'default';
  if (volume.emptyDir)
    return { files: disks.open(emptyDirKey(pod.metadata.uid, volume.name)), readOnly: false };
  if (volume.hostPath)
    return { files: disks.open(hostPathKey(node, volume.hostPath.path)), readOnly: false };
  if (volume.nfs)
    return {
      files: disks.open(nfsKey(volume.nfs.server, volume.nfs.path)),
      readOnly: volume.nfs.readOnly ?? false,
    };
  if (volume.persistentVolumeClaim) {
    const key = claimDisk(pod, volume.persistentVolumeClaim.claimName, node, read, attach);
    return { files: disks.open(key), readOnly: volume.persistentVolumeClaim.readOnly ?? false };
  }
  const source = volume.configMap
    ? { ...volume.configMap, kind: 'configmap' as const }
    : volume.secret
      ? { ...volume.secret, kind: 'secret' as const, name: volume.secret.secretName }
      : undefined;
  if (source) {
    const files = new Map<string, string>();
    const fill = () =>
      project(
        files,
        read,
        source.kind,
        namespace,
        source.name,
        source.items,
        source.optional ?? false,
      );
    fill();
    return {
      files,
      readOnly: true,
      refresh: () => {
        try {
          fill();
        } catch {
          // A source deleted after the mount leaves the files as they were, as the kubelet does.
        }
      },
    };
  }
  if (volume.projected) {
    const projected = setUpProjectedVolume(pod, volume.projected.sources, node, read, now);
    if (!projected.ok) throw new VolumeError(projected.message);
    return projected.volume;
  }
  return { files: new Map(), readOnly: false };
}

/**
 * setUpVolumes sets up every volume of a pod, or reports the first that cannot be (the kubelet
 * then retries and the pod stays ContainerCreating with FailedMount events).
 */
export function setUpVolumes(
  pod: Pod,
  node: string,
  read: ObjectReader,
  disks: Disks,
  /** the node's clock, for the service account tokens projected volumes carry */
  now: () => number,
  attach: AttachState,
): SetUpResult {
  const volumes = new Map<string, PodVolume>();
  for (const volume of pod.spec.volumes ?? []) {
    try {
      volumes.set(volume.name, setUpVolume(pod, volume, node, read, disks, now, attach));
    } catch (error) {
      if (!(error instanceof VolumeError)) throw error;
      return {
        ok: false,
        volume: volume.name,
        message: error.message,
        claim: error.claim,
        unattached: error.unattached,
      };
    }
  }
  return { ok: true, volumes };
}

/**
 * containerFiles is the file system a container starts with: its volume mounts over an empty
 * writable layer. A subPath mount of a configMap or secret is a copy taken now: it never updates.
 */
export function containerFiles(
  container: Container,
  volumes: Map<string, PodVolume>,
): MountedFiles {
  const mounts: Mount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const volume = volumes.get(m.name);
    if (!volume) continue;
    const place = { mountPath: m.mountPath, subPath: m.subPath };
    if (volume.readOnly || m.readOnly) {
      const files = m.subPath && volume.refresh ? new Map(volume.files) : volume.files;
      mounts.push({ ...place, files, readOnly: true });
    } else mounts.push({ ...place, files: volume.files, readOnly: false });
  }
  return new MountedFiles(mounts);
}

/** emptyDirKeys lists the disks that die with the pod. */
export function emptyDirKeys(pod: Pod): string[] {
  return (pod.spec.volumes ?? [])
    .filter((v) => v.emptyDir)
    .map((v) => emptyDirKey(pod.metadata.uid, v.name));
}
