import { qosClass } from '../api/pod';
import type { Random } from '../clock';
import type { Deployment, KubeObject, Namespace, Node, Pod, ReplicaSet } from '../api/types';
import { admitPod } from './admission';
import { defaultDeployment, defaultPodSpec, defaultReplicaSet } from './defaults';
import type { FieldError } from './errors';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  validateDeployment,
  validateObjectMeta,
  validatePodSpec,
  validateReplicaSet,
  validateSelectorUnchanged,
} from './validation';

/**
 * A Strategy is what the API server does differently per resource (registry/<resource>/strategy.go):
 * defaulting, what a create resets, what an update may change, and validation.
 */
export interface Strategy {
  /** fills defaults on a decoded object (before validation) */
  applyDefaults(obj: KubeObject): void;
  /** runs mutating admission on a new object */
  admit?(obj: KubeObject, rng: Random): void;
  /** resets server-owned fields of a new object (status) */
  prepareForCreate(obj: KubeObject): void;
  validate(obj: KubeObject): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
}

const nameIsSubdomain = (obj: KubeObject) => validateObjectMeta(obj, isDNS1123Subdomain);

const podStrategy: Strategy = {
  applyDefaults(obj) {
    const pod = obj as Pod;
    if (pod.spec) defaultPodSpec(pod.spec);
  },
  admit(obj, rng) {
    admitPod(obj as Pod, rng);
  },
  prepareForCreate(obj) {
    const pod = obj as Pod;
    pod.status = { phase: 'Pending', qosClass: qosClass(pod.spec) };
  },
  validate(obj) {
    return [...nameIsSubdomain(obj), ...validatePodSpec((obj as Pod).spec, 'spec')];
  },
  validateUpdate(obj, old) {
    const spec = { ...(obj as Pod).spec };
    const oldSpec = { ...(old as Pod).spec };
    // Only these fields of a pod spec may change after creation (ValidatePodUpdate).
    const mutable = (s: Pod['spec']) => ({
      ...s,
      containers: s.containers.map((c) => ({ ...c, image: '' })),
      initContainers: s.initContainers?.map((c) => ({ ...c, image: '' })),
      activeDeadlineSeconds: undefined,
      tolerations: undefined,
      terminationGracePeriodSeconds: undefined,
      nodeName: undefined,
    });
    if (JSON.stringify(mutable(spec)) !== JSON.stringify(mutable(oldSpec))) {
      return [
        {
          type: 'Forbidden',
          field: 'spec',
          detail:
            'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        },
      ];
    }
    return [];
  },
};

const replicaSetStrategy: Strategy = {
  applyDefaults: (obj) => defaultReplicaSet(obj as ReplicaSet),
  prepareForCreate(obj) {
    (obj as ReplicaSet).status = { replicas: 0 };
  },
  validate: (obj) => [...nameIsSubdomain(obj), ...validateReplicaSet(obj as ReplicaSet)],
  validateUpdate: (obj, old) =>
    validateSelectorUnchanged((old as ReplicaSet).spec.selector, (obj as ReplicaSet).spec.selector),
};

const deploymentStrategy: Strategy = {
  applyDefaults: (obj) => defaultDeployment(obj as Deployment),
  prepareForCreate(obj) {
    (obj as Deployment).status = {};
  },
  validate: (obj) => [...nameIsSubdomain(obj), ...validateDeployment(obj as Deployment)],
  validateUpdate: (obj, old) =>
    validateSelectorUnchanged((old as Deployment).spec.selector, (obj as Deployment).spec.selector),
};

const namespaceStrategy: Strategy = {
  applyDefaults(obj) {
    const ns = obj as Namespace;
    ns.spec ??= {};
    ns.spec.finalizers ??= ['kubernetes'];
    ns.metadata.labels = { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name };
  },
  prepareForCreate(obj) {
    (obj as Namespace).status = { phase: 'Active' };
  },
  validate: (obj) => validateObjectMeta(obj, isDNS1123Label),
};

const nodeStrategy: Strategy = {
  applyDefaults(obj) {
    const node = obj as Node;
    node.spec ??= {};
  },
  prepareForCreate() {},
  validate: nameIsSubdomain,
};

/** plainStrategy: objects with no defaults or status of their own (Events, Leases). */
const plainStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate() {},
  validate: nameIsSubdomain,
};

export const STRATEGIES: Record<string, Strategy> = {
  pods: podStrategy,
  replicasets: replicaSetStrategy,
  deployments: deploymentStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  events: plainStrategy,
  leases: plainStrategy,
};
