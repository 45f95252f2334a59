import { clone } from '../../api/objects';
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  StorageClass,
} from '../../api/storage-types';
import type { Node, Pod } from '../../api/types';
import type { Clock } from '../../clock';
import type { ApiClient } from '../../client/client';
import type { Informer } from '../../client/informer';
import type { HopNote } from '../../hops';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  claimRefTo,
  ANN_SELECTED_NODE,
  volumeReachable,
} from '../../controllers/persistentvolume/binding';
import type { VolumeListers } from '../framework';
import type { PodVolumes } from './volume-binding';

/** PreBind polls the claims every second (wait.PollUntilContextTimeout, not immediately). */
const BIND_POLL_MS = 1000;
/** How long PreBind waits for the claims to be bound (bindTimeoutSeconds). */
const BIND_TIMEOUT_MS = 600_000;

/** An object assumed by the scheduler, valid until the informer shows a newer version. */
interface Assumed<T> {
  object: T;
  fromVersion: string | undefined;
}

const claimKey = (pvc: PersistentVolumeClaim) => `${pvc.metadata.namespace}/${pvc.metadata.name}`;

/** isFullyBound: the claim names its volume and the PV controller has finished (bind-completed). */
const isFullyBound = (pvc: PersistentVolumeClaim) =>
  !!pvc.spec.volumeName && pvc.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined;

/**
 * VolumeBinder is the VolumeBinding plugin's binder (volumebinding/binder.go) and its assume
 * caches. Reserve assumes the chosen node's bindings (a volume's claimRef, a claim's selected-node
 * annotation) so the next pods see them at once; PreBind writes them through the API server and
 * polls until every claim is bound, after which the pod itself may be bound.
 */
