/**
 * Strict decoding of request bodies, as the API server's JSON serializer does with
 * sigs.k8s.io/json: a value of the wrong JSON type is a `json: cannot unmarshal ...` error (the
 * first one wins), and with fieldValidation=Strict every field the Go types do not declare is an
 * `unknown field "spec.replica"` error. Either way the request fails as BadRequest
 * (`Deployment in version "v1" cannot be handled as a Deployment: ...`, handlers/create.go).
 *
 * The table below mirrors the Go structs of k8s.io/api v1.32 field by field. Status structs and a
 * few rarely written volume sources accept any value: the API server writes status itself and
 * learners do not author it.
 */
import { badRequest, invalid } from './errors';
import type { ResourceInfo } from './resources';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'float64';
/** Custom Go types with their own UnmarshalJSON. */
type Custom = 'quantity' | 'intOrString' | 'time' | 'bytes' | 'any';

interface StructType {
  /** the Go type, package-qualified as reflect prints it: v1.PodSpec */
  go: string;
  fields: Record<string, GoType>;
}
type GoType = Scalar | Custom | StructType | { slice: GoType } | { map: GoType };

const struct = (go: string, fields: Record<string, GoType>): StructType => ({ go, fields });
const sliceOf = (elem: GoType): GoType => ({ slice: elem });
const mapOf = (elem: GoType): GoType => ({ map: elem });
const strings = sliceOf('string');
const stringMap = mapOf('string');
const quantities = mapOf('quantity');

const ownerReference = struct('v1.OwnerReference', {
  apiVersion: 'string',
  kind: 'string',
  name: 'string',
  uid: 'string',
  controller: 'bool',
  blockOwnerDeletion: 'bool',
});

const objectMeta = struct('v1.ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'time',
  deletionTimestamp: 'time',
  deletionGracePeriodSeconds: 'int64',
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: sliceOf(ownerReference),
  finalizers: strings,
  managedFields: sliceOf('any'),
});

const labelSelector = struct('v1.LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: sliceOf(
    struct('v1.LabelSelectorRequirement', { key: 'string', operator: 'string', values: strings }),
  ),
});

const nodeSelectorRequirement = struct('v1.NodeSelectorRequirement', {
  key: 'string',
  operator: 'string',
  values: strings,
});
const nodeSelectorTerm = struct('v1.NodeSelectorTerm', {
  matchExpressions: sliceOf(nodeSelectorRequirement),
  matchFields: sliceOf(nodeSelectorRequirement),
});
const podAffinityTerm = struct('v1.PodAffinityTerm', {
  labelSelector,
  namespaces: strings,
  topologyKey: 'string',
  namespaceSelector: labelSelector,
  matchLabelKeys: strings,
  mismatchLabelKeys: strings,
});
const weightedPodAffinityTerm = struct('v1.WeightedPodAffinityTerm', {
  weight: 'int32',
  podAffinityTerm,
});
const podAffinity = (go: string) =>
  struct(go, {
    requiredDuringSchedulingIgnoredDuringExecution: sliceOf(podAffinityTerm),
    preferredDuringSchedulingIgnoredDuringExecution: sliceOf(weightedPodAffinityTerm),
  });
const affinity = struct('v1.Affinity', {
  nodeAffinity: struct('v1.NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: struct('v1.NodeSelector', {
      nodeSelectorTerms: sliceOf(nodeSelectorTerm),
    }),
    preferredDuringSchedulingIgnoredDuringExecution: sliceOf(
      struct('v1.PreferredSchedulingTerm', { weight: 'int32', preference: nodeSelectorTerm }),
    ),
  }),
  podAffinity: podAffinity('v1.PodAffinity'),
  podAntiAffinity: podAffinity('v1.PodAntiAffinity'),
});

const keyRef = (go: string) => struct(go, { name: 'string', key: 'string', optional: 'bool' });
const envVar = struct('v1.EnvVar', {
  name: 'string',
  value: 'string',
  valueFrom: struct('v1.EnvVarSource', {
    fieldRef: struct('v1.ObjectFieldSelector', { apiVersion: 'string', fieldPath: 'string' }),
    resourceFieldRef: struct('v1.ResourceFieldSelector', {
      containerName: 'string',
      resource: 'string',
      divisor: 'quantity',
    }),
    configMapKeyRef: keyRef('v1.ConfigMapKeySelector'),
    secretKeyRef: keyRef('v1.SecretKeySelector'),
  }),
});
const envFromSource = struct('v1.EnvFromSource', {
  prefix: 'string',
  configMapRef: struct('v1.ConfigMapEnvSource', { name: 'string', optional: 'bool' }),
  secretRef: struct('v1.SecretEnvSource', { name: 'string', optional: 'bool' }),
});

