import { isPodReady, isPodTerminal } from '../../api/pod';
import { clone, controllerOf, deepEqual, objectKey } from '../../api/objects';
import type { Job, JobCondition, JobStatus, Pod } from '../../api/types';
import { parseTimestamp, toTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import { ControllerContext } from '../context';
import { createPod, podFromTemplate, slowStartBatch } from '../pod-control';
import { Expectations } from '../expectations';

/** Pod-failure back-off (job_controller.go): 10s, doubling per failure since the last success, capped at 10 minutes. */
export const POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;
/** syncJobBatchPeriod: pod changes are folded into one Job sync per second. */
const SYNC_BATCH_MS = 1000;

const COMPLETIONS_REACHED = {
  reason: 'CompletionsReached',
  message: 'Reached expected number of succeeded pods',
};
const BACKOFF_LIMIT_EXCEEDED = {
  reason: 'BackoffLimitExceeded',
  message: 'Job has reached the specified backoff limit',
};
const DEADLINE_EXCEEDED = {
  reason: 'DeadlineExceeded',
  message: 'Job was active longer than specified deadline',
};

/** isJobFinished: the Job has a Complete or Failed condition that is True. */
export function isJobFinished(job: Job): JobCondition['type'] | undefined {
  return job.status?.conditions?.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  )?.type;
}

function finishedAt(pod: Pod): number | undefined {
  const times = (pod.status.containerStatuses ?? [])
    .map((s) => s.state.terminated?.finishedAt)
    .filter((t): t is string => t !== undefined)
    .map(parseTimestamp);
  return times.length > 0 ? Math.max(...times) : undefined;
}

/**
 * JobController runs a Job's pods to completion (pkg/controller/job): it keeps up to
 * `parallelism` pods running until `completions` have succeeded, replaces failed pods after an
 * exponential back-off, and fails the Job past its backoffLimit or activeDeadlineSeconds.
 *
 * Terminal pods are counted while they exist; the real controller instead counts them into
 * status through the batch.kubernetes.io/job-tracking pod finalizer, which the engine omits.
 */