export class VolumeBinder {
  private readonly assumedVolumes = new Map<string, Assumed<PersistentVolume>>();
  private readonly assumedClaims = new Map<string, Assumed<PersistentVolumeClaim>>();

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
    private readonly claims: Informer<PersistentVolumeClaim>,
    private readonly volumes: Informer<PersistentVolume>,
    private readonly classes: Informer<StorageClass>,
  ) {}

  /** listers reads the informers through the assume caches. */
  readonly listers: VolumeListers = {
    claim: (namespace, name) => this.claim(`${namespace}/${name}`),
    persistentVolume: (name) => this.volume(name),
    persistentVolumes: () => this.volumes.list().map((pv) => this.volume(pv.metadata.name)!),
    storageClass: (name) => this.classes.get(name),
  };

  private claim(key: string): PersistentVolumeClaim | undefined {
    return this.current(this.assumedClaims, key, this.claims.get(key));
  }

  private volume(name: string): PersistentVolume | undefined {
    return this.current(this.assumedVolumes, name, this.volumes.get(name));
  }

  /** current is the assumed object until the informer has a newer version than it was made from. */
  private current<T extends PersistentVolume | PersistentVolumeClaim>(
    assumed: Map<string, Assumed<T>>,
    key: string,
    cached: T | undefined,
  ): T | undefined {
    const entry = assumed.get(key);
    if (!entry) return cached;
    if (cached && cached.metadata.resourceVersion === entry.fromVersion) return entry.object;
    assumed.delete(key);
    return cached;
  }

  /**
   * assume is AssumePodVolumes: each static binding's volume gets the claim as its claimRef
   * (GetBindVolumeToClaim), each claim to provision the selected-node annotation. It returns the
   * objects PreBind must write: those the assumption changed.
   */
  assume(
    podVolumes: PodVolumes,
    node: string,
  ): { volumes: PersistentVolume[]; claims: PersistentVolumeClaim[] } {
    const volumes: PersistentVolume[] = [];
    for (const { pv, pvc } of podVolumes.staticBindings) {
      const ref = pv.spec.claimRef;
      if (ref?.uid === pvc.metadata.uid) continue;
      const bound = clone(pv);
      bound.spec.claimRef = claimRefTo(pvc);
      if (!ref)
        bound.metadata.annotations = {
          ...bound.metadata.annotations,
          [ANN_BOUND_BY_CONTROLLER]: 'yes',
        };
      this.assumedVolumes.set(pv.metadata.name, {
        object: bound,
        fromVersion: pv.metadata.resourceVersion,
      });
      volumes.push(bound);
    }
    const claims: PersistentVolumeClaim[] = [];
    for (const pvc of podVolumes.dynamicProvisions) {
      if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] === node) continue;
      const selected = clone(pvc);
      selected.metadata.annotations = {
        ...selected.metadata.annotations,
        [ANN_SELECTED_NODE]: node,
      };
      this.assumedClaims.set(claimKey(pvc), {
        object: selected,
        fromVersion: pvc.metadata.resourceVersion,
      });
      claims.push(selected);
    }
    return { volumes, claims };
  }

  /** revert is Unreserve: forget what assume assumed for this pod. */
  revert(podVolumes: PodVolumes): void {
    for (const { pv } of podVolumes.staticBindings) this.assumedVolumes.delete(pv.metadata.name);
    for (const pvc of podVolumes.dynamicProvisions) this.assumedClaims.delete(claimKey(pvc));
  }

  /**
   * bind is BindPodVolumes: update the assumed volumes and claims (bindAPIUpdate), then every
   * second check that each claim is bound (checkBindings), for at most ten minutes. `done` gets
   * undefined once they all are, or the error PreBind fails with; neither comes once `assumed`
   * says the scheduler has forgotten the pod (it was deleted).
   */
  bind(
    pod: Pod,
    node: Node,
    podVolumes: PodVolumes,
    writes: { volumes: PersistentVolume[]; claims: PersistentVolumeClaim[] },
    assumed: () => boolean,
    done: (error?: string) => void,
  ): void {
    type Write = (then: (error?: string) => void) => void;
    const requests: Write[] = [
      ...writes.volumes.map(
        (pv): Write =>
          (then) =>
            this.update('persistentvolumes', pv, then, {
              code: 'scheduler.bindVolume',
              args: { pod: pod.metadata.name, pv: pv.metadata.name, pvc: pv.spec.claimRef!.name! },
            }),
      ),
      ...writes.claims.map(
        (pvc): Write =>
          (then) =>
            this.update('persistentvolumeclaims', pvc, then, {
              code: 'scheduler.selectNode',
              args: { pod: pod.metadata.name, pvc: pvc.metadata.name, node: node.metadata.name },
            }),
      ),
    ];
    const deadline = this.clock.now + BIND_TIMEOUT_MS;
    const poll = () => {
      if (!assumed()) return;
      const checked = this.checkBindings(podVolumes, node);
      if (checked !== false) return done(checked === true ? undefined : checked);
      if (this.clock.now + BIND_POLL_MS > deadline)
        return done('binding volumes: context deadline exceeded');
      this.clock.schedule(BIND_POLL_MS, poll);
    };
    const next = (i: number) => {
      if (i === requests.length) {
        this.clock.schedule(BIND_POLL_MS, poll);
        return;
      }
      requests[i]!((error) => (error ? done(error) : next(i + 1)));
    };
    next(0);
  }

  /** update writes an assumed object back (the binder's Update calls); `then` gets the error, if any. */
  private update(
    resource: 'persistentvolumes' | 'persistentvolumeclaims',
    body: PersistentVolume | PersistentVolumeClaim,
    then: (error?: string) => void,
    note: HopNote,
  ): void {
    this.client.request(
      {
        verb: 'update',
        resource,
        namespace: body.metadata.namespace,
        name: body.metadata.name,
        body,
      },
      (response) => then(response.ok ? undefined : response.error.message),
      note,
    );
  }

  /**
   * checkBindings: true when every claim is fully bound (and a provisioned volume can be reached
   * from the node), false while still waiting, or the error that ends the wait.
   */
  private checkBindings(podVolumes: PodVolumes, node: Node): boolean | string {
    for (const { pv, pvc } of podVolumes.staticBindings) {
      const volume = this.volume(pv.metadata.name);
      if (!volume) return `binding volumes: failed to get pv "${pv.metadata.name}" from cache`;
      if (!volume.spec.claimRef?.uid)
        return `binding volumes: ClaimRef got reset for pv "${pv.metadata.name}"`;
      const claim = this.claim(claimKey(pvc));
      if (!claim || !isFullyBound(claim)) return false;
    }
    for (const pvc of podVolumes.dynamicProvisions) {
      const claim = this.claim(claimKey(pvc));
      if (!claim) return false;
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === undefined)
        return `binding volumes: selectedNode annotation reset for PVC "${pvc.metadata.name}"`;
      if (!isFullyBound(claim)) return false;
      const volume = this.volume(claim.spec.volumeName!);
      if (!volume) return false;
      if (!volumeReachable(volume, node))
        return `binding volumes: pv "${volume.metadata.name}" node affinity doesn't match node "${node.metadata.name}"`;
    }
    return true;
  }
}
