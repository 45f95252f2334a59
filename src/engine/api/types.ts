/**
 * Kubernetes object shapes as the engine stores them: plain JSON, the same field names and
 * nesting as the real API (core/v1, apps/v1), so `-o yaml` and the editor show real manifests.
 * Only the fields the engine reads or writes are typed; unknown fields are rejected at decode.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

/** KubeObject is any stored object: every kind shares apiVersion, kind and metadata. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** KeySelector names one key of a ConfigMap (configMapKeyRef) or Secret (secretKeyRef). */
export interface KeySelector {
  name: string;
  key: string;
  optional?: boolean;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: KeySelector;
    secretKeyRef?: KeySelector;
    fieldRef?: { apiVersion?: string; fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  };
}

/** EnvFromSource imports every key of a ConfigMap or Secret as variables, with an optional prefix. */
export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name: string; optional?: boolean };
  secretRef?: { name: string; optional?: boolean };
}

export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  /** a path inside the volume to mount instead of its root (one file of a ConfigMap) */
  subPath?: string;
}

export interface Probe {
  exec?: { command: string[] };
  httpGet?: { path?: string; port: number | string; scheme?: 'HTTP' | 'HTTPS' };
  tcpSocket?: { port: number | string };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  resources: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  terminationMessagePath: string;
  terminationMessagePolicy: 'File' | 'FallbackToLogsOnError';
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: TaintEffect;
  tolerationSeconds?: number;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  timeAdded?: string;
}

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

export interface Volume {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path: string; type?: string };
  configMap?: { name: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  secret?: { secretName: string; items?: KeyToPath[]; defaultMode?: number; optional?: boolean };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  nfs?: { server: string; path: string; readOnly?: boolean };
  projected?: {
    defaultMode?: number;
    sources: unknown[];
  };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds: number;
  dnsPolicy: string;
  nodeSelector?: Record<string, string>;
  affinity?: Affinity;
  activeDeadlineSeconds?: number;
  hostNetwork?: boolean;
  hostname?: string;
  subdomain?: string;
  nodeName?: string;
  serviceAccountName?: string;
  schedulerName: string;
  tolerations?: Toleration[];
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: string;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  enableServiceLinks?: boolean;
  securityContext: Record<string, unknown>;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** NodeSelectorTerm: its matchExpressions (labels) and matchFields (only metadata.name) are ANDed. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeAffinity {
  /** terms are ORed */
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: {
    weight: number;
    preference: NodeSelectorTerm;
  }[];
}

/** PodAffinityTerm: pods matching labelSelector in these namespaces, in the same topologyKey domain. */
export interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  /** empty with no namespaceSelector means the pod's own namespace */
  namespaces?: string[];
  /** an empty selector ({}) means every namespace */
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

export interface WeightedPodAffinityTerm {
  weight: number;
  podAffinityTerm: PodAffinityTerm;
}

export interface PodAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

export interface Affinity {
  nodeAffinity?: NodeAffinity;
  podAffinity?: PodAffinity;
  podAntiAffinity?: PodAffinity;
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelector;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  matchLabelKeys?: string[];
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface PodCondition {
  type:
    | 'PodScheduled'
    | 'PodReadyToStartContainers'
    | 'Initialized'
    | 'ContainersReady'
    | 'Ready'
    | 'DisruptionTarget';
  status: ConditionStatus;
  lastProbeTime: string | null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export interface ContainerStateWaiting {
  reason?: string;
  message?: string;
}
export interface ContainerStateRunning {
  startedAt: string;
}
export interface ContainerStateTerminated {
  exitCode: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}
export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase: PodPhase;
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort';
  reason?: string;
  message?: string;
  nominatedNodeName?: string;
}

export interface Pod extends KubeObject {
  apiVersion: 'v1';
  kind: 'Pod';
  spec: PodSpec;
  status: PodStatus;
}

export interface PodTemplateSpec {
  metadata: Partial<ObjectMeta>;
  spec: PodSpec;
}

export interface ReplicaSetSpec {
  replicas: number;
  minReadySeconds?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

export interface ReplicaSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  spec: ReplicaSetSpec;
  status: ReplicaSetStatus;
}

export interface RollingUpdateDeployment {
  maxUnavailable?: number | string;
  maxSurge?: number | string;
}

export interface DeploymentStrategy {
  type: 'RollingUpdate' | 'Recreate';
  rollingUpdate?: RollingUpdateDeployment;
}

export interface DeploymentSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy: DeploymentStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
  paused?: boolean;
}

export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure';
  status: ConditionStatus;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export interface Deployment extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  spec: DeploymentSpec;
  status: DeploymentStatus;
}

