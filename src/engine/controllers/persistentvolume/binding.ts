import { matchesSelector } from '../../api/labels';
import { matchesTerm } from '../../api/node-selector';
import { parseQuantity } from '../../api/quantity';
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/storage-types';
import type { Node } from '../../api/types';

/** Annotations the PV controller writes on what it binds (pv_controller.go). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';

/** claimClass is the class a claim asks for: "" (no class) when unset after admission. */
export const claimClass = (pvc: PersistentVolumeClaim) => pvc.spec.storageClassName ?? '';

/** requestedBytes is a claim's storage request. */
export const requestedBytes = (pvc: PersistentVolumeClaim) =>
  parseQuantity(pvc.spec.resources?.requests?.storage ?? '0') ?? 0;

const capacityBytes = (pv: PersistentVolume) =>
  parseQuantity(pv.spec.capacity?.storage ?? '0') ?? 0;

type ClaimRef = NonNullable<PersistentVolume['spec']['claimRef']>;

/** claimRefTo is the reference a volume bound to the claim carries (GetReference, in its field order). */
export function claimRefTo(pvc: PersistentVolumeClaim): ClaimRef {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: pvc.metadata.namespace,
    name: pvc.metadata.name,
    uid: pvc.metadata.uid,
    apiVersion: 'v1',
    resourceVersion: pvc.metadata.resourceVersion,
  };
}

/** isPreBoundTo: the volume's claimRef names the claim (IsVolumeBoundToClaim). */
export function isPreBoundTo(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec.claimRef;
  return (
    !!ref &&
    ref.name === pvc.metadata.name &&
    ref.namespace === pvc.metadata.namespace &&
    (!ref.uid || ref.uid === pvc.metadata.uid)
  );
}

/**
 * volumeFits is findMatchingVolume's test for one volume: class, modes, size and labels. The
 * controller only takes Available volumes; the scheduler (anyPhase) takes any unclaimed one, even
 * a volume created a moment ago that the controller has not yet marked Available.
 */
export function volumeFits(
  pv: PersistentVolume,
  pvc: PersistentVolumeClaim,
  anyPhase = false,
): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  const ref = pv.spec.claimRef;
  // A volume pre-bound to a claim only fits that claim.
  if (ref && (ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace))
    return false;
  if (ref?.uid && ref.uid !== pvc.metadata.uid) return false;
  if (!ref && !anyPhase && pv.status?.phase !== 'Available') return false;
  if ((pv.spec.storageClassName ?? '') !== claimClass(pvc)) return false;
  const modes = pv.spec.accessModes ?? [];
  if (!(pvc.spec.accessModes ?? []).every((m) => modes.includes(m))) return false;
  if (capacityBytes(pv) < requestedBytes(pvc)) return false;
  if (pvc.spec.selector && !matchesSelector(pvc.spec.selector, pv.metadata.labels)) return false;
  return true;
}

/**
 * findMatchingVolume picks the smallest volume that fits the claim, a volume pre-bound to it
 * first, or the one the claim names in spec.volumeName.
 */
export function findMatchingVolume(
  pvc: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  taken: Set<string>,
  anyPhase = false,
): PersistentVolume | undefined {
  const candidates = volumes.filter(
    (pv) => !taken.has(pv.metadata.name) && volumeFits(pv, pvc, anyPhase),
  );
  if (pvc.spec.volumeName) return candidates.find((pv) => pv.metadata.name === pvc.spec.volumeName);
  const preBound = candidates.find((pv) => pv.spec.claimRef);
  if (preBound) return preBound;
  return candidates.sort(
    (a, b) => capacityBytes(a) - capacityBytes(b) || a.metadata.name.localeCompare(b.metadata.name),
  )[0];
}

/** volumeReachable: a volume with node affinity (a local disk) can only be used on those nodes. */
export function volumeReachable(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec.nodeAffinity?.required?.nodeSelectorTerms;
  return !terms || terms.some((term) => matchesTerm(term, node));
}
