import { clone, ownerReferenceTo } from '../api/objects';
import type { AnyObject, KubeObject, PodSpec, PodTemplateSpec } from '../api/types';
import type { EventRecorder } from '../client/events';
import type { HopNote } from '../hops';
import type { ControllerContext } from './context';

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
 * ("Created pod: x") or FailedCreate on the owner; onFailure lets the caller lower its expectations.
 */
export function createPod(
  ctx: ControllerContext,
  recorder: EventRecorder,
  owner: KubeObject,
  body: AnyObject,
  note: HopNote,
  onFailure: () => void,
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
      } else {
        onFailure();
        recorder.warning(owner, 'FailedCreate', `Error creating: ${response.error.message}`);
      }
    },
    note,
  );
}
