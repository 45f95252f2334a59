/**
 * The arithmetic of the horizontal pod autoscaler (pkg/controller/podautoscaler/replica_calculator.go
 * and horizontal.go), kept pure so tests can table it.
 */

/** TOLERANCE: the HPA leaves replicas alone while |usage/target - 1| <= 0.1. */
export const TOLERANCE = 0.1;
/** DOWNSCALE_STABILISATION_MS: --horizontal-pod-autoscaler-downscale-stabilization (5 minutes). */
export const DOWNSCALE_STABILISATION_MS = 300_000;

/** PodSample is what the calculator needs from one pod of the target. */
export interface PodSample {
  name: string;
  /** Pending pods, and Running pods that are not Ready, count as unready */
  ready: boolean;
  /** each container's CPU request in millicores; undefined when the container has none */
  requests: { container: string; milli: number | undefined }[];
  /** the pod's CPU use from metrics-server, or undefined when it has no sample yet */
  usageMilli?: number;
}

export type ReplicaResult =
  { ok: true; replicas: number; utilization: number } | { ok: false; error: string };

/**
 * calculateResourceReplicas is GetResourceReplicas for a Utilization target. Worked example:
 * 1 ready pod using 500m of a 200m request against a 50% target: utilization 250%, ratio 5,
 * ceil(5 x 1) = 5 replicas. Pods without a sample count as 100% of their request when scaling
 * down and 0% when scaling up; unready pods count as 0% on a scale-up (so pods still starting do
 * not push it further) and are ignored otherwise.
 */
export function calculateResourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  pods: PodSample[],
  tolerance = TOLERANCE,
): ReplicaResult {
  if (!pods.some((p) => p.usageMilli !== undefined)) {
    return {
      ok: false,
      error:
        'unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    };
  }
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const r of pod.requests) {
      if (r.milli === undefined)
        return {
          ok: false,
          error: `missing request for cpu in container ${r.container} of Pod ${pod.name}`,
        };
      sum += r.milli;
    }
    requests.set(pod.name, sum);
  }
  const ready = pods.filter((p) => p.ready && p.usageMilli !== undefined);
  const unready = pods.filter((p) => !p.ready);
  const missing = pods.filter((p) => p.ready && p.usageMilli === undefined);
  const ratioOf = (samples: { name: string; usage: number }[]) => {
    const used = samples.reduce((s, p) => s + p.usage, 0);
    const requested = samples.reduce((s, p) => s + requests.get(p.name)!, 0);
    const utilization = requested === 0 ? 0 : Math.trunc((used * 100) / requested);
    return { utilization, ratio: utilization / targetUtilization };
  };
  const measured = ready.map((p) => ({ name: p.name, usage: p.usageMilli! }));
  if (measured.length === 0) {
    return {
      ok: false,
      error: 'did not receive metrics for targeted pods (pods might be unready)',
    };
  }
  const { utilization, ratio } = ratioOf(measured);
  const scaleUpWithUnready = unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - ratio) <= tolerance)
      return { ok: true, replicas: currentReplicas, utilization };
    return { ok: true, replicas: Math.ceil(ratio * measured.length), utilization };
  }
  const rebalanced = [...measured];
  for (const p of missing)
    rebalanced.push({ name: p.name, usage: ratio < 1 ? requests.get(p.name)! : 0 });
  if (scaleUpWithUnready) for (const p of unready) rebalanced.push({ name: p.name, usage: 0 });
  const next = ratioOf(rebalanced).ratio;
  if (Math.abs(1 - next) <= tolerance || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) {
    return { ok: true, replicas: currentReplicas, utilization };
  }
  const replicas = Math.ceil(next * rebalanced.length);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) {
    return { ok: true, replicas: currentReplicas, utilization };
  }
  return { ok: true, replicas, utilization };
}

/**
 * convertDesiredReplicasWithRules clamps a recommendation to [minReplicas, maxReplicas] and to the
 * scale-up limit, max(2 x current, 4) per sync, naming the rule that bound it (ScalingLimited).
 */
export function convertDesiredReplicasWithRules(
  currentReplicas: number,
  desiredReplicas: number,
  minReplicas: number,
  maxReplicas: number,
): { replicas: number; reason: string; message: string } {
  const scaleUpLimit = Math.max(2 * currentReplicas, 4);
  let maximum = maxReplicas;
  let reason = 'TooManyReplicas';
  let message = 'the desired replica count is more than the maximum replica count';
  if (maxReplicas > scaleUpLimit) {
    maximum = scaleUpLimit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  }
  if (desiredReplicas < minReplicas) {
    return {
      replicas: minReplicas,
      reason: 'TooFewReplicas',
      message: 'the desired replica count is less than the minimum replica count',
    };
  }
  if (desiredReplicas > maximum) return { replicas: maximum, reason, message };
  return {
    replicas: desiredReplicas,
    reason: 'DesiredWithinRange',
    message: 'the desired count is within the acceptable range',
  };
}

/**
 * Stabilizer is stabilizeRecommendation: it remembers each sync's recommendation for 5 minutes
 * and answers the highest, so a brief dip does not scale down and a real one waits 5 minutes.
 */
export class Stabilizer {
  private readonly recommendations: { time: number; replicas: number }[] = [];

  constructor(private readonly windowMs = DOWNSCALE_STABILISATION_MS) {}

  stabilize(now: number, recommendation: number): number {
    let max = recommendation;
    let oldIndex = -1;
    this.recommendations.forEach((rec, i) => {
      if (rec.time < now - this.windowMs) oldIndex = i;
      else if (rec.replicas > max) max = rec.replicas;
    });
    const entry = { time: now, replicas: recommendation };
    if (oldIndex >= 0) this.recommendations[oldIndex] = entry;
    else this.recommendations.push(entry);
    return max;
  }
}
