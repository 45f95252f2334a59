import type { KubeObject, LabelSelector, NodeSelectorTerm } from './types';

/** Storage and policy objects (core/v1 PersistentVolume(Claim), ResourceQuota, LimitRange; storage.k8s.io/v1). */

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export type ReclaimPolicy = 'Retain' | 'Delete' | 'Recycle';

export interface PersistentVolume extends KubeObject {
  spec: {
    capacity?: Record<string, string>;
    accessModes?: AccessMode[];
    persistentVolumeReclaimPolicy?: ReclaimPolicy;
    storageClassName?: string;
    volumeMode?: string;
    claimRef?: {
      kind?: string;
      apiVersion?: string;
      namespace?: string;
      name?: string;
      uid?: string;
      resourceVersion?: string;
    };
    hostPath?: { path: string; type?: string };
    nfs?: { server: string; path: string; readOnly?: boolean };
    local?: { path: string };
    iscsi?: { targetPortal: string; iqn: string; lun: number; fsType?: string; readOnly?: boolean };
    nodeAffinity?: { required?: { nodeSelectorTerms: NodeSelectorTerm[] } };
    mountOptions?: string[];
  };
  status?: {
    phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
    message?: string;
    reason?: string;
    lastPhaseTransitionTime?: string;
  };
}

export interface PersistentVolumeClaim extends KubeObject {
  spec: {
    accessModes?: AccessMode[];
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    storageClassName?: string | null;
    volumeName?: string;
    volumeMode?: string;
    selector?: LabelSelector;
  };
  status?: {
    phase?: 'Pending' | 'Bound' | 'Lost';
    accessModes?: AccessMode[];
    capacity?: Record<string, string>;
  };
}

/** A TopologySelectorTerm admits nodes whose labels have one of the values for every key. */
export interface TopologySelectorTerm {
  matchLabelExpressions?: { key: string; values: string[] }[];
}

export interface StorageClass extends KubeObject {
  provisioner: string;
  allowedTopologies?: TopologySelectorTerm[];
  parameters?: Record<string, string>;
  reclaimPolicy?: ReclaimPolicy;
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
}

export interface ResourceQuota extends KubeObject {
  spec: { hard?: Record<string, string>; scopes?: string[] };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

export interface LimitRangeItem {
  type: 'Container' | 'Pod' | 'PersistentVolumeClaim';
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

export interface LimitRange extends KubeObject {
  spec: { limits: LimitRangeItem[] };
}

/** The annotation that marks a StorageClass as the default one (storageutil.IsDefaultAnnotation). */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** isDefaultStorageClass tells whether a class carries the default-class annotation set to "true". */
export function isDefaultStorageClass(sc: StorageClass): boolean {
  return sc.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true';
}

/** The finalizers the StorageObjectInUseProtection admission plugin puts on new claims and volumes. */
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