export class JobController {
  private readonly queue: WorkQueue;
  private readonly expectations: Expectations;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.expectations = new Expectations(() => ctx.clock.now);
    this.recorder = ctx.recorder('job-controller');
    ctx.jobs.addHandlers({
      onAdd: (job) => this.queue.add(objectKey(job)),
      onUpdate: (_old, job) => this.queue.add(objectKey(job)),
      onDelete: (job) => this.expectations.delete(objectKey(job)),
    });
    ctx.pods.addHandlers({
      onAdd: (pod) => {
        const key = this.ownerKey(pod);
        if (!key) return;
        this.expectations.creationObserved(key);
        this.queue.addAfter(key, SYNC_BATCH_MS);
      },
      onUpdate: (old, pod) => {
        const key = this.ownerKey(pod);
        if (!key) return;
        if (old.metadata.deletionTimestamp === undefined && pod.metadata.deletionTimestamp)
          this.expectations.deletionObserved(key);
        this.queue.addAfter(key, SYNC_BATCH_MS);
      },
      onDelete: (pod) => {
        const key = this.ownerKey(pod);
        if (!key) return;
        if (pod.metadata.deletionTimestamp === undefined) this.expectations.deletionObserved(key);
        this.queue.addAfter(key, SYNC_BATCH_MS);
      },
    });
  }

  private ownerKey(pod: Pod): string | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'Job') return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    return this.ctx.jobs.get(key)?.metadata.uid === ref.uid ? key : undefined;
  }

  private sync(key: string): void {
    const job = this.ctx.jobs.get(key);
    if (!job) {
      this.expectations.delete(key);
      return;
    }
    if (isJobFinished(job) || job.metadata.deletionTimestamp !== undefined) return;
    const now = this.ctx.clock.now;
    const pods = this.ctx.pods.byIndex(ControllerContext.BY_CONTROLLER, job.metadata.uid);
    const active = pods.filter((p) => !isPodTerminal(p) && !p.metadata.deletionTimestamp);
    const terminating = pods.filter((p) => !isPodTerminal(p) && p.metadata.deletionTimestamp);
    const succeeded = pods.filter((p) => p.status.phase === 'Succeeded');
    const failed = pods.filter((p) => p.status.phase === 'Failed');
    const status: JobStatus = clone(job.status ?? {});
    const conditions = status.conditions ?? [];
    const stamp = toTimestamp(now);
    const addCondition = (type: JobCondition['type'], why: { reason: string; message: string }) => {
      if (conditions.some((c) => c.type === type)) return;
      conditions.push({
        type,
        status: 'True',
        lastProbeTime: stamp,
        lastTransitionTime: stamp,
        ...why,
      });
    };

    if (job.spec.suspend) {
      this.updateStatus(job, { ...status, active: active.length }, pods);
      return;
    }
    status.startTime ??= stamp;
    const startTime = parseTimestamp(status.startTime);

    const completions = job.spec.completions;
    const complete =
      completions === undefined
        ? succeeded.length > 0 && active.length === 0
        : succeeded.length >= completions;
    let failure = conditions.find((c) => c.type === 'FailureTarget');
    if (!failure && !complete) {
      const restarts = active.reduce(
        (sum, p) =>
          sum +
          [...(p.status.containerStatuses ?? []), ...(p.status.initContainerStatuses ?? [])].reduce(
            (n, s) => n + s.restartCount,
            0,
          ),
        0,
      );
      const onFailure = job.spec.template.spec.restartPolicy === 'OnFailure';
      const deadline = job.spec.activeDeadlineSeconds;
      if (
        failed.length > job.spec.backoffLimit ||
        (onFailure && restarts > 0 && restarts >= job.spec.backoffLimit)
      ) {
        addCondition('FailureTarget', BACKOFF_LIMIT_EXCEEDED);
      } else if (deadline !== undefined && now >= startTime + deadline * 1000) {
        addCondition('FailureTarget', DEADLINE_EXCEEDED);
      } else if (deadline !== undefined) {
        this.queue.addAfter(key, startTime + deadline * 1000 - now);
      }
      failure = conditions.find((c) => c.type === 'FailureTarget');
    }

    let finished: 'Complete' | 'Failed' | undefined;
    if (failure || complete) {
      // Leftover pods are removed; the terminal condition waits until they are gone (1.31+).
      this.deletePods(key, job, active, job.spec.parallelism);
      if (complete) addCondition('SuccessCriteriaMet', COMPLETIONS_REACHED);
      if (active.length === 0 && terminating.length === 0) {
        if (complete) {
          addCondition('Complete', COMPLETIONS_REACHED);
          status.completionTime = stamp;
          finished = 'Complete';
        } else {
          addCondition('Failed', { reason: failure!.reason!, message: failure!.message! });
          finished = 'Failed';
        }
      }
    } else if (this.expectations.satisfied(key)) {
      this.managePods(key, job, active, succeeded, failed);
    }

    status.conditions = conditions.length > 0 ? conditions : undefined;
    this.updateStatus(job, status, pods, finished);
  }

  /** managePods starts pods up to parallelism, after the failure back-off has passed. */
  private managePods(key: string, job: Job, active: Pod[], succeeded: Pod[], failed: Pod[]): void {
    const remaining =
      job.spec.completions === undefined
        ? succeeded.length > 0
          ? 0
          : job.spec.parallelism
        : job.spec.completions - succeeded.length;
    const want = Math.max(0, Math.min(job.spec.parallelism, remaining));
    if (active.length > want) {
      this.deletePods(key, job, active.slice(want), job.spec.parallelism);
      return;
    }
    if (active.length === want) return;
    const lastSuccess = Math.max(0, ...succeeded.map((p) => finishedAt(p) ?? 0));
    const recentFailures = failed
      .map((p) => finishedAt(p) ?? 0)
      .filter((t) => t >= lastSuccess)
      .sort((a, b) => a - b);
    if (recentFailures.length > 0) {
      const delay = Math.min(
        POD_FAILURE_BACKOFF_MS * 2 ** (recentFailures.length - 1),
        MAX_POD_FAILURE_BACKOFF_MS,
      );
      const wait = recentFailures[recentFailures.length - 1]! + delay - this.ctx.clock.now;
      if (wait > 0) {
        this.queue.addAfter(key, wait);
        return;
      }
    }
    const count = want - active.length;
    this.expectations.expectCreations(key, count);
    slowStartBatch(
      count,
      (settled) => this.createPod(job, settled),
      (successes, failed) => {
        for (let i = successes; i < count; i++) this.expectations.creationObserved(key);
        if (failed) this.queue.addRateLimited(key, true);
        else this.queue.forget(key);
      },
    );
  }

  private createPod(job: Job, settled: (created: boolean) => void): void {
    createPod(
      this.ctx,
      this.recorder,
      job,
      podFromTemplate(job, job.spec.template),
      { code: 'job.create', args: { job: job.metadata.name } },
      settled,
    );
  }

  private deletePods(key: string, job: Job, pods: Pod[], want: number): void {
    if (pods.length === 0) return;
    this.expectations.expectDeletions(key, pods.length);
    for (const pod of pods) {
      this.ctx.client.request(
        {
          verb: 'delete',
          resource: 'pods',
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
        },
        (response) => {
          if (response.ok) {
            this.recorder.normal(job, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
          } else {
            this.expectations.deletionObserved(key);
          }
        },
        { code: 'job.delete', args: { job: job.metadata.name, want } },
      );
    }
  }

  private updateStatus(
    job: Job,
    status: JobStatus,
    pods: Pod[],
    finished?: 'Complete' | 'Failed',
  ): void {
    const active = pods.filter((p) => !isPodTerminal(p) && !p.metadata.deletionTimestamp);
    const next: JobStatus = {
      ...status,
      active: active.length || undefined,
      ready: active.filter(isPodReady).length,
      succeeded: pods.filter((p) => p.status.phase === 'Succeeded').length || undefined,
      failed: pods.filter((p) => p.status.phase === 'Failed').length || undefined,
      terminating: pods.filter((p) => !isPodTerminal(p) && p.metadata.deletionTimestamp).length,
      uncountedTerminatedPods: {},
    };
    if (deepEqual(next, job.status)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'jobs',
        namespace: job.metadata.namespace,
        name: job.metadata.name,
        subresource: 'status',
        body: { ...job, status: next } as Job,
      },
      (response) => {
        this.queue.settle(objectKey(job), response.ok);
        if (!response.ok) return;
        if (finished === 'Complete') this.recorder.normal(job, 'Completed', 'Job completed');
        if (finished === 'Failed') {
          const cond = next.conditions!.find((c) => c.type === 'Failed')!;
          this.recorder.warning(job, cond.reason!, cond.message!);
        }
      },
      {
        code: finished ? `job.${finished.toLowerCase()}` : 'job.status',
        args: {
          job: job.metadata.name,
          active: next.active ?? 0,
          succeeded: next.succeeded ?? 0,
          failed: next.failed ?? 0,
        },
      },
    );
  }
}
