import { clone, ownerReferenceTo } from '../../api/objects';
import { ControllerContext } from '../context';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  ReplicaSet,
} from '../../api/types';
import { toTimestamp } from '../../clock';
import { computeHash } from '../hash';
import type { DeploymentController } from './deployment';
import {
  availableOf,
  copiedAnnotations,
  DESIRED_REPLICAS_ANNOTATION,
  equalIgnoreHash,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH,
  replicasOf,
  resolveFenceposts,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  revisionOf,
} from './util';

/** ReplicaSets split as the controller sees them: the one matching the template, and the rest. */
export interface RolloutState {
  deployment: Deployment;
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
}

/** findNewReplicaSet returns the oldest ReplicaSet whose template equals the Deployment's. */
export function splitReplicaSets(d: Deployment, owned: ReplicaSet[]): RolloutState {
  const byAge = [...owned].sort((a, b) =>
    a.metadata.creationTimestamp === b.metadata.creationTimestamp
      ? a.metadata.name < b.metadata.name
        ? -1
        : 1
      : a.metadata.creationTimestamp < b.metadata.creationTimestamp
        ? -1
        : 1,
  );
  const newRS = byAge.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  return { deployment: d, newRS, oldRSs: byAge.filter((rs) => rs !== newRS) };
}

/** newRSReplicas is how big the new ReplicaSet may be now (deployment/util NewRSNewReplicas). */
export function newRSReplicas(
  d: Deployment,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet | undefined,
): number {
  if (d.spec.strategy.type === 'Recreate') return d.spec.replicas;
  const { maxSurge } = resolveFenceposts(d);
  const current = replicasOf(allRSs);
  const maxTotal = d.spec.replicas + maxSurge;
  const newReplicas = newRS?.spec.replicas ?? 0;
  if (current >= maxTotal) return newReplicas;
  const scaleUp = Math.min(maxTotal - current, d.spec.replicas - newReplicas);
  return newReplicas + Math.max(0, scaleUp);
}

/** createNewReplicaSet asks for `<deployment>-<pod-template-hash>` with the next revision. */
export function createNewReplicaSet(
  dc: DeploymentController,
  state: RolloutState,
  replicas: number,
): void {
  const d = state.deployment;
  const hash = computeHash(d.spec.template, d.status.collisionCount);
  const revision = Math.max(0, ...state.oldRSs.map(revisionOf)) + 1;
  const template = clone(d.spec.template);
  template.metadata.labels = { ...template.metadata.labels, [POD_TEMPLATE_HASH]: hash };
  const selector = clone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const { maxSurge } = resolveFenceposts(d);
  const name = `${d.metadata.name}-${hash}`;
  const body = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      annotations: {
        ...copiedAnnotations(d.metadata.annotations, undefined),
        [DESIRED_REPLICAS_ANNOTATION]: String(d.spec.replicas),
        [MAX_REPLICAS_ANNOTATION]: String(
          d.spec.replicas + (d.spec.strategy.type === 'RollingUpdate' ? maxSurge : 0),
        ),
        [REVISION_ANNOTATION]: String(revision),
      },
      ownerReferences: [ownerReferenceTo(d)],
    },
    spec: {
      replicas,
      ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector,
      template,
    },
  };
  dc.ctx.client.request(
    { verb: 'create', resource: 'replicasets', namespace: d.metadata.namespace, body },
    (response) => {
      if (response.ok) {
        if (replicas > 0) {
          dc.recorder.normal(
            d,
            'ScalingReplicaSet',
            `Scaled up replica set ${name} from 0 to ${replicas}`,
          );
        }
        dc.progressing(d, 'NewReplicaSetCreated', `Created new replica set "${name}"`);
      } else if (response.error.status.reason !== 'AlreadyExists') {
        dc.recorder.warning(
          d,
          'FailedCreate',
          `Failed to create new replica set "${name}": ${response.error.message}`,
        );
      }
    },
    { code: 'deploy.createRS', args: { deployment: d.metadata.name, rs: name, replicas } },
  );
}