const execAction = struct('v1.ExecAction', { command: strings });
const httpGetAction = struct('v1.HTTPGetAction', {
  path: 'string',
  port: 'intOrString',
  host: 'string',
  scheme: 'string',
  httpHeaders: sliceOf(struct('v1.HTTPHeader', { name: 'string', value: 'string' })),
});
const tcpSocketAction = struct('v1.TCPSocketAction', { port: 'intOrString', host: 'string' });
const probe = struct('v1.Probe', {
  exec: execAction,
  httpGet: httpGetAction,
  tcpSocket: tcpSocketAction,
  grpc: struct('v1.GRPCAction', { port: 'int32', service: 'string' }),
  initialDelaySeconds: 'int32',
  timeoutSeconds: 'int32',
  periodSeconds: 'int32',
  successThreshold: 'int32',
  failureThreshold: 'int32',
  terminationGracePeriodSeconds: 'int64',
});
const lifecycleHandler = struct('v1.LifecycleHandler', {
  exec: execAction,
  httpGet: httpGetAction,
  tcpSocket: tcpSocketAction,
  sleep: struct('v1.SleepAction', { seconds: 'int64' }),
});

const seccompProfile = struct('v1.SeccompProfile', {
  type: 'string',
  localhostProfile: 'string',
});
const appArmorProfile = struct('v1.AppArmorProfile', {
  type: 'string',
  localhostProfile: 'string',
});
const seLinuxOptions = struct('v1.SELinuxOptions', {
  user: 'string',
  role: 'string',
  type: 'string',
  level: 'string',
});
const windowsOptions = struct('v1.WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: 'string',
  gmsaCredentialSpec: 'string',
  runAsUserName: 'string',
  hostProcess: 'bool',
});
const securityContext = struct('v1.SecurityContext', {
  capabilities: struct('v1.Capabilities', { add: strings, drop: strings }),
  privileged: 'bool',
  seLinuxOptions,
  windowsOptions,
  runAsUser: 'int64',
  runAsGroup: 'int64',
  runAsNonRoot: 'bool',
  readOnlyRootFilesystem: 'bool',
  allowPrivilegeEscalation: 'bool',
  procMount: 'string',
  seccompProfile,
  appArmorProfile,
});
const podSecurityContext = struct('v1.PodSecurityContext', {
  seLinuxOptions,
  windowsOptions,
  runAsUser: 'int64',
  runAsGroup: 'int64',
  runAsNonRoot: 'bool',
  supplementalGroups: sliceOf('int64'),
  supplementalGroupsPolicy: 'string',
  fsGroup: 'int64',
  sysctls: sliceOf(struct('v1.Sysctl', { name: 'string', value: 'string' })),
  fsGroupChangePolicy: 'string',
  seccompProfile,
  appArmorProfile,
  seLinuxChangePolicy: 'string',
});

const resourceRequirements = struct('v1.ResourceRequirements', {
  limits: quantities,
  requests: quantities,
  claims: sliceOf(struct('v1.ResourceClaim', { name: 'string', request: 'string' })),
});

const container = struct('v1.Container', {
  name: 'string',
  image: 'string',
  command: strings,
  args: strings,
  workingDir: 'string',
  ports: sliceOf(
    struct('v1.ContainerPort', {
      name: 'string',
      hostPort: 'int32',
      containerPort: 'int32',
      protocol: 'string',
      hostIP: 'string',
    }),
  ),
  envFrom: sliceOf(envFromSource),
  env: sliceOf(envVar),
  resources: resourceRequirements,
  resizePolicy: sliceOf(
    struct('v1.ContainerResizePolicy', { resourceName: 'string', restartPolicy: 'string' }),
  ),
  restartPolicy: 'string',
  volumeMounts: sliceOf(
    struct('v1.VolumeMount', {
      name: 'string',
      readOnly: 'bool',
      recursiveReadOnly: 'string',
      mountPath: 'string',
      subPath: 'string',
      mountPropagation: 'string',
      subPathExpr: 'string',
    }),
  ),
  volumeDevices: sliceOf(struct('v1.VolumeDevice', { name: 'string', devicePath: 'string' })),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: struct('v1.Lifecycle', { postStart: lifecycleHandler, preStop: lifecycleHandler }),
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  imagePullPolicy: 'string',
  securityContext,
  stdin: 'bool',
  stdinOnce: 'bool',
  tty: 'bool',
});

