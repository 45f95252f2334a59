import { nextAfter, parseSchedule } from '../../api/cron';
import { clone, controllerOf, deepEqual, objectKey, ownerReferenceTo } from '../../api/objects';
import type { CronJob, CronJobStatus, Job, ObjectReference } from '../../api/types';
import { parseTimestamp, toTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import { WorkQueue } from '../../client/workqueue';
import { ControllerContext } from '../context';
import { isJobFinished } from '../job/job';

const MINUTE = 60_000;
/** The controller wakes 100ms after a schedule time (nextScheduleTimeDuration). */
const WAKE_DELAY_MS = 100;
/** More missed start times than this and the controller gives up on catching up (TooManyMissedTimes). */
const MAX_MISSED = 100;

/** jobNameFor is getJobName: `<cronjob>-<scheduled time in Unix minutes>`, e.g. hello-29460780. */
export function jobNameFor(cj: CronJob, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / MINUTE)}`;
}

/**
 * CronJobController (pkg/controller/cronjob, v2) creates a Job at each time the schedule
 * names, on the simulated clock: it wakes just after the next schedule time as a background
 * timer, so a cluster with nothing else to do counts as quiet between runs. It tracks the Jobs it
 * started in status.active, applies concurrencyPolicy, and deletes finished Jobs beyond the
 * history limits.
 */
export class CronJobController {
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  /** the schedule time each CronJob has a wake-up timer for */
  private readonly timers = new Map<string, number>();
  /** uids of finished Jobs already reported, so a quick second sync does not report them again */
  private readonly reported = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = ctx.recorder('cronjob-controller');
    ctx.cronJobs.addHandlers({
      onAdd: (cj) => this.queue.add(objectKey(cj)),
      onUpdate: (_old, cj) => this.queue.add(objectKey(cj)),
      onDelete: (cj) => this.timers.delete(objectKey(cj)),
    });
    const enqueueOwner = (job: Job) => {
      const ref = controllerOf(job);
      if (ref?.kind === 'CronJob') this.queue.add(`${job.metadata.namespace}/${ref.name}`);
    };
    ctx.jobs.addHandlers({
      onAdd: enqueueOwner,
      onUpdate: (_old, job) => enqueueOwner(job),
      onDelete: enqueueOwner,
    });
  }

  private sync(key: string): void {
    const cj = this.ctx.cronJobs.get(key);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = this.ctx.clock.now;
    const jobs = this.ctx.jobs.byIndex(ControllerContext.BY_CONTROLLER, cj.metadata.uid);
    const status: CronJobStatus = clone(cj.status ?? {});
    let active = status.active ?? [];

    // Forget finished or vanished Jobs; report the finished ones once.
    for (const job of jobs) {
      const finished = isJobFinished(job);
      const listed = active.some((ref) => ref.uid === job.metadata.uid);
      if (finished && listed) {
        active = active.filter((ref) => ref.uid !== job.metadata.uid);
        if (!this.reported.has(job.metadata.uid))
          this.recorder.normal(
            cj,
            'SawCompletedJob',
            `Saw completed job: ${job.metadata.name}, condition: ${finished}`,
          );
        this.reported.add(job.metadata.uid);
        if (finished === 'Complete') {
          const done = job.status.completionTime;
          if (
            done &&
            (!status.lastSuccessfulTime ||
              parseTimestamp(done) > parseTimestamp(status.lastSuccessfulTime))
          )
            status.lastSuccessfulTime = done;
        }
      } else if (!finished && !listed && job.metadata.deletionTimestamp === undefined) {
        active = [...active, jobReference(job)];
      }
    }
    active = active.filter((ref) => jobs.some((j) => j.metadata.uid === ref.uid));
    status.active = active.length > 0 ? active : undefined;

    this.cleanupFinishedJobs(cj, jobs);

    let schedule;
    try {
      schedule = parseSchedule(cj.spec.schedule);
    } catch {
      this.recorder.warning(
        cj,
        'UnparseableSchedule',
        `unparseable schedule: "${cj.spec.schedule}"`,
      );
      return this.updateStatus(cj, status);
    }

    if (!cj.spec.suspend) {
      const since = status.lastScheduleTime ?? cj.metadata.creationTimestamp;
      let scheduled: number | undefined;
      let missed = 0;
      for (
        let t = nextAfter(schedule, parseTimestamp(since));
        t !== undefined && t <= now;
        t = nextAfter(schedule, t)
      ) {
        scheduled = t;
        if (++missed > MAX_MISSED) break;
      }
      if (missed > MAX_MISSED) {
        this.recorder.warning(
          cj,
          'TooManyMissedTimes',
          'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
        );
      }
      const deadline = cj.spec.startingDeadlineSeconds;
      if (scheduled !== undefined && deadline !== undefined && scheduled + deadline * 1000 < now) {
        this.recorder.warning(
          cj,
          'MissSchedule',
          `Missed scheduled time to start a job: ${toTimestamp(scheduled)}`,
        );
        scheduled = undefined;
      }
      const name = scheduled !== undefined ? jobNameFor(cj, scheduled) : undefined;
      if (scheduled !== undefined && !jobs.some((j) => j.metadata.name === name)) {
        if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
          this.recorder.normal(
            cj,
            'JobAlreadyActive',
            'Not starting job because prior execution is running and concurrency policy is Forbid',
          );
        } else {
          if (cj.spec.concurrencyPolicy === 'Replace') {
            for (const ref of active) this.deleteJob(cj, ref.name, 'replace');
          }
          this.createJob(cj, scheduled);
          status.lastScheduleTime = toTimestamp(scheduled);
        }
      }
      this.wakeAtNext(key, schedule, now);
    }
    this.updateStatus(cj, status);
  }

  /** wakeAtNext sets a background timer for just after the next schedule time. */
  private wakeAtNext(key: string, schedule: ReturnType<typeof parseSchedule>, now: number): void {
    const next = nextAfter(schedule, now);
    if (next === undefined || this.timers.get(key) === next) return;
    this.timers.set(key, next);
    this.queue.addAfter(key, next - now + WAKE_DELAY_MS, true);
  }

  private createJob(cj: CronJob, scheduled: number): void {
    const template = cj.spec.jobTemplate;
    const name = jobNameFor(cj, scheduled);
    const body = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
        ...(template.metadata?.annotations
          ? { annotations: { ...template.metadata.annotations } }
          : {}),
        ownerReferences: [ownerReferenceTo(cj)],
      },
      spec: clone(template.spec),
    };
    this.ctx.client.request(
      { verb: 'create', resource: 'jobs', namespace: cj.metadata.namespace, body },
      (response) => {
        if (response.ok) this.recorder.normal(cj, 'SuccessfulCreate', `Created job ${name}`);
        else
          this.recorder.warning(
            cj,
            'FailedCreate',
            `Error creating job: ${response.error.message}`,
          );
      },
      { code: 'cronjob.create', args: { cronjob: cj.metadata.name, job: name } },
    );
  }

  private deleteJob(cj: CronJob, name: string, why: 'replace' | 'history'): void {
    this.ctx.client.request(
      {
        verb: 'delete',
        resource: 'jobs',
        namespace: cj.metadata.namespace,
        name,
        propagationPolicy: 'Background',
      },
      (response) => {
        if (response.ok) this.recorder.normal(cj, 'SuccessfulDelete', `Deleted job ${name}`);
      },
      { code: `cronjob.delete.${why}`, args: { cronjob: cj.metadata.name, job: name } },
    );
  }

  /** cleanupFinishedJobs keeps the newest successfulJobsHistoryLimit / failedJobsHistoryLimit Jobs. */
  private cleanupFinishedJobs(cj: CronJob, jobs: Job[]): void {
    const byStart = (a: Job, b: Job) =>
      (a.status.startTime ? parseTimestamp(a.status.startTime) : 0) -
      (b.status.startTime ? parseTimestamp(b.status.startTime) : 0);
    const live = jobs.filter((j) => j.metadata.deletionTimestamp === undefined);
    for (const [type, limit] of [
      ['Complete', cj.spec.successfulJobsHistoryLimit],
      ['Failed', cj.spec.failedJobsHistoryLimit],
    ] as const) {
      const finished = live.filter((j) => isJobFinished(j) === type).sort(byStart);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit)))
        this.deleteJob(cj, job.metadata.name, 'history');
    }
  }

  private updateStatus(cj: CronJob, status: CronJobStatus): void {
    if (deepEqual(status, cj.status ?? {})) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'cronjobs',
        namespace: cj.metadata.namespace,
        name: cj.metadata.name,
        subresource: 'status',
        body: { ...cj, status } as CronJob,
      },
      (response) => {
        this.queue.settle(objectKey(cj), response.ok);
      },
      {
        code: 'cronjob.status',
        args: { cronjob: cj.metadata.name, active: status.active?.length ?? 0 },
      },
    );
  }
}

function jobReference(job: Job): ObjectReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid,
  };
}