/** scaleReplicaSet sets an RS's replicas (and the deployment annotations), with the ScalingReplicaSet event. */
export function scaleReplicaSet(
  dc: DeploymentController,
  d: Deployment,
  rs: ReplicaSet,
  replicas: number,
): boolean {
  const { maxSurge } = resolveFenceposts(d);
  const annotations = {
    ...rs.metadata.annotations,
    [DESIRED_REPLICAS_ANNOTATION]: String(d.spec.replicas),
    [MAX_REPLICAS_ANNOTATION]: String(
      d.spec.replicas + (d.spec.strategy.type === 'RollingUpdate' ? maxSurge : 0),
    ),
  };
  const sizeChanges = rs.spec.replicas !== replicas;
  const annotationsChange = JSON.stringify(annotations) !== JSON.stringify(rs.metadata.annotations);
  if (!sizeChanges && !annotationsChange) return false;
  const from = rs.spec.replicas;
  const body = { ...rs, metadata: { ...rs.metadata, annotations }, spec: { ...rs.spec, replicas } };
  dc.ctx.client.request(
    {
      verb: 'update',
      resource: 'replicasets',
      namespace: rs.metadata.namespace,
      name: rs.metadata.name,
      body,
    },
    (response) => {
      if (response.ok && sizeChanges) {
        const direction = replicas > from ? 'up' : 'down';
        dc.recorder.normal(
          d,
          'ScalingReplicaSet',
          `Scaled ${direction} replica set ${rs.metadata.name} to ${replicas} from ${from}`,
        );
      } else if (!response.ok) {
        dc.requeue(d);
      }
    },
    { code: 'deploy.scaleRS', args: { rs: rs.metadata.name, from, to: replicas } },
  );
  return sizeChanges;
}

/** ownedReplicaSets lists the ReplicaSets whose controller is this Deployment. */
export function ownedReplicaSets(dc: DeploymentController, d: Deployment): ReplicaSet[] {
  return dc.ctx.replicaSets.byIndex(ControllerContext.BY_CONTROLLER, d.metadata.uid);
}

function condition(
  existing: DeploymentCondition[] | undefined,
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  const old = existing?.find((c) => c.type === type);
  if (old && old.status === status && old.reason === reason && old.message === message) return old;
  return {
    type,
    status,
    lastUpdateTime: now,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
    reason,
    message,
  };
}

/** computeStatus derives the Deployment's status from its ReplicaSets (sync.go calculateStatus). */
export function computeStatus(
  d: Deployment,
  state: RolloutState,
  now: number,
  progress?: { reason: string; message: string },
): DeploymentStatus {
  const all = [...state.oldRSs, ...(state.newRS ? [state.newRS] : [])];
  const replicas = all.reduce((sum, rs) => sum + (rs.status.replicas ?? 0), 0);
  const available = availableOf(all);
  const ready = all.reduce((sum, rs) => sum + (rs.status.readyReplicas ?? 0), 0);
  const updated = state.newRS?.status.replicas ?? 0;
  const { maxUnavailable } = resolveFenceposts(d);
  const minAvailable =
    d.spec.replicas - (d.spec.strategy.type === 'RollingUpdate' ? maxUnavailable : 0);
  const ts = toTimestamp(now);
  const availableCondition =
    available >= minAvailable
      ? condition(
          d.status.conditions,
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          ts,
        )
      : condition(
          d.status.conditions,
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          ts,
        );
  const newName = state.newRS?.metadata.name;
  let progressing = d.status.conditions?.find((c) => c.type === 'Progressing');
  const complete =
    state.newRS !== undefined &&
    updated === d.spec.replicas &&
    (state.newRS.status.availableReplicas ?? 0) === d.spec.replicas &&
    replicas === d.spec.replicas;
  if (progress) {
    progressing = condition(
      d.status.conditions,
      'Progressing',
      progress.reason === 'ProgressDeadlineExceeded' ? 'False' : 'True',
      progress.reason,
      progress.message,
      ts,
    );
  } else if (complete && newName) {
    progressing = condition(
      d.status.conditions,
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${newName}" has successfully progressed.`,
      ts,
    );
  } else if (newName && progressing?.reason !== 'ProgressDeadlineExceeded') {
    // Progress (more updated or available pods) refreshes lastUpdateTime: the deadline counts
    // from the last time the rollout moved, not from its start.
    const moved =
      updated > (d.status.updatedReplicas ?? 0) || available > (d.status.availableReplicas ?? 0);
    if (progressing?.reason !== 'NewReplicaSetCreated' || moved) {
      progressing = condition(
        d.status.conditions,
        'Progressing',
        'True',
        'ReplicaSetUpdated',
        `ReplicaSet "${newName}" is progressing.`,
        ts,
      );
      if (moved) progressing = { ...progressing, lastUpdateTime: ts };
    }
  }
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, d.spec.replicas - available),
    conditions: [availableCondition, ...(progressing ? [progressing] : [])],
  };
  if (d.status.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  for (const key of [
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ] as const) {
    if (status[key] === 0) delete status[key];
  }
  return status;
}

