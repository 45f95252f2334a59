import type { AnyObject } from '../../api/types';
import { DEFAULT_STORAGE_CLASS_ANNOTATION } from '../../api/storage-types';

/** The provisioner minikube's storage-provisioner addon registers (hostPath directories on the node). */
export const MINIKUBE_PROVISIONER = 'k8s.io/minikube-hostpath';
/** Where that provisioner creates each claim's directory: /tmp/hostpath-provisioner/<ns>/<claim>. */
export const MINIKUBE_HOSTPATH_ROOT = '/tmp/hostpath-provisioner';

/**
 * presetStorageClasses is what a fresh cluster offers: kubeadm installs no StorageClass (claims
 * wait for a PersistentVolume an admin creates), minikube's default-storageclass addon installs
 * `standard`, marked default, backed by its hostPath provisioner.
 */
export function presetStorageClasses(preset: string): AnyObject[] {
  if (preset !== 'minikube') return [];
  return [
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' },
        labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' },
      },
      provisioner: MINIKUBE_PROVISIONER,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    },
  ];
}
