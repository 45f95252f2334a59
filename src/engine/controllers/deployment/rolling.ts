import { availableOf, replicasOf, resolveFenceposts } from './util';
import type { DeploymentController } from './deployment';
import { createNewReplicaSet, newRSReplicas, scaleReplicaSet, type RolloutState } from './sync';

/**
 * rolloutRolling moves a RollingUpdate one step (rolling.go): grow the new ReplicaSet while the
 * total stays within replicas + maxSurge, then shrink old ones while at least
 * replicas - maxUnavailable pods stay available. With 3 replicas (surge 1, unavailable 0) it runs
 * 4 pods, waits for the new one to be available, drops an old one, and repeats.
 */
export function rolloutRolling(dc: DeploymentController, state: RolloutState): void {
  const d = state.deployment;
  const all = [...state.oldRSs, ...(state.newRS ? [state.newRS] : [])];
  if (!state.newRS) {
    createNewReplicaSet(dc, state, newRSReplicas(d, all, undefined));
    return;
  }
  const target = newRSReplicas(d, all, state.newRS);
  if (target !== state.newRS.spec.replicas) {
    scaleReplicaSet(dc, d, state.newRS, target);
    return;
  }
  reconcileOldReplicaSets(dc, state);
}

function reconcileOldReplicaSets(dc: DeploymentController, state: RolloutState): void {
  const d = state.deployment;
  const newRS = state.newRS!;
  const oldPods = replicasOf(state.oldRSs);
  if (oldPods === 0) return;
  const all = [...state.oldRSs, newRS];
  const { maxUnavailable } = resolveFenceposts(d);
  const minAvailable = d.spec.replicas - maxUnavailable;
  const newUnavailable = newRS.spec.replicas - (newRS.status.availableReplicas ?? 0);
  const budget = replicasOf(all) - minAvailable - newUnavailable;
  if (budget <= 0) return;
  // Unhealthy old pods go first: they cost no availability. The next sync continues from there.
  const unhealthyRS = state.oldRSs.find(
    (rs) => rs.spec.replicas > (rs.status.availableReplicas ?? 0),
  );
  if (unhealthyRS) {
    const unhealthy = unhealthyRS.spec.replicas - (unhealthyRS.status.availableReplicas ?? 0);
    scaleReplicaSet(dc, d, unhealthyRS, unhealthyRS.spec.replicas - Math.min(unhealthy, budget));
    return;
  }
  const available = availableOf(all);
  let canRemove = available - minAvailable;
  for (const rs of state.oldRSs) {
    if (canRemove <= 0) break;
    if (rs.spec.replicas === 0) continue;
    const drop = Math.min(rs.spec.replicas, canRemove);
    scaleReplicaSet(dc, d, rs, rs.spec.replicas - drop);
    canRemove -= drop;
  }
}
