import { matchesSelector } from '../../api/labels';
import { isPodActive, isPodReady } from '../../api/pod';
import { objectKey } from '../../api/objects';
import { milliCores } from '../../api/quantity';
import type {
  Deployment,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerCondition,
  MetricStatus,
  ReplicaSet,
  StatefulSet,
} from '../../api/types';
import { toTimestamp } from '../../clock';
import type { EventRecorder } from '../../client/events';
import type { MetricsServer } from '../../metrics/metrics-server';
import type { ControllerContext } from '../context';
import {
  calculateResourceReplicas,
  convertDesiredReplicasWithRules,
  Stabilizer,
  type PodSample,
} from './replica-calculator';

/** SYNC_PERIOD_MS: --horizontal-pod-autoscaler-sync-period (15s). */
export const HPA_SYNC_PERIOD_MS = 15_000;

const CPU_METRIC_NAME = 'cpu resource utilization (percentage of request)';

type Scalable = Deployment | ReplicaSet | StatefulSet;

const SCALABLE: Record<string, { resource: string; group: string }> = {
  Deployment: { resource: 'deployments', group: 'apps' },
  ReplicaSet: { resource: 'replicasets', group: 'apps' },
  StatefulSet: { resource: 'statefulsets', group: 'apps' },
};

type Condition = Omit<HorizontalPodAutoscalerCondition, 'lastTransitionTime'>;

/**
 * HorizontalController (pkg/controller/podautoscaler/horizontal.go) resyncs every HPA every 15s
 * on a background timer: it reads the target's scale and its pods' CPU from metrics-server,
 * recommends a replica count, stabilises scale-downs over 5 minutes, limits scale-ups, patches
 * the target's replicas and reports what it saw in status, conditions and events.
 */
