import type { ApiServer } from '../../apiserver/apiserver';
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../api/storage-types';
import type { AnyObject } from '../../api/types';
import type { Clock } from '../../clock';
import { ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/events';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Disks } from '../../kubelet/disks';
import { hostPathKey } from '../../kubelet/disks';
import { ANN_PROVISIONED_BY, ANN_STORAGE_PROVISIONER, claimRefTo } from './binding';
import { MINIKUBE_HOSTPATH_ROOT, MINIKUBE_PROVISIONER } from './storage-classes';

export const STORAGE_PROVISIONER = 'storage-provisioner';

/**
 * HostPathProvisioner is minikube's storage-provisioner addon (an external provisioner for
 * k8s.io/minikube-hostpath): for each claim the PV controller hands it, it makes a directory
 * /tmp/hostpath-provisioner/<ns>/<claim> on the node and a PersistentVolume `pvc-<claim uid>`
 * pre-bound to the claim; when such a volume is Released with the Delete policy, it removes the
 * directory and the volume.
 */
export class HostPathProvisioner {
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly volumes: Informer<PersistentVolume>;
  private readonly classes: Informer<StorageClass>;
  private readonly queue: WorkQueue;
  private readonly provisioning = new Set<string>();

  constructor(
    api: ApiServer,
    clock: Clock,
    private readonly disks: Disks,
    private readonly node: string,
  ) {
    this.client = new ApiClient(STORAGE_PROVISIONER, api);
    this.recorder = new EventRecorder(this.client, clock, {
      component: `${MINIKUBE_PROVISIONER}_${node}`,
    });
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
    this.claims = new Informer(api, STORAGE_PROVISIONER, 'persistentvolumeclaims');
    this.volumes = new Informer(api, STORAGE_PROVISIONER, 'persistentvolumes');
    this.classes = new Informer(api, STORAGE_PROVISIONER, 'storageclasses');
    this.claims.addHandlers({
      onAdd: (pvc) => this.queue.add(`claim:${pvc.metadata.namespace}/${pvc.metadata.name}`),
      onUpdate: (_o, pvc) => this.queue.add(`claim:${pvc.metadata.namespace}/${pvc.metadata.name}`),
    });
    this.volumes.addHandlers({
      onAdd: (pv) => this.queue.add(`volume:${pv.metadata.name}`),
      onUpdate: (_o, pv) => this.queue.add(`volume:${pv.metadata.name}`),
    });
    this.classes.start();
    this.volumes.start();
    this.claims.start();
  }

  private sync(key: string): void {
    const [kind, name] = key.split(/:(.*)/s, 2) as [string, string];
    if (kind === 'claim') this.syncClaim(name);
    else this.syncVolume(name);
  }

  private syncClaim(key: string): void {
    const pvc = this.claims.get(key);
    if (!pvc || pvc.spec.volumeName || pvc.metadata.deletionTimestamp) return;
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== MINIKUBE_PROVISIONER) return;
    const volumeName = `pvc-${pvc.metadata.uid}`;
    if (this.provisioning.has(volumeName) || this.volumes.get(volumeName)) return;
    const cls = this.classes.get(pvc.spec.storageClassName ?? '');
    if (!cls) return;
    this.provisioning.add(volumeName);
    const namespace = pvc.metadata.namespace!;
    this.recorder.normal(
      pvc,
      'Provisioning',
      `External provisioner is provisioning volume for claim "${namespace}/${pvc.metadata.name}"`,
    );
    const path = `${MINIKUBE_HOSTPATH_ROOT}/${namespace}/${pvc.metadata.name}`;
    this.disks.open(hostPathKey(this.node, path));
    const body: AnyObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: volumeName,
        annotations: {
          hostPathProvisionerIdentity: this.node,
          [ANN_PROVISIONED_BY]: MINIKUBE_PROVISIONER,
        },
      },
      spec: {
        accessModes: pvc.spec.accessModes,
        capacity: { storage: pvc.spec.resources?.requests?.storage },
        claimRef: claimRefTo(pvc),
        hostPath: { path, type: '' },
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: cls.metadata.name,
        volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
      },
    };
    this.client.request(
      { verb: 'create', resource: 'persistentvolumes', body },
      (response) => {
        this.provisioning.delete(volumeName);
        if (response.ok)
          this.recorder.normal(
            pvc,
            'ProvisioningSucceeded',
            `Successfully provisioned volume ${volumeName}`,
          );
      },
      { code: 'provisioner.provision', args: { pvc: pvc.metadata.name, pv: volumeName } },
    );
  }

  /** syncVolume deletes its own Released volumes whose policy is Delete, data first. */
  private syncVolume(name: string): void {
    const pv = this.volumes.get(name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY] !== MINIKUBE_PROVISIONER) return;
    if (pv.status?.phase !== 'Released' || pv.spec.persistentVolumeReclaimPolicy !== 'Delete')
      return;
    if (pv.spec.hostPath) this.disks.wipe(hostPathKey(this.node, pv.spec.hostPath.path));
    this.client.request({ verb: 'delete', resource: 'persistentvolumes', name });
  }
}
