import { parseTimestamp } from '../../clock';
import type { Deployment, DeploymentCondition } from '../../api/types';
import type { DeploymentController } from './deployment';
import { revisionOf } from './util';
import type { RolloutState } from './sync';

/**
 * cleanupOldReplicaSets keeps at most revisionHistoryLimit old ReplicaSets, deleting the oldest
 * revisions first, and only those already scaled to zero (sync.go cleanupDeployment).
 */
export function cleanupOldReplicaSets(dc: DeploymentController, state: RolloutState): void {
  const d = state.deployment;
  const idle = state.oldRSs
    .filter(
      (rs) =>
        rs.spec.replicas === 0 && (rs.status.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp,
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  const excess = idle.length - d.spec.revisionHistoryLimit;
  for (const rs of idle.slice(0, Math.max(0, excess))) {
    dc.ctx.client.request(
      {
        verb: 'delete',
        resource: 'replicasets',
        namespace: rs.metadata.namespace,
        name: rs.metadata.name,
      },
      undefined,
      {
        code: 'deploy.cleanup',
        args: { rs: rs.metadata.name, limit: d.spec.revisionHistoryLimit },
      },
    );
  }
}

/**
 * progressDeadlineExceeded: a rollout whose Progressing condition has not moved for
 * progressDeadlineSeconds is reported as failed (progress.go), with the real reason and message.
 */
export function progressDeadline(
  d: Deployment,
  state: RolloutState,
  now: number,
): { reason: string; message: string } | undefined {
  const progressing = d.status.conditions?.find(
    (c: DeploymentCondition) => c.type === 'Progressing',
  );
  if (
    !progressing ||
    progressing.reason === 'NewReplicaSetAvailable' ||
    progressing.reason === 'ProgressDeadlineExceeded'
  )
    return undefined;
  if (d.spec.paused || !state.newRS) return undefined;
  const since = parseTimestamp(progressing.lastUpdateTime);
  if (now - since < d.spec.progressDeadlineSeconds * 1000) return undefined;
  return {
    reason: 'ProgressDeadlineExceeded',
    message: `ReplicaSet "${state.newRS.metadata.name}" has timed out progressing.`,
  };
}