const keyToPath = struct('v1.KeyToPath', { key: 'string', path: 'string', mode: 'int32' });
const volume = struct('v1.Volume', {
  name: 'string',
  hostPath: struct('v1.HostPathVolumeSource', { path: 'string', type: 'string' }),
  emptyDir: struct('v1.EmptyDirVolumeSource', { medium: 'string', sizeLimit: 'quantity' }),
  secret: struct('v1.SecretVolumeSource', {
    secretName: 'string',
    items: sliceOf(keyToPath),
    defaultMode: 'int32',
    optional: 'bool',
  }),
  configMap: struct('v1.ConfigMapVolumeSource', {
    name: 'string',
    items: sliceOf(keyToPath),
    defaultMode: 'int32',
    optional: 'bool',
  }),
  persistentVolumeClaim: struct('v1.PersistentVolumeClaimVolumeSource', {
    claimName: 'string',
    readOnly: 'bool',
  }),
  nfs: struct('v1.NFSVolumeSource', { server: 'string', path: 'string', readOnly: 'bool' }),
  image: struct('v1.ImageVolumeSource', { reference: 'string', pullPolicy: 'string' }),
  projected: 'any',
  downwardAPI: 'any',
  csi: 'any',
  ephemeral: 'any',
  gcePersistentDisk: 'any',
  awsElasticBlockStore: 'any',
  gitRepo: 'any',
  iscsi: 'any',
  glusterfs: 'any',
  rbd: 'any',
  flexVolume: 'any',
  cinder: 'any',
  cephfs: 'any',
  flocker: 'any',
  fc: 'any',
  azureFile: 'any',
  vsphereVolume: 'any',
  quobyte: 'any',
  azureDisk: 'any',
  photonPersistentDisk: 'any',
  portworxVolume: 'any',
  scaleIO: 'any',
  storageos: 'any',
});

const localObjectReference = struct('v1.LocalObjectReference', { name: 'string' });

const podSpec = struct('v1.PodSpec', {
  volumes: sliceOf(volume),
  initContainers: sliceOf(container),
  containers: sliceOf(container),
  ephemeralContainers: sliceOf('any'),
  restartPolicy: 'string',
  terminationGracePeriodSeconds: 'int64',
  activeDeadlineSeconds: 'int64',
  dnsPolicy: 'string',
  nodeSelector: stringMap,
  serviceAccountName: 'string',
  serviceAccount: 'string',
  automountServiceAccountToken: 'bool',
  nodeName: 'string',
  hostNetwork: 'bool',
  hostPID: 'bool',
  hostIPC: 'bool',
  shareProcessNamespace: 'bool',
  securityContext: podSecurityContext,
  imagePullSecrets: sliceOf(localObjectReference),
  hostname: 'string',
  subdomain: 'string',
  affinity,
  schedulerName: 'string',
  tolerations: sliceOf(
    struct('v1.Toleration', {
      key: 'string',
      operator: 'string',
      value: 'string',
      effect: 'string',
      tolerationSeconds: 'int64',
    }),
  ),
  hostAliases: sliceOf(struct('v1.HostAlias', { ip: 'string', hostnames: strings })),
  priorityClassName: 'string',
  priority: 'int32',
  dnsConfig: struct('v1.PodDNSConfig', {
    nameservers: strings,
    searches: strings,
    options: sliceOf(struct('v1.PodDNSConfigOption', { name: 'string', value: 'string' })),
  }),
  readinessGates: sliceOf(struct('v1.PodReadinessGate', { conditionType: 'string' })),
  runtimeClassName: 'string',
  enableServiceLinks: 'bool',
  preemptionPolicy: 'string',
  overhead: quantities,
  topologySpreadConstraints: sliceOf(
    struct('v1.TopologySpreadConstraint', {
      maxSkew: 'int32',
      topologyKey: 'string',
      whenUnsatisfiable: 'string',
      labelSelector,
      minDomains: 'int32',
      nodeAffinityPolicy: 'string',
      nodeTaintsPolicy: 'string',
      matchLabelKeys: strings,
    }),
  ),
  setHostnameAsFQDN: 'bool',
  os: struct('v1.PodOS', { name: 'string' }),
  hostUsers: 'bool',
  schedulingGates: sliceOf(struct('v1.PodSchedulingGate', { name: 'string' })),
  resourceClaims: sliceOf('any'),
  resources: resourceRequirements,
});

