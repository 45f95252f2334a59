import { clone, ownerReferenceTo } from '../api/objects';
import type { AnyObject, KubeObject, PodSpec, PodTemplateSpec } from '../api/types';
import type { EventRecorder } from '../client/events';
import { isNamespaceTerminating } from '../apiserver/errors';
import type { HopNote } from '../hops';
import type { ControllerContext } from './context';

/** SlowStartInitialBatchSize (controller_utils.go). */
const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface PodIdentity {
  /** a fixed name (StatefulSet ordinals) or, by default, `<owner>-` plus five random characters */
  name?: string;
  /** labels added to the template's (revision hashes, ordinals) */
  labels?: Record<string, string>;
  /** a spec to use instead of a copy of the template's (a DaemonSet pins its node) */
  spec?: PodSpec;
}

/**
 * podFromTemplate builds the pod a controller asks for (controller_utils.go GetPodFromTemplate):
 * the template's labels and annotations, a controller reference to the owner, a copy of the spec.
 */
export function podFromTemplate(
  owner: KubeObject,
  template: PodTemplateSpec,
  identity: PodIdentity = {},
): AnyObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(identity.name ? { name: identity.name } : { generateName: `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace,
      labels: { ...template.metadata.labels, ...identity.labels },
      ...(template.metadata.annotations
        ? { annotations: { ...template.metadata.annotations } }
        : {}),
      ownerReferences: [ownerReferenceTo(owner)],
    },
    spec: identity.spec ?? clone(template.spec),
  };
}

/**
 * createPod is RealPodControl.CreatePods: create the pod, then record SuccessfulCreate
 * ("Created pod: x") or FailedCreate on the owner. settled says whether the attempt counts as a
 * success: a namespace being deleted refuses every create, and that is neither recorded nor
 * retried.
 */
export function createPod(
  ctx: ControllerContext,
  recorder: EventRecorder,
  owner: KubeObject,
  body: AnyObject,
  note: HopNote,
  settled: (created: boolean) => void,
): void {
  ctx.client.request(
    { verb: 'create', resource: 'pods', namespace: owner.metadata.namespace, body },
    (response) => {
      if (response.ok) {
        recorder.normal(
          owner,
          'SuccessfulCreate',
          `Created pod: ${response.result.object!.metadata.name}`,
        );
        settled(true);
      } else if (isNamespaceTerminating(response.error)) {
        settled(true);
      } else {
        recorder.warning(owner, 'FailedCreate', `Error creating: ${response.error.message}`);
        settled(false);
      }
    },
    note,
  );
}

/**
 * slowStartBatch is the controllers' slowStartBatch: attempts run in batches of 1, 2, 4, ..., each
 * waiting for the one before, and stop after a batch with a failure. A refused template so costs
 * one request and one FailedCreate per sync, not one per missing pod. done gets how many
 * attempts succeeded and whether one failed; the caller stops expecting the rest.
 */
export function slowStartBatch(
  count: number,
  attempt: (settled: (ok: boolean) => void) => void,
  done: (successes: number, failed: boolean) => void,
): void {
  let remaining = count;
  let successes = 0;
  const runBatch = (size: number): void => {
    if (size === 0) return done(successes, false);
    let pending = size;
    let failures = 0;
    for (let i = 0; i < size; i++) {
      attempt((ok) => {
        if (ok) successes++;
        else failures++;
        if (--pending > 0) return;
        if (failures > 0) return done(successes, true);
        remaining -= size;
        runBatch(Math.min(2 * size, remaining));
      });
    }
  };
  runBatch(Math.min(count, SLOW_START_INITIAL_BATCH_SIZE));
}
