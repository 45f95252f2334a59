import type {
  CronJob,
  DaemonSet,
  Event,
  Job,
  JobSpec,
  Pod,
  ReplicaSet,
  StatefulSet,
} from '../../engine';
import { formatLabels, formatSelector } from '../../engine';
import { humanDuration } from './age';
import { annotationLines, finish, multiline, rfc1123z } from './describe';
import { podTemplate } from './describe-deployment';

/** PodCounts are getPodStatusForController's tallies of a controller's own pods by phase. */
export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** countPods tallies the pods whose controller is `uid` (orphans and others' pods are skipped). */
export function countPods(pods: Pod[], uid: string): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((o) => o.controller);
    if (!ref || ref.uid !== uid) continue;
    const phase = pod.status?.phase ?? 'Pending';
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

function podsStatus(c: PodCounts): string {
  return `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

function controlledBy(obj: {
  metadata: { ownerReferences?: ReplicaSet['metadata']['ownerReferences'] };
}): string[] {
  const owner = obj.metadata.ownerReferences?.find((o) => o.controller);
  return owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : [];
}

const labelLine = (k: string, v: string) => `${k}=${v}`;

/** describeReplicaSet is describe.go's describeReplicaSet. */
export function describeReplicaSet(
  rs: ReplicaSet,
  pods: PodCounts,
  events: Event[],
  now: number,
): string {
  return finish(
    [
      `Name:\t${rs.metadata.name}`,
      `Namespace:\t${rs.metadata.namespace ?? ''}`,
      `Selector:\t${formatSelector(rs.spec.selector)}`,
      ...multiline('Labels', rs.metadata.labels, labelLine),
      ...annotationLines(rs.metadata.annotations),
      ...controlledBy(rs),
      `Replicas:\t${rs.status.replicas ?? 0} current / ${rs.spec.replicas} desired`,
      podsStatus(pods),
      ...podTemplate(rs.spec.template),
    ],
    events,
    now,
  );
}

/** describeJob is describe.go's describeJob. */
export function describeJob(job: Job, events: Event[], now: number): string {
  const { spec, status } = job;
  const w = [
    `Name:\t${job.metadata.name}`,
    `Namespace:\t${job.metadata.namespace ?? ''}`,
    `Selector:\t${selectorString(spec.selector)}`,
    ...multiline('Labels', job.metadata.labels, labelLine),
    ...annotationLines(job.metadata.annotations),
    ...controlledBy(job),
    `Parallelism:\t${spec.parallelism}`,
    `Completions:\t${spec.completions ?? '<unset>'}`,
    `Completion Mode:\t${spec.completionMode}`,
    `Suspend:\t${spec.suspend}`,
    `Backoff Limit:\t${spec.backoffLimit}`,
  ];
  if (spec.ttlSecondsAfterFinished !== undefined)
    w.push(`TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (status.startTime) w.push(`Start Time:\t${rfc1123z(status.startTime)}`);
  if (status.completionTime) w.push(`Completed At:\t${rfc1123z(status.completionTime)}`);
  if (status.startTime && status.completionTime)
    w.push(
      `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}`,
    );
  if (spec.activeDeadlineSeconds !== undefined)
    w.push(`Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const [active, succeeded, failed] = [
    status.active ?? 0,
    status.succeeded ?? 0,
    status.failed ?? 0,
  ];
  w.push(
    status.ready === undefined
      ? `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed`
      : `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${succeeded} Succeeded / ${failed} Failed`,
  );
  w.push(...podTemplate(spec.template));
  return finish(w, events, now);
}

/** selectorString is labels.Selector's String(): requirements joined by commas, "" when empty. */
function selectorString(selector: JobSpec['selector']): string {
  const text = formatSelector(selector);
  return text === '<none>' ? '' : text;
}

/** jobTemplate is describeJobTemplate: the CronJob's template is not defaulted, so unset shows. */
function jobTemplate(spec: Partial<JobSpec>): string[] {
  const w = [
    `Selector:\t${spec.selector ? selectorString(spec.selector) : '<unset>'}`,
    `Parallelism:\t${spec.parallelism ?? '<unset>'}`,
    `Completions:\t${spec.completions ?? '<unset>'}`,
  ];
  if (spec.activeDeadlineSeconds !== undefined)
    w.push(`Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  if (spec.template) w.push(...podTemplate(spec.template));
  return w;
}

/** describeCronJob is describe.go's describeCronJob. */
export function describeCronJob(cj: CronJob, events: Event[], now: number): string {
  const { spec, status } = cj;
  const active = status?.active ?? [];
  return finish(
    [
      `Name:\t${cj.metadata.name}`,
      `Namespace:\t${cj.metadata.namespace ?? ''}`,
      ...multiline('Labels', cj.metadata.labels, labelLine),
      ...annotationLines(cj.metadata.annotations),
      `Schedule:\t${spec.schedule}`,
      `Concurrency Policy:\t${spec.concurrencyPolicy}`,
      `Suspend:\t${spec.suspend ? 'True' : 'False'}`,
      `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}`,
      `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}`,
      `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}`,
      ...jobTemplate(spec.jobTemplate.spec),
      `Last Schedule Time:\t${status?.lastScheduleTime ? rfc1123z(status.lastScheduleTime) : '<unset>'}`,
      `Active Jobs:\t${active.length > 0 ? active.map((j) => j.name).join(', ') : '<none>'}`,
    ],
    events,
    now,
  );
}

/** describeDaemonSet is describe.go's describeDaemonSet. */
export function describeDaemonSet(
  ds: DaemonSet,
  pods: PodCounts,
  events: Event[],
  now: number,
): string {
  const s = ds.status;
  return finish(
    [
      `Name:\t${ds.metadata.name}`,
      `Namespace:\t${ds.metadata.namespace ?? ''}`,
      `Selector:\t${selectorString(ds.spec.selector)}`,
      `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}`,
      ...multiline('Labels', ds.metadata.labels, labelLine),
      ...annotationLines(ds.metadata.annotations),
      `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}`,
      `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}`,
      `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}`,
      `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}`,
      `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}`,
      podsStatus(pods),
      ...podTemplate(ds.spec.template),
    ],
    events,
    now,
  );
}

/** describeStatefulSet is describe.go's describeStatefulSet (no volume claim templates here). */
export function describeStatefulSet(
  sts: StatefulSet,
  pods: PodCounts,
  events: Event[],
  now: number,
): string {
  const w = [
    `Name:\t${sts.metadata.name}`,
    `Namespace:\t${sts.metadata.namespace ?? ''}`,
    `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}`,
    `Selector:\t${selectorString(sts.spec.selector)}`,
    ...multiline('Labels', sts.metadata.labels, labelLine),
    ...annotationLines(sts.metadata.annotations),
    `Replicas:\t${sts.spec.replicas} desired | ${sts.status?.replicas ?? 0} total`,
    `Update Strategy:\t${sts.spec.updateStrategy.type}`,
  ];
  const ru = sts.spec.updateStrategy.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.push(`  Partition:\t${ru.partition}`);
    if (ru.maxUnavailable !== undefined) w.push(`  MaxUnavailable:\t${ru.maxUnavailable}`);
  }
  w.push(podsStatus(pods), ...podTemplate(sts.spec.template), 'Volume Claims:\t<none>');
  return finish(w, events, now);
}