const podTemplateSpec = struct('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

/** top builds a kind's top-level struct: TypeMeta inline, metadata, then its own fields. */
const top = (go: string, fields: Record<string, GoType>): StructType =>
  struct(go, { kind: 'string', apiVersion: 'string', metadata: objectMeta, ...fields });

const jobSpec = struct('v1.JobSpec', {
  parallelism: 'int32',
  completions: 'int32',
  activeDeadlineSeconds: 'int64',
  podFailurePolicy: 'any',
  successPolicy: 'any',
  backoffLimit: 'int32',
  backoffLimitPerIndex: 'int32',
  maxFailedIndexes: 'int32',
  selector: labelSelector,
  manualSelector: 'bool',
  template: podTemplateSpec,
  ttlSecondsAfterFinished: 'int32',
  completionMode: 'string',
  suspend: 'bool',
  podReplacementPolicy: 'string',
  managedBy: 'string',
});

const persistentVolumeClaimSpec = struct('v1.PersistentVolumeClaimSpec', {
  accessModes: strings,
  selector: labelSelector,
  resources: struct('v1.VolumeResourceRequirements', { limits: quantities, requests: quantities }),
  volumeName: 'string',
  storageClassName: 'string',
  volumeMode: 'string',
  dataSource: 'any',
  dataSourceRef: 'any',
  volumeAttributesClassName: 'string',
});
const persistentVolumeClaimTemplate = struct('v1.PersistentVolumeClaim', {
  apiVersion: 'string',
  kind: 'string',
  metadata: objectMeta,
  spec: persistentVolumeClaimSpec,
  status: 'any',
});
const resourceList = quantities;

const policyRule = struct('v1.PolicyRule', {
  verbs: strings,
  apiGroups: strings,
  resources: strings,
  resourceNames: strings,
  nonResourceURLs: strings,
});
const bindingFields = {
  subjects: sliceOf(
    struct('v1.Subject', {
      kind: 'string',
      apiGroup: 'string',
      name: 'string',
      namespace: 'string',
    }),
  ),
  roleRef: struct('v1.RoleRef', { apiGroup: 'string', kind: 'string', name: 'string' }),
};

const networkPolicyPort = struct('v1.NetworkPolicyPort', {
  protocol: 'string',
  port: 'intOrString',
  endPort: 'int32',
});
const networkPolicyPeer = struct('v1.NetworkPolicyPeer', {
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
  ipBlock: struct('v1.IPBlock', { cidr: 'string', except: strings }),
});

const ingressBackend = struct('v1.IngressBackend', {
  service: struct('v1.IngressServiceBackend', {
    name: 'string',
    port: struct('v1.ServiceBackendPort', { name: 'string', number: 'int32' }),
  }),
  resource: struct('v1.TypedLocalObjectReference', {
    apiGroup: 'string',
    kind: 'string',
    name: 'string',
  }),
});

/** KINDS holds the Go struct of every kind whose bodies are decoded strictly, by kind. */
const KINDS: Record<string, StructType> = {
  Pod: top('v1.Pod', { spec: podSpec, status: 'any' }),
  Deployment: top('v1.Deployment', {
    spec: struct('v1.DeploymentSpec', {
      replicas: 'int32',
      selector: labelSelector,
      template: podTemplateSpec,
      strategy: struct('v1.DeploymentStrategy', {
        type: 'string',
        rollingUpdate: struct('v1.RollingUpdateDeployment', {
          maxUnavailable: 'intOrString',
          maxSurge: 'intOrString',
        }),
      }),
      minReadySeconds: 'int32',
      revisionHistoryLimit: 'int32',
      paused: 'bool',
      progressDeadlineSeconds: 'int32',
    }),
    status: 'any',
  }),
  ReplicaSet: top('v1.ReplicaSet', {
    spec: struct('v1.ReplicaSetSpec', {
      replicas: 'int32',
      minReadySeconds: 'int32',
      selector: labelSelector,
      template: podTemplateSpec,
    }),
    status: 'any',
  }),
  DaemonSet: top('v1.DaemonSet', {
    spec: struct('v1.DaemonSetSpec', {
      selector: labelSelector,
      template: podTemplateSpec,
      updateStrategy: struct('v1.DaemonSetUpdateStrategy', {
        type: 'string',
        rollingUpdate: struct('v1.RollingUpdateDaemonSet', {
          maxUnavailable: 'intOrString',
          maxSurge: 'intOrString',
        }),
      }),
      minReadySeconds: 'int32',
      revisionHistoryLimit: 'int32',
    }),
    status: 'any',
  }),
  StatefulSet: top('v1.StatefulSet', {
    spec: struct('v1.StatefulSetSpec', {
      replicas: 'int32',
      selector: labelSelector,
      template: podTemplateSpec,
      volumeClaimTemplates: sliceOf(persistentVolumeClaimTemplate),
      serviceName: 'string',
      podManagementPolicy: 'string',
      updateStrategy: struct('v1.StatefulSetUpdateStrategy', {
        type: 'string',
        rollingUpdate: struct('v1.RollingUpdateStatefulSetStrategy', {
          partition: 'int32',
          maxUnavailable: 'intOrString',
        }),
      }),
      revisionHistoryLimit: 'int32',
      minReadySeconds: 'int32',
      persistentVolumeClaimRetentionPolicy: struct(
        'v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
        { whenDeleted: 'string', whenScaled: 'string' },
      ),
      ordinals: struct('v1.StatefulSetOrdinals', { start: 'int32' }),
    }),
    status: 'any',
  }),
  Job: top('v1.Job', { spec: jobSpec, status: 'any' }),
  CronJob: top('v1.CronJob', {
    spec: struct('v1.CronJobSpec', {
      schedule: 'string',
      timeZone: 'string',
      startingDeadlineSeconds: 'int64',
      concurrencyPolicy: 'string',
      suspend: 'bool',
      jobTemplate: struct('v1.JobTemplateSpec', { metadata: objectMeta, spec: jobSpec }),
      successfulJobsHistoryLimit: 'int32',
      failedJobsHistoryLimit: 'int32',
    }),
    status: 'any',
  }),
  Service: top('v1.Service', {
    spec: struct('v1.ServiceSpec', {
      ports: sliceOf(
        struct('v1.ServicePort', {
          name: 'string',
          protocol: 'string',
          appProtocol: 'string',
          port: 'int32',
          targetPort: 'intOrString',
          nodePort: 'int32',
        }),
      ),
      selector: stringMap,
      clusterIP: 'string',
      clusterIPs: strings,
      type: 'string',
      externalIPs: strings,
      sessionAffinity: 'string',
      loadBalancerIP: 'string',
      loadBalancerSourceRanges: strings,
      externalName: 'string',
      externalTrafficPolicy: 'string',
      healthCheckNodePort: 'int32',
      publishNotReadyAddresses: 'bool',
      sessionAffinityConfig: struct('v1.SessionAffinityConfig', {
        clientIP: struct('v1.ClientIPConfig', { timeoutSeconds: 'int32' }),
      }),
      ipFamilies: strings,
      ipFamilyPolicy: 'string',
      allocateLoadBalancerNodePorts: 'bool',
      loadBalancerClass: 'string',
      internalTrafficPolicy: 'string',
      trafficDistribution: 'string',
    }),
    status: 'any',
  }),
  Namespace: top('v1.Namespace', {
    spec: struct('v1.NamespaceSpec', { finalizers: strings }),
    status: 'any',
  }),
  Node: top('v1.Node', {
    spec: struct('v1.NodeSpec', {
      podCIDR: 'string',
      podCIDRs: strings,
      providerID: 'string',
      unschedulable: 'bool',
      taints: sliceOf(
        struct('v1.Taint', { key: 'string', value: 'string', effect: 'string', timeAdded: 'time' }),
      ),
      configSource: 'any',
      externalID: 'string',
    }),
    status: 'any',
  }),
  ConfigMap: top('v1.ConfigMap', {
    immutable: 'bool',
    data: stringMap,
    binaryData: mapOf('bytes'),
  }),
  Secret: top('v1.Secret', {
    immutable: 'bool',
    data: mapOf('bytes'),
    stringData: stringMap,
    type: 'string',
  }),
  ServiceAccount: top('v1.ServiceAccount', {
    secrets: sliceOf('any'),
    imagePullSecrets: sliceOf(localObjectReference),
    automountServiceAccountToken: 'bool',
  }),
  PodDisruptionBudget: top('v1.PodDisruptionBudget', {
    spec: struct('v1.PodDisruptionBudgetSpec', {
      minAvailable: 'intOrString',
      selector: labelSelector,
      maxUnavailable: 'intOrString',
      unhealthyPodEvictionPolicy: 'string',
    }),
    status: 'any',
  }),
  HorizontalPodAutoscaler: top('v2.HorizontalPodAutoscaler', {
    spec: struct('v2.HorizontalPodAutoscalerSpec', {
      scaleTargetRef: struct('v2.CrossVersionObjectReference', {
        kind: 'string',
        name: 'string',
        apiVersion: 'string',
      }),
      minReplicas: 'int32',
      maxReplicas: 'int32',
      metrics: sliceOf('any'),
      behavior: 'any',
    }),
    status: 'any',
  }),
  PersistentVolume: top('v1.PersistentVolume', {
    spec: struct('v1.PersistentVolumeSpec', {
      capacity: resourceList,
      hostPath: struct('v1.HostPathVolumeSource', { path: 'string', type: 'string' }),
      nfs: struct('v1.NFSVolumeSource', { server: 'string', path: 'string', readOnly: 'bool' }),
      local: struct('v1.LocalVolumeSource', { path: 'string', fsType: 'string' }),
      csi: 'any',
      iscsi: 'any',
      accessModes: strings,
      claimRef: struct('v1.ObjectReference', {
        kind: 'string',
        namespace: 'string',
        name: 'string',
        uid: 'string',
        apiVersion: 'string',
        resourceVersion: 'string',
        fieldPath: 'string',
      }),
      persistentVolumeReclaimPolicy: 'string',
      storageClassName: 'string',
      mountOptions: strings,
      volumeMode: 'string',
      nodeAffinity: struct('v1.VolumeNodeAffinity', {
        required: struct('v1.NodeSelector', { nodeSelectorTerms: sliceOf(nodeSelectorTerm) }),
      }),
      volumeAttributesClassName: 'string',
    }),
    status: 'any',
  }),
  PersistentVolumeClaim: top('v1.PersistentVolumeClaim', {
    spec: persistentVolumeClaimSpec,
    status: 'any',
  }),
  StorageClass: top('v1.StorageClass', {
    provisioner: 'string',
    parameters: stringMap,
    reclaimPolicy: 'string',
    mountOptions: strings,
    allowVolumeExpansion: 'bool',
    volumeBindingMode: 'string',
    allowedTopologies: 'any',
  }),
  ResourceQuota: top('v1.ResourceQuota', {
    spec: struct('v1.ResourceQuotaSpec', {
      hard: resourceList,
      scopes: strings,
      scopeSelector: 'any',
    }),
    status: 'any',
  }),
  LimitRange: top('v1.LimitRange', {
    spec: struct('v1.LimitRangeSpec', {
      limits: sliceOf(
        struct('v1.LimitRangeItem', {
          type: 'string',
          max: resourceList,
          min: resourceList,
          default: resourceList,
          defaultRequest: resourceList,
          maxLimitRequestRatio: resourceList,
        }),
      ),
    }),
  }),
  Role: top('v1.Role', { rules: sliceOf(policyRule) }),
  ClusterRole: top('v1.ClusterRole', { rules: sliceOf(policyRule), aggregationRule: 'any' }),
  RoleBinding: top('v1.RoleBinding', bindingFields),
  ClusterRoleBinding: top('v1.ClusterRoleBinding', bindingFields),
  Ingress: top('v1.Ingress', {
    spec: struct('v1.IngressSpec', {
      ingressClassName: 'string',
      defaultBackend: ingressBackend,
      tls: sliceOf(struct('v1.IngressTLS', { hosts: strings, secretName: 'string' })),
      rules: sliceOf(
        struct('v1.IngressRule', {
          host: 'string',
          http: struct('v1.HTTPIngressRuleValue', {
            paths: sliceOf(
              struct('v1.HTTPIngressPath', {
                path: 'string',
                pathType: 'string',
                backend: ingressBackend,
              }),
            ),
          }),
        }),
      ),
    }),
    status: 'any',
  }),
  CustomResourceDefinition: top('v1.CustomResourceDefinition', {
    spec: struct('v1.CustomResourceDefinitionSpec', {
      group: 'string',
      names: 'any',
      scope: 'string',
      versions: sliceOf('any'),
      conversion: 'any',
      preserveUnknownFields: 'bool',
    }),
    status: 'any',
  }),
  ValidatingWebhookConfiguration: top('v1.ValidatingWebhookConfiguration', {
    webhooks: sliceOf('any'),
  }),
  IngressClass: top('v1.IngressClass', {
    spec: struct('v1.IngressClassSpec', {
      controller: 'string',
      parameters: struct('v1.IngressClassParametersReference', {
        apiGroup: 'string',
        kind: 'string',
        name: 'string',
        scope: 'string',
        namespace: 'string',
      }),
    }),
  }),
  NetworkPolicy: top('v1.NetworkPolicy', {
    spec: struct('v1.NetworkPolicySpec', {
      podSelector: labelSelector,
      ingress: sliceOf(
        struct('v1.NetworkPolicyIngressRule', {
          ports: sliceOf(networkPolicyPort),
          from: sliceOf(networkPolicyPeer),
        }),
      ),
      egress: sliceOf(
        struct('v1.NetworkPolicyEgressRule', {
          ports: sliceOf(networkPolicyPort),
          to: sliceOf(networkPolicyPeer),
        }),
      ),
      policyTypes: strings,
    }),
  }),
  IPAddressPool: top('v1beta1.IPAddressPool', {
    spec: struct('v1beta1.IPAddressPoolSpec', {
      addresses: strings,
      autoAssign: 'bool',
      avoidBuggyIPs: 'bool',
      serviceAllocation: 'any',
    }),
    status: 'any',
  }),
  L2Advertisement: top('v1beta1.L2Advertisement', {
    spec: struct('v1beta1.L2AdvertisementSpec', {
      ipAddressPools: strings,
      ipAddressPoolSelectors: sliceOf(labelSelector),
      nodeSelectors: sliceOf(labelSelector),
      interfaces: strings,
    }),
    status: 'any',
  }),
};

const QUANTITY_PATTERN = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_SUFFIX = /^(|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][-+]?[0-9]+)$/;
const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** goTypeName is reflect.Type.String() of a field: int32, []v1.Container, map[string]string. */
function goTypeName(type: GoType): string {
  if (typeof type === 'string') {
    switch (type) {
      case 'quantity':
        return 'resource.Quantity';
      case 'intOrString':
        return 'intstr.IntOrString';
      case 'time':
        return 'v1.Time';
      case 'bytes':
        return '[]uint8';
      case 'any':
        return 'interface {}';
      default:
        return type;
    }
  }
  if ('go' in type) return type.go;
  if ('slice' in type) return `[]${goTypeName(type.slice)}`;
  return `map[string]${goTypeName(type.map)}`;
}

