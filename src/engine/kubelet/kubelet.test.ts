import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Event, Pod } from '../api/types';

function podWith(
  name: string,
  restartPolicy: Pod['spec']['restartPolicy'],
  command?: string[],
  image = 'busybox:1.36',
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { restartPolicy, containers: [{ name, image, ...(command ? { command } : {}) }] },
  };
}

function run(body: ReturnType<typeof podWith>, ms: number) {
  const c = createCluster({ seed: 9 });
  c.api.execute({ verb: 'create', resource: 'pods', namespace: 'default', body });
  c.runFor(ms);
  const pod = c.api.list('pods')[0] as Pod;
  return { c, pod, container: pod.status.containerStatuses![0]! };
}

describe('kubelet: restartPolicy and exits', () => {
  it.each([
    {
      name: 'busybox exits 0, Never',
      policy: 'Never' as const,
      command: undefined,
      phase: 'Succeeded',
      state: { terminated: expect.objectContaining({ exitCode: 0, reason: 'Completed' }) },
    },
    {
      name: 'exit 1, Never',
      policy: 'Never' as const,
      command: ['sh', '-c', 'exit 1'],
      phase: 'Failed',
      state: { terminated: expect.objectContaining({ exitCode: 1, reason: 'Error' }) },
    },
    {
      name: 'exit 0, OnFailure',
      policy: 'OnFailure' as const,
      command: ['sh', '-c', 'exit 0'],
      phase: 'Succeeded',
      state: { terminated: expect.objectContaining({ exitCode: 0 }) },
    },
  ])('$name → $phase', ({ policy, command, phase, state }) => {
    const { pod, container } = run(podWith('job', policy, command), 20_000);
    expect(pod.status.phase).toBe(phase);
    expect(container.state).toEqual(state);
    expect(container.restartCount).toBe(0);
  });

  it('restarts a crashing container at once, then backs off 10s, 20s, 40s (CrashLoopBackOff)', () => {
    const c = createCluster({ seed: 9 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podWith('crash', 'Always', ['sh', '-c', 'exit 1']),
    });
    const restarts: number[] = [];
    let last = 0;
    for (let t = 0; t < 90_000; t += 500) {
      c.runFor(500);
      const cs = (c.api.list('pods')[0] as Pod).status.containerStatuses?.[0];
      if (cs && cs.restartCount !== last) {
        last = cs.restartCount;
        restarts.push(Math.round(c.elapsed / 1000));
      }
    }
    // Each restart waits the back-off plus the time to notice the exit and start again (~1s).
    const gaps = restarts.slice(1).map((t, i) => t - restarts[i]!);
    [10, 20, 40].forEach((backoff, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(backoff);
      expect(gaps[i]).toBeLessThanOrEqual(backoff + 2);
    });
    const pod = c.api.list('pods')[0] as Pod;
    const cs = pod.status.containerStatuses![0]!;
    expect(pod.status.phase).toBe('Running');
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const backoff = (c.api.list('events') as Event[]).find((e) => e.reason === 'BackOff')!;
    expect(backoff.message).toBe(
      `Back-off restarting failed container crash in pod crash_default(${pod.metadata.uid})`,
    );
    expect(backoff.count).toBeGreaterThan(1);
  });

  it('reports a binary that does not exist as StartError, exit 128', () => {
    const { container } = run(podWith('bad', 'Never', ['foo'], 'nginx:1.27'), 15_000);
    expect(container.state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
  });

  it.each([
    { name: 'nginx handles SIGTERM', image: 'nginx:1.27', command: undefined, seconds: [0, 2] },
    {
      name: 'sleep as PID 1 ignores it until the grace period ends',
      image: 'busybox:1.36',
      command: ['sleep', '3600'],
      seconds: [30, 32],
    },
  ])('graceful deletion: $name', ({ image, command, seconds }) => {
    const { c } = run(podWith('p', 'Always', command, image), 20_000);
    const start = c.now;
    c.api.execute({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'p' });
    c.runWhile(() => c.api.list('pods', 'default').length > 0);
    const took = (c.now - start) / 1000;
    expect(took).toBeGreaterThanOrEqual(seconds[0]!);
    expect(took).toBeLessThanOrEqual(seconds[1]!);
  });
});

describe('kubelet: probes', () => {
  const withProbe = (
    name: string,
    image: string,
    probe: Record<string, unknown>,
    args?: string[],
  ) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name, image, ...(args ? { args } : {}), ...probe }] },
  });

  it.each([
    {
      name: 'HTTP readiness on /',
      probe: { readinessProbe: { httpGet: { path: '/', port: 80 } } },
      ready: true,
    },
    {
      name: 'HTTP readiness on a path nginx does not serve',
      probe: { readinessProbe: { httpGet: { path: '/healthz', port: 80 } } },
      ready: false,
      event: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
    },
    {
      name: 'TCP readiness on a closed port',
      probe: { readinessProbe: { tcpSocket: { port: 8080 } } },
      ready: false,
      event:
        /^Readiness probe failed: dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/,
    },
  ])('$name', ({ probe, ready, event }) => {
    const c = createCluster({ seed: 3 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: withProbe('web', 'nginx:1.27', probe),
    });
    c.runFor(60_000);
    const pod = c.api.list('pods')[0] as Pod;
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.containerStatuses![0]!.ready).toBe(ready);
    expect(pod.status.conditions!.find((x) => x.type === 'Ready')!.status).toBe(
      ready ? 'True' : 'False',
    );
    const unhealthy = (c.api.list('events') as Event[]).find((e) => e.reason === 'Unhealthy');
    if (event) expect(unhealthy?.message).toMatch(event);
    else expect(unhealthy).toBeUndefined();
  });

  it('restarts a container whose liveness probe keeps failing (the docs example)', () => {
    const c = createCluster({ seed: 3 });
    const probe = {
      livenessProbe: {
        exec: { command: ['cat', '/tmp/healthy'] },
        initialDelaySeconds: 5,
        periodSeconds: 5,
      },
    };
    const args = ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'];
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: withProbe('liveness', 'busybox:1.36', probe, args),
    });
    c.runFor(35_000);
    expect((c.api.list('pods')[0] as Pod).status.containerStatuses![0]!.restartCount).toBe(0);
    c.runFor(20_000);
    const pod = c.api.list('pods')[0] as Pod;
    expect(pod.status.containerStatuses![0]!.restartCount).toBe(1);
    expect(pod.status.containerStatuses![0]!.lastState.terminated).toMatchObject({
      exitCode: 137,
      reason: 'Error',
    });
    const messages = (c.api.list('events') as Event[]).map((e) => e.message);
    expect(messages).toContain(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(messages).toContain('Container liveness failed liveness probe, will be restarted');
  });
});

