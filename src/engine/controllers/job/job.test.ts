import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { AnyObject, Event, Job, Pod } from '../../api/types';
import { StatusError } from '../../apiserver/errors';

function jobManifest(
  name: string,
  command: string[] | undefined,
  spec: Record<string, unknown> = {},
  restartPolicy = 'Never',
): AnyObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: {
        spec: {
          restartPolicy,
          containers: [{ name, image: 'busybox:1.36', ...(command ? { command } : {}) }],
        },
      },
    },
  };
}

function create(c: Cluster, body: AnyObject): Job {
  return c.api.execute({ verb: 'create', resource: 'jobs', namespace: 'default', body })
    .object as Job;
}

const getJob = (c: Cluster, name: string) =>
  c.api.execute({ verb: 'get', resource: 'jobs', namespace: 'default', name }).object as Job;
const pods = (c: Cluster) => c.api.list('pods', 'default') as Pod[];
const events = (c: Cluster, kind = 'Job') =>
  (c.api.list('events', 'default') as Event[])
    .filter((e) => e.involvedObject.kind === kind)
    .map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('job API', () => {
  it('defaults the spec and generates the selector and template labels from the uid', () => {
    const c = createCluster();
    const job = create(c, jobManifest('pi', undefined));
    const uid = job.metadata.uid;
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
    });
    expect(job.spec.manualSelector).toBeUndefined();
    const labels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    };
    expect(job.spec.template.metadata.labels).toEqual(labels);
    expect(job.metadata.labels).toEqual(labels);
  });

  it.each([
    [
      'Always',
      'Job.batch "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
  ])('rejects restartPolicy %s', (policy, message) => {
    const c = createCluster();
    try {
      create(c, jobManifest('bad', undefined, {}, policy));
      expect.unreachable();
    } catch (error) {
      expect((error as StatusError).status.message).toBe(message);
    }
  });
});

describe('job controller', () => {
  it.each([
    {
      name: 'one pod that exits 0 completes the Job',
      command: undefined,
      spec: {},
      after: 20_000,
      want: { status: 'Complete', succeeded: 1, failed: undefined, pods: 1 },
      events: ['Normal Completed Job completed'],
    },
    {
      name: 'completions 3 with parallelism 2 runs two, then one',
      command: ['sleep', '2'],
      spec: { completions: 3, parallelism: 2 },
      after: 40_000,
      want: { status: 'Complete', succeeded: 3, failed: undefined, pods: 3 },
      events: ['Normal Completed Job completed'],
    },
    {
      name: 'backoffLimit 2: three failed pods fail the Job',
      command: ['sh', '-c', 'exit 1'],
      spec: { backoffLimit: 2 },
      after: 120_000,
      want: { status: 'Failed', succeeded: undefined, failed: 3, pods: 3 },
      events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'],
    },
    {
      name: 'activeDeadlineSeconds stops a Job that runs too long',
      command: ['sleep', '3600'],
      spec: { activeDeadlineSeconds: 10 },
      after: 60_000,
      want: { status: 'Failed', succeeded: undefined, failed: undefined, pods: 0 },
      events: ['Warning DeadlineExceeded Job was active longer than specified deadline'],
    },
  ])('$name', ({ command, spec, after, want, events: wantEvents }) => {
    const c = createCluster({ seed: 4 });
    create(c, jobManifest('work', command, spec));
    c.runFor(after);
    const job = getJob(c, 'work');
    const finished = job.status.conditions?.find(
      (cond) => (cond.type === 'Complete' || cond.type === 'Failed') && cond.status === 'True',
    );
    expect(finished?.type).toBe(want.status);
    expect(job.status.succeeded).toBe(want.succeeded);
    expect(job.status.failed).toBe(want.failed);
    expect(pods(c)).toHaveLength(want.pods);
    for (const pod of pods(c)) expect(pod.metadata.name).toMatch(/^work-[a-z0-9]{5}$/);
    for (const e of wantEvents) expect(events(c)).toContain(e);
    if (want.status === 'Complete') {
      expect(job.status.conditions!.map((cond) => cond.type)).toEqual([
        'SuccessCriteriaMet',
        'Complete',
      ]);
      expect(job.status.completionTime).toBeDefined();
    } else {
      expect(job.status.conditions!.map((cond) => cond.type)).toEqual(['FailureTarget', 'Failed']);
      expect(job.status.completionTime).toBeUndefined();
    }
  });

  it('waits 10s, 20s, then 40s before replacing failed pods', () => {
    const c = createCluster({ seed: 4 });
    create(c, jobManifest('flaky', ['sh', '-c', 'exit 1'], { backoffLimit: 3 }));
    const created: number[] = [];
    c.onHop((hop) => {
      if (hop.note?.code === 'job.create') created.push(Math.round(c.elapsed / 1000));
    });
    c.runFor(120_000);
    // backoffLimit 3: the fourth failure ends the Job.
    expect(created).toHaveLength(4);
    const gaps = created.slice(1).map((t, i) => t - created[i]!);
    // Each wait counts from the previous pod's failure, moments after it was created.
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(10 * 2 ** i);
      expect(gap).toBeLessThan(10 * 2 ** i + 5);
    });
  });

  it('deleting the Job deletes its pods (garbage collector)', () => {
    const c = createCluster();
    create(c, jobManifest('long', ['sleep', '3600']));
    c.runFor(10_000);
    expect(pods(c)).toHaveLength(1);
    c.api.execute({ verb: 'delete', resource: 'jobs', namespace: 'default', name: 'long' });
    c.runFor(60_000);
    expect(pods(c)).toHaveLength(0);
  });
});