/** jsonKind is how encoding/json names a value it cannot store: string, number 1.5, bool. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return 'string';
}

const INT_RANGE = { int32: 2 ** 31, int64: 2 ** 63 } as const;

/** Fatal is an error that stops decoding at once (a custom UnmarshalJSON failed). */
class Fatal extends Error {}

class Decoder {
  /** the first UnmarshalTypeError; encoding/json keeps decoding after it and reports it alone */
  typeError?: string;
  readonly unknown: string[] = [];
  private struct = '';
  private fieldStack: string[] = [];

  constructor(private readonly strict: boolean) {}

  private mismatch(value: string, type: string): void {
    this.typeError ??= `json: cannot unmarshal ${value} into Go struct field ${this.struct}.${this.fieldStack.join('.')} of type ${type}`;
  }

  /** customFailure is an error from a type's own UnmarshalJSON, which ends decoding. */
  private customFailure(value: string, type: string): never {
    this.mismatch(value, type);
    throw new Fatal(this.typeError);
  }

  decode(value: unknown, type: GoType, path: string): void {
    if (value === null || value === undefined || type === 'any') return;
    if (typeof type === 'object') {
      if ('go' in type) return this.decodeStruct(value, type, path);
      if ('slice' in type) {
        if (!Array.isArray(value)) return this.mismatch(jsonKind(value), goTypeName(type));
        value.forEach((item, i) => this.decode(item, type.slice, `${path}[${i}]`));
        return;
      }
      if (typeof value !== 'object' || Array.isArray(value))
        return this.mismatch(jsonKind(value), goTypeName(type));
      for (const key of Object.keys(value).sort())
        this.decode((value as Record<string, unknown>)[key], type.map, `${path}.${key}`);
      return;
    }
    this.decodeScalar(value, type);
  }