export interface JobSpec {
  parallelism: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  backoffLimit: number;
  completionMode: 'NonIndexed' | 'Indexed';
  suspend: boolean;
  manualSelector?: boolean;
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
  ttlSecondsAfterFinished?: number;
  selector?: LabelSelector;
  template: PodTemplateSpec;
}

export interface JobCondition {
  type: 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';
  status: ConditionStatus;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  ready?: number;
  terminating?: number;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
}

/** Job (batch/v1): runs pods until spec.completions of them succeed. */
export interface Job extends KubeObject {
  apiVersion: 'batch/v1';
  kind: 'Job';
  spec: JobSpec;
  status: JobStatus;
}

export interface CronJobSpec {
  schedule: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  suspend: boolean;
  successfulJobsHistoryLimit: number;
  failedJobsHistoryLimit: number;
  jobTemplate: { metadata?: Partial<ObjectMeta>; spec: JobSpec };
}

export interface CronJobStatus {
  active?: ObjectReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

/** CronJob (batch/v1): creates a Job at each time its cron schedule names. */
export interface CronJob extends KubeObject {
  apiVersion: 'batch/v1';
  kind: 'CronJob';
  spec: CronJobSpec;
  status: CronJobStatus;
}

export interface DaemonSetSpec {
  selector: LabelSelector;
  template: PodTemplateSpec;
  updateStrategy: {
    type: 'RollingUpdate' | 'OnDelete';
    rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
  };
  minReadySeconds?: number;
  revisionHistoryLimit: number;
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
}

/** DaemonSet (apps/v1): one pod on every eligible node. */
export interface DaemonSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  spec: DaemonSetSpec;
  status: DaemonSetStatus;
}

export interface StatefulSetSpec {
  replicas: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  serviceName: string;
  podManagementPolicy: 'OrderedReady' | 'Parallel';
  updateStrategy: {
    type: 'RollingUpdate' | 'OnDelete';
    rollingUpdate?: { partition?: number; maxUnavailable?: number | string };
  };
  revisionHistoryLimit: number;
  minReadySeconds?: number;
  persistentVolumeClaimRetentionPolicy?: { whenDeleted: string; whenScaled: string };
  /** PersistentVolumeClaim templates: one claim per template per ordinal, <template>-<sts>-<ordinal> */
  volumeClaimTemplates?: {
    metadata: {
      name: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    spec: Record<string, unknown>;
  }[];
}

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  availableReplicas: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
}

/** StatefulSet (apps/v1): pods with stable names <sts>-0..n-1, created and removed in order. */
export interface StatefulSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  spec: StatefulSetSpec;
  status: StatefulSetStatus;
}

export interface NodeCondition {
  type: 'Ready' | 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'NetworkUnavailable';
  status: ConditionStatus;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
  unschedulable?: boolean;
  taints?: Taint[];
}

export interface NodeStatus {
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  conditions: NodeCondition[];
  addresses: { type: 'InternalIP' | 'ExternalIP' | 'Hostname'; address: string }[];
  nodeInfo: {
    machineID: string;
    systemUUID: string;
    bootID: string;
    kernelVersion: string;
    osImage: string;
    containerRuntimeVersion: string;
    kubeletVersion: string;
    kubeProxyVersion: string;
    operatingSystem: string;
    architecture: string;
  };
  images?: { names: string[]; sizeBytes: number }[];
  /** attachable volumes the attach/detach controller has attached here, by unique volume name */
  volumesAttached?: { name: string; devicePath: string }[];
  /** attachable volumes the kubelet's pods want or have mounted, sorted */
  volumesInUse?: string[];
}

export interface Node extends KubeObject {
  apiVersion: 'v1';
  kind: 'Node';
  spec: NodeSpec;
  status: NodeStatus;
}

export interface Namespace extends KubeObject {
  apiVersion: 'v1';
  kind: 'Namespace';
  spec: { finalizers?: string[] };
  status: { phase: 'Active' | 'Terminating'; conditions?: NamespaceCondition[] };
}

