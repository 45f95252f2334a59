import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { nextAfter, parseSchedule, scheduleError } from '../../api/cron';
import type { AnyObject, CronJob, Event, Job } from '../../api/types';

function cronJob(
  schedule: string,
  command: string[],
  spec: Record<string, unknown> = {},
): AnyObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello' },
    spec: {
      schedule,
      ...spec,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [{ name: 'hello', image: 'busybox:1.36', command }],
            },
          },
        },
      },
    },
  };
}

const jobs = (c: Cluster) =>
  (c.api.list('jobs', 'default') as Job[]).map((j) => j.metadata.name).sort();
const getCronJob = (c: Cluster) =>
  c.api.execute({ verb: 'get', resource: 'cronjobs', namespace: 'default', name: 'hello' })
    .object as CronJob;
const events = (c: Cluster) =>
  (c.api.list('events', 'default') as Event[])
    .filter((e) => e.involvedObject.kind === 'CronJob')
    .map((e) => `${e.reason} ${e.message}`);

const at = (iso: string) => Date.parse(iso);

describe('cron schedules', () => {
  it.each([
    ['*/5 * * * *', '2026-01-05T09:01:00Z', '2026-01-05T09:05:00Z'],
    ['0 * * * *', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z'],
    ['@hourly', '2026-01-05T09:30:00Z', '2026-01-05T10:00:00Z'],
    ['@daily', '2026-01-05T09:30:00Z', '2026-01-06T00:00:00Z'],
    ['30 2 * * 1-5', '2026-01-09T03:00:00Z', '2026-01-12T02:30:00Z'],
    ['0 0 1 jan *', '2026-01-05T00:00:00Z', '2027-01-01T00:00:00Z'],
    ['15,45 9 * * *', '2026-01-05T09:15:00Z', '2026-01-05T09:45:00Z'],
    ['0 12 * * sun', '2026-01-05T09:00:00Z', '2026-01-11T12:00:00Z'],
  ])('%s after %s is %s', (spec, from, want) => {
    expect(new Date(nextAfter(parseSchedule(spec), at(from))!).toISOString()).toBe(
      new Date(want).toISOString(),
    );
  });

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['@sometimes', 'unrecognized descriptor: @sometimes'],
  ])('rejects %j', (spec, message) => expect(scheduleError(spec)).toBe(message));
});

describe('cronjob controller', () => {
  it('creates a Job each minute named by the scheduled Unix minute, and keeps 3', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'cronjobs',
      namespace: 'default',
      body: cronJob('*/1 * * * *', ['sh', '-c', 'echo hi']),
    });
    c.runFor(5 * 60_000 + 30_000);
    const minute = Math.floor(at('2026-01-05T09:00:00Z') / 60_000);
    expect(jobs(c)).toEqual([3, 4, 5].map((m) => `hello-${minute + m}`));
    const cj = getCronJob(c);
    expect(cj.status.lastScheduleTime).toBe('2026-01-05T09:05:00Z');
    expect(cj.status.lastSuccessfulTime).toMatch(/^2026-01-05T09:05:0\dZ$/);
    expect(cj.status.active).toBeUndefined();
    expect(events(c)).toContain(`SuccessfulCreate Created job hello-${minute + 1}`);
    expect(events(c)).toContain(
      `SawCompletedJob Saw completed job: hello-${minute + 1}, condition: Complete`,
    );
    expect(events(c)).toContain(`SuccessfulDelete Deleted job hello-${minute + 1}`);
    // Between runs the cluster is quiet: the wake-up is a background timer.
    expect(c.runUntilIdle()).toBe(true);
  });

  it.each([
    ['Allow', 3, 3],
    ['Forbid', 1, 1],
    ['Replace', 1, 1],
  ])('concurrencyPolicy %s with a long job: %i jobs, %i active', (policy, total, active) => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'cronjobs',
      namespace: 'default',
      body: cronJob('* * * * *', ['sleep', '3600'], { concurrencyPolicy: policy }),
    });
    c.runFor(3 * 60_000 + 30_000);
    expect(jobs(c)).toHaveLength(total);
    expect(getCronJob(c).status.active).toHaveLength(active);
    if (policy === 'Forbid')
      expect(events(c)).toContain(
        'JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid',
      );
  });

  it('does nothing while suspended', () => {
    const c = createCluster();
    c.api.execute({
      verb: 'create',
      resource: 'cronjobs',
      namespace: 'default',
      body: cronJob('* * * * *', ['true'], { suspend: true }),
    });
    c.runFor(3 * 60_000);
    expect(jobs(c)).toEqual([]);
  });
});