  private decodeStruct(value: unknown, type: StructType, path: string): void {
    if (typeof value !== 'object' || Array.isArray(value))
      return this.mismatch(jsonKind(value), type.go);
    const saved = { struct: this.struct, depth: this.fieldStack.length };
    // kubectl sends the manifest as Go marshals an unstructured map: keys sorted.
    for (const key of Object.keys(value as object).sort()) {
      const fieldPath = path === '' ? key : `${path}.${key}`;
      const fieldType = type.fields[key];
      if (fieldType === undefined) {
        if (this.strict) this.unknown.push(`unknown field "${fieldPath}"`);
        continue;
      }
      this.struct = type.go.slice(type.go.indexOf('.') + 1);
      this.fieldStack.push(key);
      this.decode((value as Record<string, unknown>)[key], fieldType, fieldPath);
      this.fieldStack.length = saved.depth;
      this.struct = saved.struct;
    }
  }

  private decodeScalar(value: unknown, type: Scalar | Custom): void {
    const kind = jsonKind(value);
    switch (type) {
      case 'string':
        if (kind !== 'string') this.mismatch(kind, 'string');
        return;
      case 'bool':
        if (kind !== 'bool') this.mismatch(kind, 'bool');
        return;
      case 'float64':
        if (kind !== 'number') this.mismatch(kind, 'float64');
        return;
      case 'int32':
      case 'int64': {
        if (kind !== 'number') return this.mismatch(kind, type);
        const n = value as number;
        if (!Number.isInteger(n) || n >= INT_RANGE[type] || n < -INT_RANGE[type])
          this.mismatch(`number ${String(n)}`, type);
        return;
      }
      case 'intOrString':
        // IntOrString.UnmarshalJSON reads a non-string into its int32.
        if (kind === 'string') return;
        if (kind !== 'number') this.customFailure(kind, 'int32');
        if (!Number.isInteger(value) || Math.abs(value as number) >= 2 ** 31)
          this.customFailure(`number ${String(value)}`, 'int32');
        return;
      case 'time':
        // metav1.Time.UnmarshalJSON reads the value into a string first.
        if (kind !== 'string') this.customFailure(kind, 'string');
        return;
      case 'quantity': {
        const text = kind === 'string' || kind === 'number' ? String(value) : '';
        const match = QUANTITY_PATTERN.exec(text);
        if (!match || !QUANTITY_SUFFIX.test(match[2]!)) throw new Fatal(QUANTITY_ERROR);
        return;
      }
      case 'bytes':
        if (kind !== 'string') return this.mismatch(kind, '[]uint8');
        if (!BASE64.test(value as string) || (value as string).length % 4 !== 0)
          throw new Fatal(
            `illegal base64 data at input byte ${base64ErrorOffset(value as string)}`,
          );
        return;
      case 'any':
        return;
    }
  }
}