describe('kubelet: init containers', () => {
  const withInit = (
    name: string,
    script: string,
    restartPolicy: Pod['spec']['restartPolicy'] = 'Always',
  ) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      restartPolicy,
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', script] }],
      containers: [{ name: 'web', image: 'nginx:1.27' }],
    },
  });

  it('runs the init container to completion before the app container starts', () => {
    const c = createCluster({ seed: 2 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: withInit('p', 'sleep 8'),
    });
    c.runFor(4000);
    let pod = c.api.list('pods')[0] as Pod;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.conditions!.find((x) => x.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init]',
    });
    expect(pod.status.containerStatuses![0]!.state.waiting?.reason).toBe('PodInitializing');
    c.runFor(20_000);
    pod = c.api.list('pods')[0] as Pod;
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.initContainerStatuses![0]).toMatchObject({
      ready: true,
      state: { terminated: expect.objectContaining({ exitCode: 0, reason: 'Completed' }) },
    });
  });

  it.each([
    { policy: 'Always' as const, phase: 'Pending', restarts: true },
    { policy: 'Never' as const, phase: 'Failed', restarts: false },
  ])(
    'a failing init container with restartPolicy $policy: $phase',
    ({ policy, phase, restarts }) => {
      const c = createCluster({ seed: 2 });
      c.api.execute({
        verb: 'create',
        resource: 'pods',
        namespace: 'default',
        body: withInit('p', 'exit 1', policy),
      });
      c.runFor(30_000);
      const pod = c.api.list('pods')[0] as Pod;
      expect(pod.status.phase).toBe(phase);
      expect(pod.status.initContainerStatuses![0]!.restartCount > 0).toBe(restarts);
    },
  );
});

describe('kubelet: memory limits', () => {
  it.each([
    { name: 'over the limit: OOMKilled, exit 137', bytes: '250M', limit: '100Mi', oom: true },
    { name: 'within the limit: keeps running', bytes: '50M', limit: '100Mi', oom: false },
  ])('$name', ({ bytes, limit, oom }) => {
    const c = createCluster({ seed: 5 });
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'mem' },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'mem',
              image: 'polinux/stress',
              command: ['stress'],
              args: ['--vm', '1', '--vm-bytes', bytes, '--vm-hang', '1'],
              resources: { limits: { memory: limit } },
            },
          ],
        },
      },
    });
    c.runFor(15_000);
    const status = (c.api.list('pods')[0] as Pod).status;
    if (oom) {
      expect(status.phase).toBe('Failed');
      expect(status.containerStatuses![0]!.state.terminated).toMatchObject({
        exitCode: 137,
        reason: 'OOMKilled',
      });
    } else {
      expect(status.phase).toBe('Running');
    }
  });
});