/** NamespaceCondition reports how the namespace controller's deletion of a namespace is going. */
export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface ObjectReference {
  apiVersion?: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface Event extends KubeObject {
  apiVersion: 'v1';
  kind: 'Event';
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: { component?: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: 'Normal' | 'Warning';
  eventTime: string | null;
  reportingComponent: string;
  reportingInstance: string;
}

/** PodDisruptionBudget (policy/v1): how many of a set of pods voluntary evictions must leave. */
export interface PodDisruptionBudget extends KubeObject {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  spec: {
    minAvailable?: number | string;
    maxUnavailable?: number | string;
    selector?: LabelSelector;
  };
  status: {
    observedGeneration?: number;
    disruptedPods?: Record<string, string>;
    disruptionsAllowed: number;
    currentHealthy: number;
    desiredHealthy: number;
    expectedPods: number;
    conditions?: {
      type: 'DisruptionAllowed';
      status: ConditionStatus;
      reason: string;
      message: string;
      lastTransitionTime: string;
      observedGeneration?: number;
    }[];
  };
}

/** PriorityClass (scheduling.k8s.io/v1, cluster-scoped): a name for a pod priority value. */
export interface PriorityClass extends KubeObject {
  apiVersion: 'scheduling.k8s.io/v1';
  kind: 'PriorityClass';
  value: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
}

/** Lease (coordination.k8s.io/v1): the kubelet's heartbeat, renewed every 10 seconds. */
export interface Lease extends KubeObject {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    renewTime?: string;
  };
}

export interface Binding {
  apiVersion: 'v1';
  kind: 'Binding';
  metadata: { name: string; namespace?: string; uid?: string };
  target: { apiVersion?: string; kind: 'Node'; name: string };
}

/** AnyObject is what the API server accepts before decoding: any JSON with kind and metadata. */
export type AnyObject = { apiVersion?: unknown; kind?: unknown; metadata?: unknown } & Record<
  string,
  unknown
>;

export interface ServicePort {
  name?: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  appProtocol?: string;
  port: number;
  targetPort: number | string;
  nodePort?: number;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceSpec {
  type: ServiceType;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  externalName?: string;
  sessionAffinity: 'None' | 'ClientIP';
  ipFamilies?: ('IPv4' | 'IPv6')[];
  ipFamilyPolicy?: 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  externalTrafficPolicy?: 'Cluster' | 'Local';
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerIP?: string;
  publishNotReadyAddresses?: boolean;
}

/** Service (core/v1): a stable virtual IP (and node ports) in front of the pods its selector picks. */
export interface Service extends KubeObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: ServiceSpec;
  status: { loadBalancer: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** Endpoints (core/v1): the addresses behind a Service, written by the endpoints controller. */
export interface Endpoints extends KubeObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  subsets?: EndpointSubset[];
}

export interface EndpointSliceEndpoint {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  targetRef?: ObjectReference;
  zone?: string;
}

/** EndpointSlice (discovery.k8s.io/v1): the scalable successor of Endpoints, one or more per Service. */
export interface EndpointSlice extends KubeObject {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: EndpointSliceEndpoint[] | null;
  ports?: { name?: string; port?: number; protocol?: 'TCP' | 'UDP' | 'SCTP' }[] | null;
}

/** MetricTarget (autoscaling/v2): what a metric should average across the target's pods. */
export interface MetricTarget {
  type: 'Utilization' | 'AverageValue' | 'Value';
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

/** MetricSpec (autoscaling/v2): one metric an HPA scales on; Kubeloop computes Resource metrics. */
export interface MetricSpec {
  type: 'Resource' | 'Pods' | 'Object' | 'External' | 'ContainerResource';
  resource?: { name: string; target: MetricTarget };
}

/** MetricStatus (autoscaling/v2): the last value of one metric, as status.currentMetrics holds it. */
export interface MetricStatus {
  type: 'Resource';
  resource: {
    name: string;
    current: { averageUtilization?: number; averageValue?: string };
  };
}

export interface HorizontalPodAutoscalerCondition {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
  status: ConditionStatus;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** HorizontalPodAutoscaler (autoscaling/v2): keeps a workload's replicas in step with its load. */
export interface HorizontalPodAutoscaler extends KubeObject {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: MetricSpec[];
    behavior?: Record<string, unknown>;
  };
  status: {
    observedGeneration?: number;
    lastScaleTime?: string;
    currentReplicas: number;
    desiredReplicas: number;
    currentMetrics?: MetricStatus[];
    conditions?: HorizontalPodAutoscalerCondition[];
  };
}