/** base64ErrorOffset is where Go's base64 decoder gives up on a string. */
function base64ErrorOffset(text: string): number {
  const bad = text.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return bad;
  const pad = text.indexOf('=');
  if (pad >= 0 && pad % 4 < 2) return pad;
  return text.length - (text.length % 4 === 0 ? 0 : text.length % 4);
}

/**
 * decodeFailure decodes a value into its kind's struct and returns what went wrong, if anything:
 * a type error trumps unknown fields, as in the JSON serializer.
 */
function decodeFailure(
  value: unknown,
  type: StructType,
  validation: FieldValidation,
): string | undefined {
  const decoder = new Decoder(validation === 'Strict');
  try {
    decoder.decode(value, type, '');
  } catch (error) {
    if (!(error instanceof Fatal)) throw error;
    return error.message;
  }
  if (decoder.typeError !== undefined) return decoder.typeError;
  if (decoder.unknown.length > 0) return `strict decoding error: ${decoder.unknown.join(', ')}`;
  return undefined;
}

/**
 * decodeBody checks a create or update body against its kind's Go types and throws the
 * BadRequest the API server answers with. With fieldValidation Strict, unknown fields fail too.
 */
export function decodeBody(info: ResourceInfo, body: unknown, validation: FieldValidation): void {
  const type = KINDS[info.kind];
  if (!type) return;
  const message = decodeFailure(body, type, validation);
  if (message !== undefined)
    throw badRequest(
      `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${message}`,
    );
}

