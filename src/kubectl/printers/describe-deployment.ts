import type { Deployment, Event, PodTemplateSpec, ReplicaSet } from '../../engine';
import { formatSelector } from '../../engine';
import {
  annotationLines,
  containers,
  finish,
  multiline,
  rfc1123z,
  tolerations,
  volumes,
} from './describe';

/** podTemplate is DescribePodTemplate: the template's labels, containers, volumes and scheduling hints. */
export function podTemplate(template: PodTemplateSpec): string[] {
  const spec = template.spec;
  return [
    'Pod Template:',
    ...multiline('  Labels', template.metadata.labels, (k, v) => `${k}=${v}`),
    ...(spec.serviceAccountName ? [`  Service Account:\t${spec.serviceAccountName}`] : []),
    ...((spec.initContainers ?? []).length > 0
      ? containers('Init Containers', spec.initContainers!, undefined, '  ')
      : []),
    ...containers('Containers', spec.containers, undefined, '  '),
    ...volumes(spec.volumes, '  '),
    ...multiline('  Node-Selectors', spec.nodeSelector, (k, v) => `${k}=${v}`),
    ...tolerations(spec.tolerations, '  '),
  ];
}

function replicaSetLine(list: ReplicaSet[]): string {
  if (list.length === 0) return '<none>';
  return list
    .map(
      (rs) =>
        `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas} replicas created)`,
    )
    .join(', ');
}

/**
 * describeDeployment lays a Deployment out as kubectl describe does (DeploymentDescriber): the
 * replica counts, strategy, pod template, conditions, and its old and new ReplicaSets.
 */
export function describeDeployment(
  d: Deployment,
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
  events: Event[],
  now: number,
): string {
  const s = d.status;
  const w: string[] = [
    `Name:\t${d.metadata.name}`,
    `Namespace:\t${d.metadata.namespace ?? ''}`,
    `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}`,
    ...multiline('Labels', d.metadata.labels, (k, v) => `${k}=${v}`),
    ...annotationLines(d.metadata.annotations),
    `Selector:\t${formatSelector(d.spec.selector)}`,
    `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`,
    `StrategyType:\t${d.spec.strategy.type}`,
    `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}`,
  ];
  const rolling = d.spec.strategy.rollingUpdate;
  if (d.spec.strategy.type === 'RollingUpdate' && rolling) {
    w.push(
      `RollingUpdateStrategy:\t${rolling.maxUnavailable} max unavailable, ${rolling.maxSurge} max surge`,
    );
  }
  w.push(...podTemplate(d.spec.template));
  const conditions = s.conditions ?? [];
  if (conditions.length > 0) {
    w.push('Conditions:', '  Type\tStatus\tReason', '  ----\t------\t------');
    for (const c of conditions) w.push(`  ${c.type} \t${c.status}\t${c.reason}`);
  }
  w.push(`OldReplicaSets:\t${replicaSetLine(oldRSs)}`);
  w.push(`NewReplicaSet:\t${replicaSetLine(newRS ? [newRS] : [])}`);
  return finish(w, events, now);
}
