import type { Container, Deployment, PodSpec, Probe, ReplicaSet } from '../api/types';

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
