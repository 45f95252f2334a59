import type { DeploymentController } from './deployment';
import { createNewReplicaSet, scaleReplicaSet, type RolloutState } from './sync';

/**
 * rolloutRecreate (recreate.go): scale every old ReplicaSet to zero, wait until their pods are
 * gone, then create or scale up the new one.
 */
export function rolloutRecreate(dc: DeploymentController, state: RolloutState): void {
  const d = state.deployment;
  let scaledDown = false;
  for (const rs of state.oldRSs) {
    if (rs.spec.replicas > 0) scaledDown = scaleReplicaSet(dc, d, rs, 0) || scaledDown;
  }
  if (scaledDown) return;
  const oldPodsRunning = state.oldRSs.some((rs) => (rs.status.replicas ?? 0) > 0);
  if (oldPodsRunning) return;
  if (!state.newRS) createNewReplicaSet(dc, state, d.spec.replicas);
  else if (state.newRS.spec.replicas !== d.spec.replicas)
    scaleReplicaSet(dc, d, state.newRS, d.spec.replicas);
}