describe('kubelet: a container image changed in the pod spec', () => {
  function setImage(c: ReturnType<typeof createCluster>, pod: string, image: string) {
    c.api.execute({
      verb: 'patch',
      resource: 'pods',
      namespace: 'default',
      name: pod,
      patchType: 'strategic',
      patch: { spec: { containers: [{ name: pod, image }] } },
    });
  }
  const events = (c: ReturnType<typeof createCluster>, pod: string) =>
    (c.api.list('events', 'default') as unknown as Event[])
      .filter((e) => e.involvedObject.name === pod)
      .map((e) => `${e.reason}: ${e.message}`);

  it('recovers a pod stuck in ImagePullBackOff at once, without waiting out the back-off', () => {
    const { c } = run(podWith('typo', 'Always', undefined, 'ngnix'), 60_000);
    expect((c.api.list('pods')[0] as Pod).status.containerStatuses![0]!.state.waiting?.reason).toBe(
      'ImagePullBackOff',
    );
    setImage(c, 'typo', 'nginx');
    c.runFor(5_000);
    const status = (c.api.list('pods')[0] as Pod).status.containerStatuses![0]!;
    expect(status.state.running).toBeDefined();
    expect(status.image).toBe('docker.io/library/nginx:latest');
    expect(status.restartCount).toBe(0);
    expect(events(c, 'typo').slice(-4)).toEqual([
      'Pulling: Pulling image "nginx"',
      expect.stringMatching(/^Pulled: Successfully pulled image "nginx" in /),
      'Created: Created container: typo',
      'Started: Started container typo',
    ]);
  });

  it('kills a running container whose image changed and starts it from the new image', () => {
    const { c } = run(podWith('web', 'Always', undefined, 'nginx:1.26'), 20_000);
    setImage(c, 'web', 'nginx:1.27');
    c.runFor(10_000);
    const status = (c.api.list('pods')[0] as Pod).status.containerStatuses![0]!;
    expect(status.image).toBe('docker.io/library/nginx:1.27');
    expect(status.restartCount).toBe(1);
    expect(status.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(events(c, 'web')).toContain(
      'Killing: Container web definition changed, will be restarted',
    );
  });
});

describe('kubelet: static pods', () => {
  it('recreates a deleted mirror pod while the static pod keeps running', () => {
    const c = createCluster({ seed: 9 });
    const find = () =>
      (c.api.list('pods', 'kube-system') as Pod[]).find(
        (p) => p.metadata.name === 'kube-scheduler-m-k8s',
      );
    const before = find()!;
    c.api.execute({
      verb: 'delete',
      resource: 'pods',
      namespace: 'kube-system',
      name: before.metadata.name,
    });
    c.runFor(5_000);
    const after = find()!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.metadata.annotations).toEqual(before.metadata.annotations);
    expect(after.metadata.ownerReferences).toEqual(before.metadata.ownerReferences);
    expect(after.status.phase).toBe('Running');
    // The same containers: nothing restarted, they started when they always had.
    expect(after.status.containerStatuses).toEqual(before.status.containerStatuses);
  });
});

describe('kubelet: status writes', () => {
  it('keeps pod conditions it does not own (mergePodStatus)', () => {
    const { c, pod } = run(podWith('web', 'Always', undefined, 'nginx'), 20_000);
    const disruption = {
      type: 'DisruptionTarget' as const,
      status: 'True' as const,
      lastProbeTime: null,
      lastTransitionTime: '2026-01-05T09:00:20Z',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    };
    c.api.execute({
      verb: 'patch',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      subresource: 'status',
      patchType: 'strategic',
      patch: { status: { conditions: [disruption] } },
    });
    c.runFor(1_000);
    // A crash makes the kubelet write the pod's status again.
    c.kubelets.get(pod.spec.nodeName!)!.killContainer(pod.metadata.uid);
    c.runFor(5_000);
    const after = c.api.list('pods', 'default')[0] as Pod;
    expect(after.status.containerStatuses![0]!.restartCount).toBe(1);
    expect(after.status.conditions!.map((x) => x.type)).toEqual([
      'DisruptionTarget',
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    expect(after.status.conditions![0]).toEqual(disruption);
  });
});
