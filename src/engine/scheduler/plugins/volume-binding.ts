import type {
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../api/storage-types';
import { findMatchingVolume, volumeReachable } from '../../controllers/persistentvolume/binding';
import type { FilterPlugin } from '../framework';

/**
 * VolumeBinding: a pod's claims must exist and, unless their class waits for the first consumer,
 * be bound already (PreFilter; the pod fits no node until then). On each node, a bound volume's
 * node affinity must admit the node, and a WaitForFirstConsumer claim still unbound needs an
 * Available volume there that fits it, or a class that can provision one.
 */
export const volumeBinding = {
  name: 'VolumeBinding',
  preFilter(pod, cluster) {
    const claims = (pod.spec.volumes ?? []).flatMap((v) =>
      v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
    );
    const volumes = cluster.volumes;
    if (claims.length === 0 || !volumes) return undefined;
    const namespace = pod.metadata.namespace ?? 'default';
    let waiting = false;
    const bound: PersistentVolume[] = [];
    const unboundDelayed: { pvc: PersistentVolumeClaim; cls: StorageClass }[] = [];
    const available = volumes.persistentVolumes();
    for (const name of claims) {
      const pvc = volumes.claim(namespace, name);
      const reject = (reason: string) => () => ({
        reasons: [reason],
        unresolvable: true,
        preFilter: true,
      });
      if (!pvc) return reject(`persistentvolumeclaim "${name}" not found`);
      if (pvc.metadata.deletionTimestamp)
        return reject(`persistentvolumeclaim "${name}" is being deleted`);
      if (pvc.spec.volumeName) {
        const pv = available.find((v) => v.metadata.name === pvc.spec.volumeName);
        if (pv) bound.push(pv);
        continue;
      }
      const cls = pvc.spec.storageClassName
        ? volumes.storageClass(pvc.spec.storageClassName)
        : undefined;
      if (cls?.volumeBindingMode === 'WaitForFirstConsumer') unboundDelayed.push({ pvc, cls });
      else waiting = true;
    }
    if (waiting)
      return () => ({
        reasons: ['pod has unbound immediate PersistentVolumeClaims'],
        unresolvable: true,
        preFilter: true,
      });
    if (bound.length === 0 && unboundDelayed.length === 0) return undefined;
    return (nodeInfo) => {
      const node = nodeInfo.node;
      if (!bound.every((pv) => volumeReachable(pv, node)))
        return { reasons: ['node(s) had volume node affinity conflict'], unresolvable: true };
      const here = available.filter((pv) => volumeReachable(pv, node));
      // Each claim needs a volume on this node that fits it, or a provisioner to make one.
      const satisfiable = unboundDelayed.every(
        ({ pvc, cls }) =>
          findMatchingVolume(pvc, here, new Set()) !== undefined ||
          cls.provisioner !== 'kubernetes.io/no-provisioner',
      );
      return satisfiable
        ? undefined
        : {
            reasons: ["node(s) didn't find available persistent volumes to bind"],
            unresolvable: true,
          };
    };
  },
} satisfies FilterPlugin;