/** goPrint is Go's %+v of a decoded JSON map: map[a:1 b:[x y]], keys sorted, strings bare. */
function goPrint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${goPrint(v)}`).join(' ')}]`;
  }
  return String(value);
}

/**
 * decodePatched checks the result of a strategic merge patch the way the patch handler does
 * (FromUnstructuredWithValidation, handlers/patch.go): a failure is Invalid on the field
 * "patch", whose value is the patch printed as a Go map.
 */
export function decodePatched(
  info: ResourceInfo,
  patched: unknown,
  patch: unknown,
  validation: FieldValidation,
): void {
  const type = KINDS[info.kind];
  if (!type) return;
  const message = decodeFailure(patched, type, validation);
  if (message !== undefined)
    throw invalid('', '', '', [
      { type: 'Invalid', field: 'patch', value: goPrint(patch), detail: message },
    ]);
}

/** reorder lays a value out as encoding/json marshals its Go type: struct fields in declaration order, map keys sorted. */
function reorder(value: unknown, type: GoType): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value))
    return typeof type === 'object' && 'slice' in type
      ? value.map((item) => reorder(item, type.slice))
      : value;
  const record = value as Record<string, unknown>;
  if (typeof type === 'object' && 'go' in type) {
    const known = Object.keys(type.fields).filter((key) => key in record);
    const rest = Object.keys(record).filter((key) => !(key in type.fields));
    return Object.fromEntries(
      [...known, ...rest].map((key) => [key, reorder(record[key], type.fields[key] ?? 'any')]),
    );
  }
  const elem = typeof type === 'object' && 'map' in type ? type.map : 'any';
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, reorder(record[key], elem)]),
  );
}

/**
 * inGoFieldOrder returns an object with its keys in the order kubectl prints a typed object as
 * JSON (what `kubectl create ... -o json` shows); kinds without a table keep sorted keys.
 */
export function inGoFieldOrder(kind: string, obj: unknown): unknown {
  return reorder(obj, KINDS[kind] ?? 'any');
}
