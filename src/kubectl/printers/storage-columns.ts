import {
  DEFAULT_STORAGE_CLASS_ANNOTATION,
  type AccessMode,
  type KubeObject,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type ResourceQuota,
  type StorageClass,
} from '../../engine';
import { age } from './age';

/**
 * The printers.go handlers of storage and policy kinds: PersistentVolume, PersistentVolumeClaim,
 * StorageClass, ResourceQuota and LimitRange.
 */

interface Printer {
  headers: string[];
  wide: string[];
  row(obj: KubeObject, now: number, wide: boolean): string[];
}

const MODE_NAMES: [AccessMode, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** accessModes is GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModes(modes: AccessMode[] | undefined): string {
  return MODE_NAMES.filter(([mode]) => (modes ?? []).includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** VOLUMEATTRIBUTESCLASS shows <unset> while no class is named (1.29+). */
const UNSET = '<unset>';

const persistentVolume: Printer = {
  headers: [
    'NAME',
    'CAPACITY',
    'ACCESS MODES',
    'RECLAIM POLICY',
    'STATUS',
    'CLAIM',
    'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS',
    'REASON',
    'AGE',
  ],
  wide: ['VOLUMEMODE'],
  row(obj, now, wide) {
    const pv = obj as PersistentVolume;
    const ref = pv.spec.claimRef;
    const cells = [
      pv.metadata.name,
      pv.spec.capacity?.storage ?? '',
      accessModes(pv.spec.accessModes),
      pv.spec.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      ref ? `${ref.namespace}/${ref.name}` : '',
      pv.spec.storageClassName ?? '',
      UNSET,
      pv.status?.reason ?? '',
      age(pv.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(pv.spec.volumeMode ?? '<unset>');
    return cells;
  },
};

const persistentVolumeClaim: Printer = {
  headers: [
    'NAME',
    'STATUS',
    'VOLUME',
    'CAPACITY',
    'ACCESS MODES',
    'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS',
    'AGE',
  ],
  wide: ['VOLUMEMODE'],
  row(obj, now, wide) {
    const pvc = obj as PersistentVolumeClaim;
    const cells = [
      pvc.metadata.name,
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec.volumeName ?? '',
      pvc.status?.capacity?.storage ?? '',
      accessModes(pvc.status?.accessModes),
      pvc.spec.storageClassName ?? '',
      UNSET,
      age(pvc.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(pvc.spec.volumeMode ?? '<unset>');
    return cells;
  },
};

const storageClass: Printer = {
  headers: [
    'NAME',
    'PROVISIONER',
    'RECLAIMPOLICY',
    'VOLUMEBINDINGMODE',
    'ALLOWVOLUMEEXPANSION',
    'AGE',
  ],
  wide: [],
  row(obj, now) {
    const sc = obj as StorageClass;
    const isDefault = sc.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true';
    return [
      isDefault ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      age(sc.metadata.creationTimestamp, now),
    ];
  },
};

/** resourceQuota is printResourceQuota: `name: used/hard` pairs, limits.* apart from the rest. */
const resourceQuota: Printer = {
  headers: ['NAME', 'AGE', 'REQUEST', 'LIMIT'],
  wide: [],
  row(obj, now) {
    const quota = obj as ResourceQuota;
    const hard = quota.status?.hard ?? {};
    const used = quota.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const name of Object.keys(hard).sort()) {
      const pair = `${name}: ${used[name] ?? '0'}/${hard[name]}`;
      (name.startsWith('limits.') ? limits : requests).push(pair);
    }
    return [
      quota.metadata.name,
      age(quota.metadata.creationTimestamp, now),
      requests.join(', '),
      limits.join(', '),
    ];
  },
};

export const STORAGE_PRINTERS: Record<string, Printer> = {
  PersistentVolume: persistentVolume,
  PersistentVolumeClaim: persistentVolumeClaim,
  StorageClass: storageClass,
  ResourceQuota: resourceQuota,
  LimitRange: {
    headers: ['NAME', 'CREATED AT'],
    wide: [],
    row: (obj) => [obj.metadata.name, obj.metadata.creationTimestamp],
  },
};
