import { controllerOf, objectKey } from '../../api/objects';
import { parseTimestamp } from '../../clock';
import type { Deployment, ReplicaSet } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import type { ControllerContext } from '../context';
import { cleanupOldReplicaSets, progressDeadline } from './progress';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import {
  syncNewReplicaSetAnnotations,
  computeStatus,
  isScalingEvent,
  ownedReplicaSets,
  scale,
  splitReplicaSets,
} from './sync';
import { REVISION_ANNOTATION, revisionOf } from './util';

/**
 * DeploymentController turns a Deployment into ReplicaSets (pkg/controller/deployment): one per
 * pod template, named by the template's hash, scaled by the rollout strategy.
 */
export class DeploymentController {
  readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private pendingProgress = new Map<string, { reason: string; message: string }>();
  /** the progress deadline each Deployment has a timer for */
  private readonly deadlines = new Map<string, number>();

  constructor(readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = ctx.recorder('deployment-controller');
    ctx.deployments.addHandlers({
      onAdd: (d) => this.queue.add(objectKey(d)),
      onUpdate: (_old, d) => this.queue.add(objectKey(d)),
      onDelete: (d) => this.queue.add(objectKey(d)),
    });
    const enqueueOwner = (rs: ReplicaSet) => {
      const ref = controllerOf(rs);
      if (ref?.kind === 'Deployment') this.queue.add(`${rs.metadata.namespace}/${ref.name}`);
    };
    ctx.replicaSets.addHandlers({
      onAdd: enqueueOwner,
      onUpdate: (_old, rs) => enqueueOwner(rs),
      onDelete: enqueueOwner,
    });
  }

  requeue(d: Deployment): void {
    this.queue.addRateLimited(objectKey(d));
  }

  /**
   * progressing records a Progressing reason to publish with the next status update; the watch
   * event for the new ReplicaSet triggers that sync (syncing now would read a stale cache).
   */
  progressing(d: Deployment, reason: string, message: string): void {
    this.pendingProgress.set(objectKey(d), { reason, message });
  }

  private sync(key: string): void {
    const d = this.ctx.deployments.get(key);
    if (!d) return;
    const state = splitReplicaSets(d, ownedReplicaSets(this, d));
    if (d.metadata.deletionTimestamp === undefined && !syncNewReplicaSetAnnotations(this, state)) {
      if (d.spec.paused || isScalingEvent(state)) {
        scale(this, state);
      } else if (d.spec.strategy.type === 'Recreate') {
        rolloutRecreate(this, state);
      } else {
        rolloutRolling(this, state);
      }
    }
    cleanupOldReplicaSets(this, state);
    this.syncStatus(d, state);
    this.watchDeadline(d);
  }

  /** watchDeadline looks at the rollout again when its progress deadline would pass. */
  private watchDeadline(d: Deployment): void {
    const progressing = d.status.conditions?.find((c) => c.type === 'Progressing');
    if (
      !progressing ||
      progressing.reason === 'NewReplicaSetAvailable' ||
      progressing.reason === 'ProgressDeadlineExceeded'
    )
      return;
    const due =
      parseTimestamp(progressing.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 + 1;
    // A deadline already past was checked by this sync; only a future one needs a timer.
    const key = objectKey(d);
    if (due <= this.ctx.clock.now || this.deadlines.get(key) === due) return;
    this.deadlines.set(key, due);
    this.queue.addAfter(key, due - this.ctx.clock.now, true);
  }

  private syncStatus(d: Deployment, state: ReturnType<typeof splitReplicaSets>): void {
    const key = objectKey(d);
    const progress =
      this.pendingProgress.get(key) ?? progressDeadline(d, state, this.ctx.clock.now);
    const status = computeStatus(d, state, this.ctx.clock.now, progress);
    const revision = state.newRS
      ? String(revisionOf(state.newRS))
      : d.metadata.annotations?.[REVISION_ANNOTATION];
    if (
      revision &&
      revision !== '0' &&
      d.metadata.annotations?.[REVISION_ANNOTATION] !== revision
    ) {
      this.ctx.client.request(
        {
          verb: 'patch',
          resource: 'deployments',
          namespace: d.metadata.namespace,
          name: d.metadata.name,
          patchType: 'merge',
          patch: { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } },
        },
        undefined,
        { code: 'deploy.revision', args: { revision } },
      );
      return;
    }
    if (JSON.stringify(status) === JSON.stringify(d.status)) {
      this.pendingProgress.delete(key);
      return;
    }
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'deployments',
        namespace: d.metadata.namespace,
        name: d.metadata.name,
        subresource: 'status',
        body: { ...d, status } as Deployment,
      },
      (response) => {
        if (response.ok) this.pendingProgress.delete(key);
        else this.requeue(d);
      },
      { code: 'deploy.status', args: { ready: status.readyReplicas ?? 0, want: d.spec.replicas } },
    );
  }
}
