import { qosClass } from '../api/pod';
import type { Random } from '../clock';
import { scheduleError } from '../api/cron';
import type {
  CronJob,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PodDisruptionBudget,
  PriorityClass,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../api/types';
import { admitPod, admitPriorityClass, type AdmissionReader } from './admission';
import { CONFIG_STRATEGIES } from './config-strategies';
import { NETWORK_STRATEGIES } from '../network/strategies';
import { STORAGE_STRATEGIES } from './storage-strategies';
import { allocateService } from './service-allocator';
import {
  defaultCronJob,
  defaultDaemonSet,
  defaultDeployment,
  defaultHorizontalPodAutoscaler,
  defaultJob,
  defaultPodSpec,
  defaultReplicaSet,
  defaultService,
  defaultStatefulSet,
} from './defaults';
import type { FieldError } from './errors';
import {
  isDNS1123Label,
  isDNS1123Subdomain,
  validateCronJob,
  validateDaemonSet,
  validateDeployment,
  validateHorizontalPodAutoscaler,
  validateJob,
  validatePodDisruptionBudget,
  validatePriorityClass,
  validateObjectMeta,
  validatePodSpec,
  validateReplicaSet,
  validateSelectorUnchanged,
  validateService,
  isDNS1035Label,
  validateStatefulSet,
} from './validation';

/**
 * A Strategy is what the API server does differently per resource (registry/<resource>/strategy.go):
 * defaulting, what a create resets, what an update may change, and validation.
 */
export interface Strategy {
  /** fills defaults on a decoded object (before validation) */
  applyDefaults(obj: KubeObject): void;
  /** runs admission on a new object: mutating, and refusing with an error */
  admit?(obj: KubeObject, rng: Random, store: AdmissionReader): void;
  /** resets server-owned fields of a new object (status) */
  prepareForCreate(obj: KubeObject): void;
  validate(obj: KubeObject): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** hands out what the registry allocates (service IPs, node ports), given the other stored objects */
  allocate?(
    obj: KubeObject,
    old: KubeObject | undefined,
    others: KubeObject[],
    rng: Random,
  ): FieldError[];
}

const nameIsSubdomain = (obj: KubeObject) => validateObjectMeta(obj, isDNS1123Subdomain);

const podStrategy: Strategy = {
  applyDefaults(obj) {
    const pod = obj as Pod;
    if (pod.spec) defaultPodSpec(pod.spec);
  },
  admit(obj, rng, store) {
    admitPod(obj as Pod, rng, store);
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

const podDisruptionBudgetStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate(obj) {
    (obj as PodDisruptionBudget).status = {
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
    };
  },
  validate: (obj) => [
    ...nameIsSubdomain(obj),
    ...validatePodDisruptionBudget(obj as PodDisruptionBudget),
  ],
};

const priorityClassStrategy: Strategy = {
  applyDefaults(obj) {
    (obj as PriorityClass).preemptionPolicy ??= 'PreemptLowerPriority';
  },
  admit(obj, _rng, store) {
    admitPriorityClass(obj as PriorityClass, store);
  },
  prepareForCreate() {},
  validate: (obj) => [...nameIsSubdomain(obj), ...validatePriorityClass(obj as PriorityClass)],
};

/** plainStrategy: objects with no defaults or status of their own (Events, Leases). */
const plainStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate() {},
  validate: nameIsSubdomain,
};

const daemonSetStrategy: Strategy = {
  applyDefaults: (obj) => defaultDaemonSet(obj as DaemonSet),
  prepareForCreate(obj) {
    (obj as DaemonSet).status = {
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 0,
      numberReady: 0,
    };
  },
  validate: (obj) => [...nameIsSubdomain(obj), ...validateDaemonSet(obj as DaemonSet)],
  validateUpdate: (obj, old) =>
    validateSelectorUnchanged((old as DaemonSet).spec.selector, (obj as DaemonSet).spec.selector),
};

const statefulSetStrategy: Strategy = {
  applyDefaults: (obj) => defaultStatefulSet(obj as StatefulSet),
  prepareForCreate(obj) {
    (obj as StatefulSet).status = { replicas: 0, availableReplicas: 0 };
  },
  validate: (obj) => [...nameIsSubdomain(obj), ...validateStatefulSet(obj as StatefulSet)],
  validateUpdate: (obj, old) =>
    validateSelectorUnchanged(
      (old as StatefulSet).spec.selector,
      (obj as StatefulSet).spec.selector,
    ),
};

/** JOB_UID_LABELS are the labels the API server puts on a Job's template (generateSelector). */
export const JOB_CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME = 'batch.kubernetes.io/job-name';

/**
 * generateSelector (registry/batch/job/strategy.go): unless manualSelector is set, the Job selects
 * its pods by its own uid, and its template carries that uid and the Job's name, under both the
 * batch.kubernetes.io/ keys and the legacy unprefixed ones.
 */
function generateJobSelector(job: Job): void {
  if (job.spec.manualSelector === true || !job.spec.template) return;
  const uid = job.metadata.uid;
  job.spec.template.metadata ??= {};
  job.spec.template.metadata.labels = {
    ...job.spec.template.metadata.labels,
    [JOB_CONTROLLER_UID]: uid,
    [JOB_NAME]: job.metadata.name,
    'controller-uid': uid,
    'job-name': job.metadata.name,
  };
  job.spec.selector ??= { matchLabels: { [JOB_CONTROLLER_UID]: uid } };
  // Read back, the Job is defaulted again: with no labels of its own it takes its template's.
  if (Object.keys(job.metadata.labels ?? {}).length === 0)
    job.metadata.labels = { ...job.spec.template.metadata.labels };
}

const jobStrategy: Strategy = {
  applyDefaults: (obj) => defaultJob(obj as Job),
  prepareForCreate(obj) {
    (obj as Job).status = {};
  },
  // As in the real strategy, the selector is generated at validation: only then is the uid known.
  validate(obj) {
    generateJobSelector(obj as Job);
    return [...nameIsSubdomain(obj), ...validateJob(obj as Job)];
  },
  validateUpdate: (obj, old) =>
    validateSelectorUnchanged((old as Job).spec.selector ?? {}, (obj as Job).spec.selector ?? {}),
};

const cronJobStrategy: Strategy = {
  applyDefaults: (obj) => defaultCronJob(obj as CronJob),
  prepareForCreate(obj) {
    (obj as CronJob).status = {};
  },
  validate: (obj) => [...nameIsSubdomain(obj), ...validateCronJob(obj as CronJob, scheduleError)],
};

/** serviceStrategy (registry/core/service): DNS-1035 names, allocated IPs and node ports. */
const serviceStrategy: Strategy = {
  applyDefaults: (obj) => defaultService(obj as Service),
  prepareForCreate(obj) {
    (obj as Service).status = { loadBalancer: {} };
  },
  validate: (obj) => [
    ...validateObjectMeta(obj, isDNS1035Label),
    ...validateService(obj as Service),
  ],
  allocate: allocateService,
};

/** endpointsStrategy: Endpoints and EndpointSlices are written by controllers, unchecked here. */
const endpointsStrategy: Strategy = {
  applyDefaults() {},
  prepareForCreate() {},
  validate: nameIsSubdomain,
};

/** horizontalPodAutoscalerStrategy (registry/autoscaling/horizontalpodautoscaler): v1 bodies are converted to v2. */
const horizontalPodAutoscalerStrategy: Strategy = {
  applyDefaults: (obj) => defaultHorizontalPodAutoscaler(obj as HorizontalPodAutoscaler),
  prepareForCreate(obj) {
    (obj as HorizontalPodAutoscaler).status = { currentReplicas: 0, desiredReplicas: 0 };
  },
  validate: (obj) => [
    ...nameIsSubdomain(obj),
    ...validateHorizontalPodAutoscaler(obj as HorizontalPodAutoscaler),
  ],
};

export const STRATEGIES: Record<string, Strategy> = {
  ...CONFIG_STRATEGIES,
  ...STORAGE_STRATEGIES,
  ...NETWORK_STRATEGIES,
  horizontalpodautoscalers: horizontalPodAutoscalerStrategy,
  daemonsets: daemonSetStrategy,
  statefulsets: statefulSetStrategy,
  jobs: jobStrategy,
  cronjobs: cronJobStrategy,
  pods: podStrategy,
  replicasets: replicaSetStrategy,
  deployments: deploymentStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  events: plainStrategy,
  leases: plainStrategy,
  services: serviceStrategy,
  endpoints: endpointsStrategy,
  endpointslices: endpointsStrategy,
  poddisruptionbudgets: podDisruptionBudgetStrategy,
  priorityclasses: priorityClassStrategy,
};
