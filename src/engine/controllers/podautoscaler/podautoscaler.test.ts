import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { Deployment, HorizontalPodAutoscaler } from '../../api/types';
import { deploymentManifest } from '../../testing/builders';
import {
  calculateResourceReplicas,
  convertDesiredReplicasWithRules,
  Stabilizer,
  type PodSample,
} from './replica-calculator';

/** pods builds n ready pods with a 200m request each using the given millicores. */
function pods(usage: (number | undefined)[], opts: { ready?: boolean[] } = {}): PodSample[] {
  return usage.map((u, i) => ({
    name: `web-${i}`,
    ready: opts.ready?.[i] ?? true,
    requests: [{ container: 'app', milli: 200 }],
    usageMilli: u,
  }));
}

describe('calculateResourceReplicas', () => {
  it.each([
    { name: 'on target', current: 2, samples: pods([100, 100]), want: 2, util: 50 },
    { name: 'within tolerance above', current: 2, samples: pods([109, 109]), want: 2, util: 54 },
    { name: 'within tolerance below', current: 2, samples: pods([91, 91]), want: 2, util: 45 },
    { name: 'past tolerance', current: 2, samples: pods([120, 120]), want: 3, util: 60 },
    { name: '250% of request', current: 1, samples: pods([500]), want: 5, util: 250 },
    { name: 'idle', current: 4, samples: pods([1, 1, 1, 1]), want: 0, util: 0 },
    {
      name: 'a pod without a sample holds a scale-down back (counts as 100%)',
      current: 2,
      samples: pods([20, undefined]),
      want: 2,
      util: 10,
    },
    {
      name: 'unready pods count as 0% on a scale-up, damping it',
      current: 4,
      samples: pods([300, 300, undefined, undefined], { ready: [true, true, false, false] }),
      want: 6,
      util: 150,
    },
    {
      name: 'unready pods can cancel a scale-up',
      current: 4,
      samples: pods([200, 200, undefined, undefined], { ready: [true, true, false, false] }),
      want: 4,
      util: 100,
    },
  ])('$name', ({ current, samples, want, util }) => {
    const got = calculateResourceReplicas(current, 50, samples);
    expect(got).toEqual({ ok: true, replicas: want, utilization: util });
  });

  it('fails without metrics, and names the container without a cpu request', () => {
    expect(calculateResourceReplicas(1, 50, pods([undefined]))).toEqual({
      ok: false,
      error:
        'unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    });
    const noRequest = [{ ...pods([5])[0]!, requests: [{ container: 'app', milli: undefined }] }];
    expect(calculateResourceReplicas(1, 50, noRequest)).toEqual({
      ok: false,
      error: 'missing request for cpu in container app of Pod web-0',
    });
  });
});

describe('convertDesiredReplicasWithRules', () => {
  it.each([
    { current: 1, desired: 5, min: 1, max: 10, want: 4, reason: 'ScaleUpLimit' },
    { current: 4, desired: 20, min: 1, max: 10, want: 8, reason: 'ScaleUpLimit' },
    { current: 8, desired: 20, min: 1, max: 10, want: 10, reason: 'TooManyReplicas' },
    { current: 3, desired: 0, min: 2, max: 10, want: 2, reason: 'TooFewReplicas' },
    { current: 3, desired: 5, min: 1, max: 10, want: 5, reason: 'DesiredWithinRange' },
  ])('$current → $desired in [$min,$max] gives $want ($reason)', (c) => {
    const got = convertDesiredReplicasWithRules(c.current, c.desired, c.min, c.max);
    expect([got.replicas, got.reason]).toEqual([c.want, c.reason]);
  });
});

describe('Stabilizer', () => {
  it('answers the highest recommendation of the last 5 minutes', () => {
    const s = new Stabilizer();
    const steps: [number, number, number][] = [
      // [seconds, recommendation, want]
      [0, 10, 10],
      [15, 2, 10],
      [200, 3, 10],
      [299, 1, 10],
      [301, 1, 3],
      [520, 1, 1],
    ];
    for (const [t, rec, want] of steps) expect(s.stabilize(t * 1000, rec), `t=${t}s`).toBe(want);
  });
});

describe('HorizontalController', () => {
  function hpaOf(c: ReturnType<typeof createCluster>): HorizontalPodAutoscaler {
    return c.api.list('horizontalpodautoscalers', 'default')[0] as HorizontalPodAutoscaler;
  }
  function setup(cpu?: string) {
    const c = createCluster({ seed: 3 });
    const d = deploymentManifest('web', 1, 'registry.k8s.io/hpa-example') as {
      spec: { template: { spec: { containers: { name: string; resources?: unknown }[] } } };
    };
    const container = d.spec.template.spec.containers[0]!;
    container.name = 'hpa-example';
    if (cpu) container.resources = { requests: { cpu } };
    const kubectl = c.client('kubectl');
    kubectl.request({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: d as never,
    });
    kubectl.request({
      verb: 'create',
      resource: 'horizontalpodautoscalers',
      namespace: 'default',
      body: {
        apiVersion: 'autoscaling/v1',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web' },
        spec: {
          maxReplicas: 10,
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
          targetCPUUtilizationPercentage: 50,
        },
      } as never,
    });
    return c;
  }

  it('stores an autoscaling/v1 body as v2 with defaults', () => {
    const c = setup('200m');
    c.runFor(1000);
    const hpa = hpaOf(c);
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
      },
    ]);
  });

  it('rejects maxReplicas below minReplicas with the real message', () => {
    const c = createCluster();
    const create = () =>
      c.api.execute({
        verb: 'create',
        resource: 'horizontalpodautoscalers',
        namespace: 'default',
        body: {
          metadata: { name: 'web' },
          spec: {
            minReplicas: 5,
            maxReplicas: 2,
            scaleTargetRef: { kind: 'Deployment', name: 'web' },
          },
        } as never,
      });
    expect(create).toThrow(
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    );
  });

  it('scales up under load, then down once the 5-minute window has passed', () => {
    const c = setup('200m');
    c.runFor(60_000);
    c.setLoad('default', 'web', 250);
    c.runFor(90_000);
    const replicas = () => (c.api.list('deployments', 'default')[0] as Deployment).spec.replicas;
    expect(replicas()).toBe(10);
    c.setLoad('default', 'web', 0);
    c.runFor(240_000);
    expect(replicas()).toBe(10);
    c.runFor(90_000);
    expect(replicas()).toBe(1);
    const events = c.api
      .list('events', 'default')
      .map((e) => e as unknown as { reason: string; message: string })
      .filter((e) => e.reason === 'SuccessfulRescale')
      .map((e) => e.message);
    expect(events).toContain(
      'New size: 4; reason: cpu resource utilization (percentage of request) above target',
    );
    expect(events).toContain('New size: 1; reason: All metrics below target');
  });

  it('reports pods without cpu requests as FailedGetResourceMetric', () => {
    const c = setup();
    c.runFor(120_000);
    const active = hpaOf(c).status.conditions?.find((x) => x.type === 'ScalingActive');
    expect(active?.status).toBe('False');
    expect(active?.reason).toBe('FailedGetResourceMetric');
    expect(active?.message).toMatch(
      /^the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container hpa-example of Pod web-/,
    );
  });
});
