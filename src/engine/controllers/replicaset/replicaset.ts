import { isPodActive, isPodReady, podCondition } from '../../api/pod';
import { controllerOf, objectKey } from '../../api/objects';
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../api/types';
import { parseTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import { ControllerContext } from '../context';
import { createPod, podFromTemplate, slowStartBatch } from '../pod-control';
import { Expectations } from '../expectations';
import { OwnedPodTally, type OwnedPodCounts } from './owned-pods';
import { rankForDeletion } from './ranking';

/**
 * syncCostMs is how long a real syncReplicaSet keeps its worker busy: about a microsecond per
 * owned pod (listing, claiming, counting), so whole milliseconds only from a thousand pods on.
 * Pod updates arriving meanwhile collapse into one sync after it.
 */
function syncCostMs(pods: number): number {
  return Math.floor(pods / 1000);
}

/** BURST_REPLICAS caps how many pods one sync creates or deletes (replica_set.go). */
const BURST_REPLICAS = 500;

/**
 * ReplicaSetController keeps the number of running pods equal to spec.replicas
 * (pkg/controller/replicaset): it counts the pods it owns, creates or deletes the difference,
 * and reports what it sees in status.
 */
export class ReplicaSetController {
  private readonly queue: WorkQueue;
  /** ReplicaSets whose last create batch was refused: their back-off outlives status writes */
  private readonly createsFailing = new Set<string>();
  private readonly expectations: Expectations;
  private readonly recorder: EventRecorder;
  private readonly owned: OwnedPodTally;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.expectations = new Expectations(() => ctx.clock.now);
    this.recorder = ctx.recorder('replicaset-controller');
    this.owned = new OwnedPodTally(ctx.pods);
    ctx.replicaSets.addHandlers({
      onAdd: (rs) => this.queue.add(objectKey(rs)),
      onUpdate: (_old, rs) => this.queue.add(objectKey(rs)),
      onDelete: (rs) => {
        this.owned.forget(rs.metadata.uid);
        this.expectations.delete(objectKey(rs));
        this.queue.add(objectKey(rs));
      },
    });
    ctx.pods.addHandlers({
      onAdd: (pod) => {
        this.owned.added(pod);
        const key = this.ownerKey(pod);
        if (!key) return;
        this.expectations.creationObserved(key);
        this.queue.add(key);
      },
      onUpdate: (old, pod) => {
        this.owned.updated(old, pod);
        const key = this.ownerKey(pod);
        if (key) this.queue.add(key);
        // Only a changed controller reference can have left another ReplicaSet a pod short.
        const ref = controllerOf(pod);
        const oldRef = controllerOf(old);
        if (oldRef && (oldRef.uid !== ref?.uid || oldRef.name !== ref.name)) {
          const oldKey = this.ownerKey(old);
          if (oldKey && oldKey !== key) this.queue.add(oldKey);
        }
        // A pod that starts terminating is a deletion the controller asked for (or must replace).
        if (key && old.metadata.deletionTimestamp === undefined && pod.metadata.deletionTimestamp) {
          this.expectations.deletionObserved(key);
        }
        if (key && isPodReady(pod) && !isPodReady(old)) this.requeueForMinReady(key);
      },
      onDelete: (pod) => {
        this.owned.deleted(pod);
        const key = this.ownerKey(pod);
        if (!key) return;
        if (pod.metadata.deletionTimestamp === undefined) this.expectations.deletionObserved(key);
        this.queue.add(key);
      },
    });
  }

  private ownerKey(pod: Pod): string | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    const rs = this.ctx.replicaSets.get(key);
    return rs && rs.metadata.uid !== ref.uid ? undefined : key;
  }

  private requeueForMinReady(key: string): void {
    const minReady = this.ctx.replicaSets.get(key)?.spec.minReadySeconds ?? 0;
    if (minReady > 0) this.queue.addAfter(key, minReady * 1000 + 1);
  }

  /** ownedPods lists the active pods this ReplicaSet controls. */
  private ownedPods(rs: ReplicaSet): Pod[] {
    return this.ctx.pods
      .byIndex(ControllerContext.BY_CONTROLLER, rs.metadata.uid)
      .filter(isPodActive);
  }

  /** sync reconciles one ReplicaSet and returns how long that took its worker (syncCostMs). */
  private sync(key: string): number {
    const rs = this.ctx.replicaSets.get(key);
    if (!rs) {
      this.expectations.delete(key);
      return 0;
    }
    // Counted as the pod informer's changes arrive: the same figures a pass over the pods gives.
    const counts = this.owned.counts(rs);
    if (this.expectations.satisfied(key) && rs.metadata.deletionTimestamp === undefined) {
      this.manageReplicas(key, rs, counts.replicas);
    }
    this.updateStatus(rs, counts);
    return syncCostMs(counts.replicas);
  }

  private manageReplicas(key: string, rs: ReplicaSet, active: number): void {
    const diff = active - rs.spec.replicas;
    if (diff < 0) {
      const count = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, count);
      slowStartBatch(
        count,
        (settled) => this.createPod(rs, settled),
        (successes, failed) => {
          for (let i = successes; i < count; i++) this.expectations.creationObserved(key);
          if (failed) {
            this.createsFailing.add(key);
            this.queue.addRateLimited(key, true);
          } else {
            this.createsFailing.delete(key);
            this.queue.forget(key);
          }
        },
      );
    } else if (diff > 0) {
      const victims = rankForDeletion(this.ownedPods(rs), this.ctx.clock.now).slice(
        0,
        Math.min(diff, BURST_REPLICAS),
      );
      this.expectations.expectDeletions(key, victims.length);
      for (const pod of victims) this.deletePod(key, rs, pod);
    }
  }

  private createPod(rs: ReplicaSet, settled: (created: boolean) => void): void {
    createPod(
      this.ctx,
      this.recorder,
      rs,
      podFromTemplate(rs, rs.spec.template),
      { code: 'rs.create', args: { rs: rs.metadata.name, want: rs.spec.replicas } },
      settled,
    );
  }

  private deletePod(key: string, rs: ReplicaSet, pod: Pod): void {
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
      },
      (response) => {
        if (response.ok) {
          this.recorder.normal(rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } else {
          this.expectations.deletionObserved(key);
        }
      },
      { code: 'rs.delete', args: { rs: rs.metadata.name, want: rs.spec.replicas } },
    );
  }

  /** availableReplicas counts the ready pods that have been ready for minReadySeconds. */
  private availableReplicas(rs: ReplicaSet, ready: number): number {
    const minReadyMs = (rs.spec.minReadySeconds ?? 0) * 1000;
    if (minReadyMs === 0) return ready;
    const now = this.ctx.clock.now;
    let available = 0;
    for (const p of this.ownedPods(rs)) {
      if (!isPodReady(p)) continue;
      const since = podCondition(p, 'Ready')!.lastTransitionTime;
      if (parseTimestamp(since) + minReadyMs <= now) available++;
    }
    return available;
  }

  private updateStatus(rs: ReplicaSet, { replicas, labeled, ready }: OwnedPodCounts): void {
    const status: ReplicaSetStatus = {
      replicas,
      fullyLabeledReplicas: labeled,
      readyReplicas: ready,
      availableReplicas: this.availableReplicas(rs, ready),
      observedGeneration: rs.metadata.generation,
    };
    for (const field of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const) {
      if (status[field] === 0) delete status[field];
    }
    if (JSON.stringify(status) === JSON.stringify(rs.status)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'replicasets',
        namespace: rs.metadata.namespace,
        name: rs.metadata.name,
        subresource: 'status',
        body: { ...rs, status } as ReplicaSet,
      },
      (response) => {
        // A refused create keeps its own back-off until a batch succeeds.
        if (!response.ok || !this.createsFailing.has(objectKey(rs)))
          this.queue.settle(objectKey(rs), response.ok);
      },
      { code: 'rs.status', args: { ready, want: rs.spec.replicas } },
    );
  }
}