export class HorizontalController {
  private readonly recorder: EventRecorder;
  private readonly stabilizers = new Map<string, Stabilizer>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly metrics: MetricsServer,
  ) {
    this.recorder = ctx.recorder('horizontal-pod-autoscaler');
    // The controller's rate limiter hands each new HPA back after one sync period.
    ctx.horizontalPodAutoscalers.addHandlers({
      onAdd: (hpa) => this.scheduleSync(objectKey(hpa)),
      onUpdate: (_old, hpa) => this.scheduleSync(objectKey(hpa)),
    });
  }

  private scheduleSync(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.ctx.clock.schedule(
      HPA_SYNC_PERIOD_MS,
      () => {
        this.pending.delete(key);
        this.sync(key);
      },
      true,
    );
  }

  private sync(key: string): void {
    const hpa = this.ctx.horizontalPodAutoscalers.get(key);
    if (!hpa) {
      this.stabilizers.delete(key);
      return;
    }
    this.scheduleSync(key);
    this.reconcile(key, hpa);
  }

  private target(hpa: HorizontalPodAutoscaler): Scalable | undefined {
    const ref = hpa.spec.scaleTargetRef;
    const ns = hpa.metadata.namespace;
    const informer =
      ref.kind === 'Deployment'
        ? this.ctx.deployments
        : ref.kind === 'ReplicaSet'
          ? this.ctx.replicaSets
          : ref.kind === 'StatefulSet'
            ? this.ctx.statefulSets
            : undefined;
    return informer?.get(`${ns}/${ref.name}`) as Scalable | undefined;
  }

  private reconcile(key: string, hpa: HorizontalPodAutoscaler): void {
    const ref = hpa.spec.scaleTargetRef;
    const conditions: Condition[] = [];
    const target = this.target(hpa);
    if (!target) {
      const kind = SCALABLE[ref.kind];
      const err = kind
        ? `${kind.resource}.${kind.group} "${ref.name}" not found`
        : `no matches for kind "${ref.kind}" in group ""`;
      this.recorder.warning(hpa, 'FailedGetScale', err);
      conditions.push({
        type: 'AbleToScale',
        status: 'False',
        reason: 'FailedGetScale',
        message: `the HPA controller was unable to get the target's current scale: ${err}`,
      });
      this.writeStatus(
        hpa,
        hpa.status.currentReplicas,
        hpa.status.desiredReplicas,
        undefined,
        conditions,
      );
      return;
    }
    const currentReplicas = target.spec.replicas ?? 1;
    const minReplicas = hpa.spec.minReplicas ?? 1;
    conditions.push({
      type: 'AbleToScale',
      status: 'True',
      reason: 'SucceededGetScale',
      message: "the HPA controller was able to get the target's current scale",
    });
    let desired = currentReplicas;
    let rescaleReason = '';
    let metrics: MetricStatus[] | undefined = hpa.status.currentMetrics;
    if (currentReplicas === 0 && minReplicas !== 0) {
      desired = 0;
      conditions.push({
        type: 'ScalingActive',
        status: 'False',
        reason: 'ScalingDisabled',
        message: 'scaling is disabled since the replica count of the target is zero',
      });
    } else if (currentReplicas > hpa.spec.maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desired = hpa.spec.maxReplicas;
    } else if (currentReplicas < minReplicas) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desired = minReplicas;
    } else {
      const computed = this.computeReplicas(hpa, target, currentReplicas);
      metrics = computed.metrics;
      if (!computed.ok) {
        this.recorder.warning(hpa, 'FailedGetResourceMetric', computed.error);
        this.recorder.warning(
          hpa,
          'FailedComputeMetricsReplicas',
          `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${computed.error}`,
        );
        conditions.push({
          type: 'ScalingActive',
          status: 'False',
          reason: 'FailedGetResourceMetric',
          message: `the HPA was unable to compute the replica count: ${computed.error}`,
        });
        this.writeStatus(hpa, currentReplicas, hpa.status.desiredReplicas, metrics, conditions);
        return;
      }
      conditions.push({
        type: 'ScalingActive',
        status: 'True',
        reason: 'ValidMetricFound',
        message: `the HPA was able to successfully calculate a replica count from ${CPU_METRIC_NAME}`,
      });
      if (computed.replicas > currentReplicas) rescaleReason = `${CPU_METRIC_NAME} above target`;
      if (computed.replicas < currentReplicas) rescaleReason = 'All metrics below target';
      desired = this.normalize(
        key,
        hpa,
        conditions,
        currentReplicas,
        computed.replicas,
        minReplicas,
      );
    }
    if (desired === currentReplicas) {
      this.writeStatus(hpa, currentReplicas, desired, metrics, conditions);
      return;
    }
    const kind = SCALABLE[ref.kind]!;
    this.ctx.client.request(
      {
        verb: 'patch',
        resource: kind.resource,
        namespace: hpa.metadata.namespace,
        name: ref.name,
        patchType: 'merge',
        patch: { spec: { replicas: desired } },
      },
      (response) => {
        const latest = this.ctx.horizontalPodAutoscalers.get(key) ?? hpa;
        if (!response.ok) {
          const message = response.error.message;
          this.recorder.warning(
            latest,
            'FailedRescale',
            `New size: ${desired}; reason: ${rescaleReason}; error: ${message}`,
          );
          conditions[0] = {
            type: 'AbleToScale',
            status: 'False',
            reason: 'FailedUpdateScale',
            message: `the HPA controller was unable to update the target scale: ${message}`,
          };
          this.writeStatus(latest, currentReplicas, desired, metrics, conditions);
          return;
        }
        this.recorder.normal(
          latest,
          'SuccessfulRescale',
          `New size: ${desired}; reason: ${rescaleReason}`,
        );
        conditions[0] = {
          type: 'AbleToScale',
          status: 'True',
          reason: 'SucceededRescale',
          message: `the HPA controller was able to update the target scale to ${desired}`,
        };
        this.writeStatus(latest, currentReplicas, desired, metrics, conditions, this.ctx.clock.now);
      },
      {
        code: 'hpa.scale',
        args: {
          hpa: hpa.metadata.name,
          target: `${ref.kind}/${ref.name}`,
          from: currentReplicas,
          to: desired,
        },
      },
    );
  }

  /** normalize is normalizeDesiredReplicas: the 5-minute stabilisation, then the min/max/rate rules. */
  private normalize(
    key: string,
    hpa: HorizontalPodAutoscaler,
    conditions: Condition[],
    currentReplicas: number,
    recommended: number,
    minReplicas: number,
  ): number {
    let stabilizer = this.stabilizers.get(key);
    if (!stabilizer) this.stabilizers.set(key, (stabilizer = new Stabilizer()));
    const stabilized = stabilizer.stabilize(this.ctx.clock.now, recommended);
    conditions[0] =
      stabilized !== recommended
        ? {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ScaleDownStabilized',
            message:
              'recent recommendations were higher than current one, applying the highest recent recommendation',
          }
        : {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ReadyForNewScale',
            message: 'recommended size matches current size',
          };
    const rule = convertDesiredReplicasWithRules(
      currentReplicas,
      stabilized,
      minReplicas,
      hpa.spec.maxReplicas,
    );
    conditions.push({
      type: 'ScalingLimited',
      status: rule.replicas === stabilized ? 'False' : 'True',
      reason: rule.reason,
      message: rule.message,
    });
    return rule.replicas;
  }

  /** computeReplicas reads the target's pods and their metrics and runs the replica calculator. */
  private computeReplicas(
    hpa: HorizontalPodAutoscaler,
    target: Scalable,
    currentReplicas: number,
  ):
    | { ok: true; replicas: number; metrics: MetricStatus[] }
    | { ok: false; error: string; metrics: MetricStatus[] } {
    const metric = hpa.spec.metrics?.[0];
    const utilizationTarget = metric?.resource?.target.averageUtilization;
    if (metric?.type !== 'Resource' || metric.resource?.name !== 'cpu' || !utilizationTarget) {
      return {
        ok: false,
        error: 'Kubeloop computes only cpu Utilization metrics',
        metrics: [{ type: '' } as unknown as MetricStatus],
      };
    }
    const ns = hpa.metadata.namespace!;
    const usage = new Map(
      this.metrics
        .podMetrics(ns)
        .map((m) => [
          m.metadata.name,
          m.containers.reduce((s, c) => s + milliCores(c.usage.cpu), 0),
        ]),
    );
    const pods: PodSample[] = this.ctx.pods
      .list()
      .filter(
        (p) =>
          p.metadata.namespace === ns &&
          isPodActive(p) &&
          matchesSelector(target.spec.selector, p.metadata.labels),
      )
      .map((p) => ({
        name: p.metadata.name,
        ready: p.status?.phase === 'Running' && isPodReady(p),
        requests: p.spec.containers.map((c) => ({
          container: c.name,
          milli:
            c.resources?.requests?.cpu === undefined
              ? undefined
              : milliCores(c.resources.requests.cpu),
        })),
        usageMilli: usage.get(p.metadata.name),
      }));
    if (pods.length === 0) {
      return {
        ok: false,
        error:
          'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
        metrics: [{ type: '' } as unknown as MetricStatus],
      };
    }
    const result = calculateResourceReplicas(currentReplicas, utilizationTarget, pods);
    if (!result.ok) {
      return {
        ok: false,
        error: `failed to get cpu utilization: ${result.error}`,
        metrics: [{ type: '' } as unknown as MetricStatus],
      };
    }
    const averageMilli = Math.trunc(
      [...usage.entries()]
        .filter(([name]) => pods.some((p) => p.name === name && p.ready))
        .reduce((s, [, v]) => s + v, 0) /
        Math.max(1, pods.filter((p) => p.ready && p.usageMilli !== undefined).length),
    );
    return {
      ok: true,
      replicas: result.replicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: { averageUtilization: result.utilization, averageValue: `${averageMilli}m` },
          },
        },
      ],
    };
  }

  /** writeStatus updates status when it changed, keeping each condition's transition time. */
  private writeStatus(
    hpa: HorizontalPodAutoscaler,
    currentReplicas: number,
    desiredReplicas: number,
    currentMetrics: MetricStatus[] | undefined,
    conditions: Condition[],
    scaledAt?: number,
  ): void {
    const now = toTimestamp(this.ctx.clock.now);
    const status: HorizontalPodAutoscaler['status'] = {
      currentReplicas,
      desiredReplicas,
    };
    const lastScaleTime = scaledAt !== undefined ? toTimestamp(scaledAt) : hpa.status.lastScaleTime;
    if (lastScaleTime) status.lastScaleTime = lastScaleTime;
    if (currentMetrics) status.currentMetrics = currentMetrics;
    status.conditions = conditions.map((c) => {
      const old = hpa.status.conditions?.find((o) => o.type === c.type);
      return {
        type: c.type,
        status: c.status,
        lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : now,
        reason: c.reason,
        message: c.message,
      };
    });
    if (JSON.stringify(status) === JSON.stringify(hpa.status)) return;
    this.ctx.client.request(
      {
        verb: 'update',
        resource: 'horizontalpodautoscalers',
        namespace: hpa.metadata.namespace,
        name: hpa.metadata.name,
        subresource: 'status',
        body: { ...hpa, status } as HorizontalPodAutoscaler,
      },
      undefined,
      {
        code: 'hpa.status',
        args: { hpa: hpa.metadata.name, current: currentReplicas, desired: desiredReplicas },
      },
    );
  }
}
