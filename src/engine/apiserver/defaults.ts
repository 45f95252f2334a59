import type {
  Container,
  CronJob,
  DaemonSet,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  PodSpec,
  Probe,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../api/types';
import { SYSTEM_PRIORITY_CLASSES } from './validation';

/**
 * Defaulting as the API server applies it before validation (pkg/apis/core/v1/defaults.go,
 * apps/v1/defaults.go). Functions mutate the freshly decoded (unfrozen) object in place.
 */

/** defaultPullPolicy is Always for `:latest` or untagged images, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): Container['imagePullPolicy'] {
  const withoutDigest = image.split('@')[0]!;
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  if (image.includes('@')) return 'IfNotPresent';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** defaultProbe fills a probe as SetDefaults_Probe / SetDefaults_HTTPGetAction do. */
function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ??= '/';
    probe.httpGet.scheme ??= 'HTTP';
  }
}

function defaultContainer(container: Partial<Container>): void {
  if (typeof container.image === 'string' && container.imagePullPolicy === undefined) {
    container.imagePullPolicy = defaultPullPolicy(container.image);
  }
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of container.ports ?? []) port.protocol ??= 'TCP';
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
}

/** defaultPodSpec fills the fields every real pod spec shows in `-o yaml`. */
export function defaultPodSpec(spec: Partial<PodSpec>): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

/** defaultReplicaSet: replicas 1 and a defaulted template. */
export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec ??= {} as ReplicaSet['spec'];
  rs.spec.replicas ??= 1;
  if (rs.spec.template?.spec) defaultPodSpec(rs.spec.template.spec);
}

/** defaultDeployment: replicas 1, RollingUpdate 25%/25%, 10 revisions kept, 600s deadline. */
export function defaultDeployment(d: Deployment): void {
  d.spec ??= {} as Deployment['spec'];
  d.spec.replicas ??= 1;
  d.spec.strategy ??= { type: 'RollingUpdate' };
  d.spec.strategy.type ??= 'RollingUpdate';
  if (d.spec.strategy.type === 'RollingUpdate') {
    d.spec.strategy.rollingUpdate ??= {};
    d.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    d.spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  d.spec.revisionHistoryLimit ??= 10;
  d.spec.progressDeadlineSeconds ??= 600;
  if (d.spec.template?.spec) defaultPodSpec(d.spec.template.spec);
}

/** defaultDaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, 10 revisions kept. */
export function defaultDaemonSet(ds: DaemonSet): void {
  ds.spec ??= {} as DaemonSet['spec'];
  ds.spec.updateStrategy ??= { type: 'RollingUpdate' };
  ds.spec.updateStrategy.type ??= 'RollingUpdate';
  if (ds.spec.updateStrategy.type === 'RollingUpdate') {
    ds.spec.updateStrategy.rollingUpdate ??= {};
    ds.spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    ds.spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  ds.spec.revisionHistoryLimit ??= 10;
  if (ds.spec.template?.spec) defaultPodSpec(ds.spec.template.spec);
}

/** defaultStatefulSet: replicas 1, OrderedReady, RollingUpdate from partition 0, PVCs retained. */
export function defaultStatefulSet(sts: StatefulSet): void {
  sts.spec ??= {} as StatefulSet['spec'];
  sts.spec.replicas ??= 1;
  sts.spec.podManagementPolicy ??= 'OrderedReady';
  sts.spec.updateStrategy ??= { type: 'RollingUpdate' };
  sts.spec.updateStrategy.type ??= 'RollingUpdate';
  if (sts.spec.updateStrategy.type === 'RollingUpdate') {
    sts.spec.updateStrategy.rollingUpdate ??= {};
    sts.spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  sts.spec.revisionHistoryLimit ??= 10;
  sts.spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
  if (sts.spec.template?.spec) defaultPodSpec(sts.spec.template.spec);
}

/**
 * defaultJob is SetDefaults_Job (batch/v1): with neither set, completions and parallelism are 1;
 * backoffLimit 6, NonIndexed, not suspended, pods replaced once terminating or failed.
 */
export function defaultJob(job: Job): void {
  job.spec ??= {} as Job['spec'];
  if (job.spec.completions === undefined && job.spec.parallelism === undefined) {
    job.spec.completions = 1;
    job.spec.parallelism = 1;
  }
  job.spec.parallelism ??= 1;
  job.spec.backoffLimit ??= 6;
  job.spec.completionMode ??= 'NonIndexed';
  job.spec.suspend ??= false;
  job.spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  if (job.spec.template?.spec) defaultPodSpec(job.spec.template.spec);
}

/** defaultCronJob: Allow, not suspended, keep 3 successful and 1 failed Job. */
export function defaultCronJob(cj: CronJob): void {
  cj.spec ??= {} as CronJob['spec'];
  cj.spec.concurrencyPolicy ??= 'Allow';
  cj.spec.suspend ??= false;
  cj.spec.successfulJobsHistoryLimit ??= 3;
  cj.spec.failedJobsHistoryLimit ??= 1;
  // Only the pod template inside is defaulted: the Job's own defaults come when it is created.
  const podSpec = cj.spec.jobTemplate?.spec?.template?.spec;
  if (podSpec) defaultPodSpec(podSpec);
}

/**
 * defaultService is SetDefaults_Service: ClusterIP, no session affinity, TCP ports aimed at the
 * same port, Cluster traffic policies, and node ports for a LoadBalancer.
 */
export function defaultService(svc: Service): void {
  svc.spec ??= {} as Service['spec'];
  const spec = svc.spec;
  spec.sessionAffinity ??= 'None';
  spec.type ??= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ??= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '')
      port.targetPort = port.port;
  }
  const external =
    spec.type === 'NodePort' ||
    spec.type === 'LoadBalancer' ||
    (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (external) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

/** DEFAULT_CPU_UTILIZATION is the target an HPA without metrics gets (autoscaling.DefaultCPUUtilization). */
export const DEFAULT_CPU_UTILIZATION = 80;

/**
 * defaultHorizontalPodAutoscaler converts an autoscaling/v1 body to v2 as the API server's
 * conversion does (targetCPUUtilizationPercentage becomes a cpu Utilization metric), then applies
 * the v2 defaults: minReplicas 1 and, with no metrics, cpu at 80%. behavior stays unset unless
 * given (SetDefaults_HorizontalPodAutoscalerBehavior only fills a behavior that exists).
 */
export function defaultHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): void {
  hpa.spec ??= {} as HorizontalPodAutoscaler['spec'];
  const v1 = hpa.spec as { targetCPUUtilizationPercentage?: number };
  if (v1.targetCPUUtilizationPercentage !== undefined) {
    hpa.spec.metrics ??= [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: v1.targetCPUUtilizationPercentage },
        },
      },
    ];
    delete v1.targetCPUUtilizationPercentage;
  }
  hpa.spec.minReplicas ??= 1;
  if (!hpa.spec.metrics || hpa.spec.metrics.length === 0) {
    hpa.spec.metrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION },
        },
      },
    ];
  }
}

/** systemPriorityClasses are the PriorityClasses the API server creates at start-up (bootstrap-system-priority-classes). */
export function systemPriorityClasses(): object[] {
  return SYSTEM_PRIORITY_CLASSES.map((pc) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: pc.name },
    value: pc.value,
    description: pc.description,
    preemptionPolicy: 'PreemptLowerPriority',
  }));
}
