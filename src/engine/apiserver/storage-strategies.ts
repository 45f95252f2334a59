import { parseQuantity } from '../api/quantity';
import {
  isDefaultStorageClass,
  PV_PROTECTION,
  PVC_PROTECTION,
  type LimitRange,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type ResourceQuota,
  type StorageClass,
} from '../api/storage-types';
import type { KubeObject } from '../api/types';
import type { AdmissionReader } from './admission';
import type { FieldError } from './errors';
import type { Strategy } from './strategies';
import { isDNS1123Subdomain, validateObjectMeta } from './validation';

/**
 * Strategies for storage and policy objects (registry/core/{persistentvolume,
 * persistentvolumeclaim,resourcequota,limitrange}, registry/storage/storageclass): defaulting,
 * what a create resets, and validation with the API server's messages.
 */

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

const nameIsSubdomain = (obj: KubeObject) => validateObjectMeta(obj, isDNS1123Subdomain);

function validateAccessModes(modes: string[] | undefined, path: string): FieldError[] {
  if (!modes || modes.length === 0)
    return [{ type: 'Required', field: path, detail: 'at least 1 access mode is required' }];
  return modes
    .filter((m) => !ACCESS_MODES.includes(m))
    .map((m) => ({ type: 'NotSupported', field: path, value: m, supported: ACCESS_MODES }));
}

function validateStorage(
  list: Record<string, string> | undefined,
  path: string,
  key: string,
): FieldError[] {
  const value = list?.storage;
  if (value === undefined) return [{ type: 'Required', field: `${path}[${key}]` }];
  const parsed = parseQuantity(value);
  if (parsed !== undefined && parsed <= 0)
    return [
      {
        type: 'Invalid',
        field: `${path}[${key}]`,
        value,
        detail: 'must be greater than zero',
      },
    ];
  return [];
}

const VOLUME_SOURCES = ['hostPath', 'nfs', 'local', 'csi', 'iscsi'] as const;

/** An iSCSI qualified name: iqn.yyyy-mm.naming-authority:unique-name (iscsiInitiatorIqnRegex). */
const IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;

/** validateISCSI is validateISCSIPersistentVolumeSource: a portal, a well-formed IQN, a LUN 0..255. */
function validateISCSI(
  iscsi: NonNullable<PersistentVolume['spec']['iscsi']>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!iscsi.targetPortal) errs.push({ type: 'Required', field: `${path}.targetPortal` });
  const iqn = iscsi.iqn ?? '';
  if (!iqn) errs.push({ type: 'Required', field: `${path}.iqn` });
  else if (!/^(iqn|eui|naa)/.test(iqn))
    errs.push({
      type: 'Invalid',
      field: `${path}.iqn`,
      value: iqn,
      detail: 'must be valid format starting with iqn, eui, or naa',
    });
  else if (iqn.startsWith('iqn') && !IQN.test(iqn))
    errs.push({
      type: 'Invalid',
      field: `${path}.iqn`,
      value: iqn,
      detail: 'must be valid format',
    });
  const lun = iscsi.lun ?? 0;
  if (lun < 0 || lun > 255)
    errs.push({
      type: 'Invalid',
      field: `${path}.lun`,
      value: lun,
      detail: 'must be between 0 and 255, inclusive',
    });
  return errs;
}

/** protect is StorageObjectInUseProtection: a new claim or volume carries its protection finalizer. */
function protect(obj: KubeObject, finalizer: string): void {
  const finalizers = obj.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) obj.metadata.finalizers = [...finalizers, finalizer];
}

const persistentVolumeStrategy: Strategy = {
  applyDefaults(obj) {
    const pv = obj as PersistentVolume;
    pv.spec ??= {};
    pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    pv.spec.volumeMode ??= 'Filesystem';
  },
  admit(obj) {
    protect(obj, PV_PROTECTION);
  },
  prepareForCreate(obj) {
    (obj as PersistentVolume).status = { phase: 'Pending' };
  },
  validate(obj) {
    const pv = obj as PersistentVolume;
    const spec = pv.spec ?? {};
    const errs = [
      ...nameIsSubdomain(obj),
      ...validateAccessModes(spec.accessModes, 'spec.accessModes'),
      ...validateStorage(spec.capacity, 'spec.capacity', 'storage'),
    ];
    const sources = VOLUME_SOURCES.filter((s) => (spec as Record<string, unknown>)[s]);
    if (sources.length === 0)
      errs.push({ type: 'Required', field: 'spec', detail: 'must specify a volume type' });
    if (spec.iscsi) errs.push(...validateISCSI(spec.iscsi, 'spec.iscsi'));
    if (spec.local && !spec.nodeAffinity)
      errs.push({
        type: 'Required',
        field: 'spec.nodeAffinity',
        detail: 'Local volume requires node affinity',
      });
    const policy = spec.persistentVolumeReclaimPolicy;
    if (policy && !RECLAIM_POLICIES.includes(policy))
      errs.push({
        type: 'NotSupported',
        field: 'spec.persistentVolumeReclaimPolicy',
        value: policy,
        supported: RECLAIM_POLICIES,
      });
    return errs;
  },
};

/**
 * admitClaim is the DefaultStorageClass admission plugin: a claim that names no class (nil, not
 * "") gets the default StorageClass's name, if one exists.
 */