/** isScalingEvent: the Deployment's replicas differ from what its active ReplicaSets were sized for. */
export function isScalingEvent(state: RolloutState): boolean {
  const d = state.deployment;
  const active = [...(state.newRS ? [state.newRS] : []), ...state.oldRSs].filter(
    (rs) => rs.spec.replicas > 0,
  );
  return active.some(
    (rs) => rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] !== String(d.spec.replicas),
  );
}

/**
 * scale resizes for a change of spec.replicas without moving the rollout (sync.go scale): one
 * active ReplicaSet takes the new count; during a rollout the extra (or missing) replicas are
 * shared in proportion to each ReplicaSet's size, the leftovers going to the largest.
 */
export function scale(dc: DeploymentController, state: RolloutState): void {
  const d = state.deployment;
  const all = [...(state.newRS ? [state.newRS] : []), ...state.oldRSs];
  const active = all.filter((rs) => rs.spec.replicas > 0);
  if (active.length <= 1) {
    const target = active[0] ?? state.newRS;
    if (target) scaleReplicaSet(dc, d, target, d.spec.replicas);
    return;
  }
  const { maxSurge } = resolveFenceposts(d);
  const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge : 0;
  const current = replicasOf(active);
  const toAdd = allowed - current;
  const sorted = [...active].sort((a, b) => b.spec.replicas - a.spec.replicas);
  let added = 0;
  const sizes = sorted.map((rs) => {
    const share = current === 0 ? 0 : Math.trunc((rs.spec.replicas * toAdd) / current);
    added += share;
    return rs.spec.replicas + share;
  });
  sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  sorted.forEach((rs, i) => scaleReplicaSet(dc, d, rs, sizes[i]!));
}

/**
 * syncNewReplicaSetAnnotations keeps the new ReplicaSet's annotations as SetNewReplicaSetAnnotations
 * does: the Deployment's own annotations are copied onto it, and a reused ReplicaSet (a rollback to
 * an older template) gets the next revision number, its old number kept in revision-history.
 * Returns whether it asked for a change.
 */
export function syncNewReplicaSetAnnotations(
  dc: DeploymentController,
  state: RolloutState,
): boolean {
  const rs = state.newRS;
  if (!rs) return false;
  const annotations = copiedAnnotations(
    state.deployment.metadata.annotations,
    rs.metadata.annotations,
  );
  const maxOld = Math.max(0, ...state.oldRSs.map(revisionOf));
  const revision = revisionOf(rs);
  if (revision <= maxOld) {
    annotations[REVISION_ANNOTATION] = String(maxOld + 1);
    const history = rs.metadata.annotations?.[REVISION_HISTORY_ANNOTATION];
    annotations[REVISION_HISTORY_ANNOTATION] = history
      ? `${history},${revision}`
      : String(revision);
  }
  if (Object.keys(annotations).length === 0) return false;
  dc.ctx.client.request(
    {
      verb: 'patch',
      resource: 'replicasets',
      namespace: rs.metadata.namespace,
      name: rs.metadata.name,
      patchType: 'merge',
      patch: { metadata: { annotations } },
    },
    undefined,
    revision <= maxOld
      ? { code: 'deploy.revision', args: { revision: maxOld + 1 } }
      : { code: 'deploy.annotations', args: { rs: rs.metadata.name } },
  );
  return true;
}
