import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../engine';
import { isDefaultStorageClass } from '../engine';
import { accessModes } from '../kubectl/printers/storage-columns';
import { isClusterOwned, keepIfSame, memoPerVersion } from './graph-objects';
import type { PodRef } from './workloads';

/** ClaimView is a PersistentVolumeClaim box: `kubectl get pvc` columns and the pods mounting it. */
export interface ClaimView {
  uid: string;
  namespace: string;
  name: string;
  /** STATUS: Pending, Bound, Lost (Terminating while deleted) */
  status: string;
  /** the bound volume, if any */
  volume: string | undefined;
  capacity: string;
  /** ACCESS MODES: RWO, RWX... */
  modes: string;
  storageClass: string | undefined;
  pods: readonly PodRef[];
}

/** VolumeView is a PersistentVolume box. */
export interface VolumeView {
  uid: string;
  name: string;
  status: string;
  capacity: string;
  storageClass: string | undefined;
}

/** ClassView is a StorageClass box. */
export interface ClassView {
  uid: string;
  name: string;
  provisioner: string;
  isDefault: boolean;
}

export interface StorageIndex {
  claims: readonly ClaimView[];
  volumes: readonly VolumeView[];
  classes: readonly ClassView[];
}

const byAge = <T extends { metadata: { creationTimestamp?: string; name: string } }>(a: T, b: T) =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
  a.metadata.name.localeCompare(b.metadata.name);

/**
 * indexStorage reads the learner's claims (and the pods that mount each, by
 * spec.volumes[].persistentVolumeClaim.claimName), the volumes and the classes. The index keeps
 * its identity while it reads the same.
 */
export function indexStorage(
  lists: {
    claims: readonly PersistentVolumeClaim[];
    volumes: readonly PersistentVolume[];
    classes: readonly StorageClass[];
    pods: readonly Pod[];
  },
  previous?: StorageIndex,
): StorageIndex {
  const claims = lists.claims
    .filter((c) => !isClusterOwned(c))
    .sort(byAge)
    .map((pvc): ClaimView => {
      const namespace = pvc.metadata.namespace ?? 'default';
      const bound = (pvc.spec.volumeName ?? '') !== '';
      return {
        uid: pvc.metadata.uid,
        namespace,
        name: pvc.metadata.name,
        status: pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? 'Pending'),
        volume: pvc.spec.volumeName || undefined,
        capacity: bound ? (pvc.status?.capacity?.storage ?? '') : '',
        modes: bound ? accessModes(pvc.status?.accessModes) : '',
        storageClass: pvc.spec.storageClassName ?? undefined,
        pods: lists.pods
          .filter(
            (p) =>
              (p.metadata.namespace ?? 'default') === namespace &&
              (p.spec.volumes ?? []).some(
                (v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name,
              ),
          )
          .map((p) => ({
            namespace,
            name: p.metadata.name,
            nodeName: p.spec.nodeName || undefined,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    });
  const volumes = [...lists.volumes].sort(byAge).map((pv): VolumeView => ({
    uid: pv.metadata.uid,
    name: pv.metadata.name,
    status: pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? 'Pending'),
    capacity: pv.spec.capacity?.storage ?? '',
    storageClass: pv.spec.storageClassName || undefined,
  }));
  const classes = [...lists.classes].sort(byAge).map((sc): ClassView => ({
    uid: sc.metadata.uid,
    name: sc.metadata.name,
    provisioner: sc.provisioner,
    isDefault: isDefaultStorageClass(sc),
  }));
  return keepIfSame(previous, { claims, volumes, classes });
}

/** selectStorageIndex is the storage view of the cluster shown, computed once per version. */
export const selectStorageIndex = memoPerVersion<StorageIndex>((cluster, previous) =>
  indexStorage(
    {
      claims: cluster.api.list('persistentvolumeclaims') as PersistentVolumeClaim[],
      volumes: cluster.api.list('persistentvolumes') as PersistentVolume[],
      classes: cluster.api.list('storageclasses') as StorageClass[],
      pods: cluster.api.list('pods') as Pod[],
    },
    previous,
  ),
);