function admitClaim(pvc: PersistentVolumeClaim, store: AdmissionReader): void {
  if (pvc.spec.storageClassName !== undefined && pvc.spec.storageClassName !== null) return;
  const defaults = store
    .range('/registry/storageclasses/')
    .map((kv) => kv.value as StorageClass)
    .filter(isDefaultStorageClass)
    // The newest default wins when several are marked (GetDefaultClass since 1.26).
    .sort((a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
    );
  if (defaults[0]) pvc.spec.storageClassName = defaults[0].metadata.name;
}

const persistentVolumeClaimStrategy: Strategy = {
  applyDefaults(obj) {
    const pvc = obj as PersistentVolumeClaim;
    pvc.spec ??= {};
    pvc.spec.volumeMode ??= 'Filesystem';
  },
  admit(obj, _rng, store) {
    admitClaim(obj as PersistentVolumeClaim, store);
    protect(obj, PVC_PROTECTION);
  },
  prepareForCreate(obj) {
    (obj as PersistentVolumeClaim).status = { phase: 'Pending' };
  },
  validate(obj) {
    const pvc = obj as PersistentVolumeClaim;
    return [
      ...nameIsSubdomain(obj),
      ...validateAccessModes(pvc.spec?.accessModes, 'spec.accessModes'),
      ...validateStorage(pvc.spec?.resources?.requests, 'spec.resources', 'storage'),
    ];
  },
};

const storageClassStrategy: Strategy = {
  applyDefaults(obj) {
    const sc = obj as StorageClass;
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  prepareForCreate() {},
  validate(obj) {
    const sc = obj as StorageClass;
    const errs = nameIsSubdomain(obj);
    if (!sc.provisioner) errs.push({ type: 'Required', field: 'provisioner' });
    if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy))
      errs.push({
        type: 'NotSupported',
        field: 'reclaimPolicy',
        value: sc.reclaimPolicy,
        supported: ['Delete', 'Retain'],
      });
    if (sc.volumeBindingMode && !BINDING_MODES.includes(sc.volumeBindingMode))
      errs.push({
        type: 'NotSupported',
        field: 'volumeBindingMode',
        value: sc.volumeBindingMode,
        supported: BINDING_MODES,
      });
    return errs;
  },
  validateUpdate(obj, old) {
    const [sc, prev] = [obj as StorageClass, old as StorageClass];
    const errs: FieldError[] = [];
    if (sc.provisioner !== prev.provisioner)
      errs.push({
        type: 'Forbidden',
        field: 'provisioner',
        detail: 'updates to provisioner are forbidden.',
      });
    if (sc.reclaimPolicy !== prev.reclaimPolicy)
      errs.push({
        type: 'Forbidden',
        field: 'reclaimPolicy',
        detail: 'updates to reclaimPolicy are forbidden.',
      });
    return errs;
  },
};

function validateQuantities(list: Record<string, string> | undefined, path: string): FieldError[] {
  return Object.entries(list ?? {}).flatMap(([name, value]): FieldError[] => {
    const parsed = parseQuantity(value);
    return parsed !== undefined && parsed < 0
      ? [
          {
            type: 'Invalid',
            field: `${path}[${name}]`,
            value,
            detail: 'must be greater than or equal to 0',
          },
        ]
      : [];
  });
}

const resourceQuotaStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate(obj) {
    delete (obj as ResourceQuota).status;
  },
  validate(obj) {
    return [
      ...nameIsSubdomain(obj),
      ...validateQuantities((obj as ResourceQuota).spec?.hard, 'spec.hard'),
    ];
  },
};

const LIMIT_TYPES = ['Container', 'PersistentVolumeClaim', 'Pod'];

const limitRangeStrategy: Strategy = {
  /** SetDefaults_LimitRangeItem: a Container range's default limit is its max, its default request the default limit or min. */
  applyDefaults(obj) {
    for (const item of (obj as LimitRange).spec?.limits ?? []) {
      if (item.type !== 'Container') continue;
      const limit = { ...item.max, ...item.default };
      const request = { ...item.min, ...limit, ...item.defaultRequest };
      if (Object.keys(limit).length > 0) item.default = limit;
      if (Object.keys(request).length > 0) item.defaultRequest = request;
    }
  },
  prepareForCreate() {},
  validate(obj) {
    const errs = nameIsSubdomain(obj);
    ((obj as LimitRange).spec?.limits ?? []).forEach((item, i) => {
      const path = `spec.limits[${i}]`;
      if (!LIMIT_TYPES.includes(item.type))
        errs.push({
          type: 'NotSupported',
          field: `${path}.type`,
          value: item.type,
          supported: LIMIT_TYPES,
        });
      for (const [resource, value] of Object.entries(item.default ?? {})) {
        const max = item.max?.[resource];
        if (max !== undefined && parseQuantity(value)! > parseQuantity(max)!)
          errs.push({
            type: 'Invalid',
            field: `${path}.default[${resource}]`,
            value,
            detail: `default value ${value} is greater than max value ${max}`,
          });
      }
    });
    return errs;
  },
};

export const STORAGE_STRATEGIES: Record<string, Strategy> = {
  persistentvolumes: persistentVolumeStrategy,
  persistentvolumeclaims: persistentVolumeClaimStrategy,
  storageclasses: storageClassStrategy,
  resourcequotas: resourceQuotaStrategy,
  limitranges: limitRangeStrategy,
};
