import { isPodReady, podCondition } from '../../api/pod';
import type { Pod } from '../../api/types';
import { parseTimestamp } from '../../clock';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * logBucket is LogarithmicScaleDown's coarse age: floor(log2(seconds since t)), so pods that
 * became ready (or were created) at about the same time tie and the tie goes to the UID.
 */
function logBucket(now: number, t: number): number {
  const seconds = Math.max(1, Math.floor((now - t) / 1000));
  return Math.floor(Math.log2(seconds));
}

/**
 * rankForDeletion orders pods so that the ones to delete first come first
 * (controller_utils.go ActivePodsWithRanks.Less): unscheduled, then pending, then not ready,
 * then by deletion cost, then those sharing a node with more of their siblings, then the more
 * recently ready, more restarted, and newer (ages in log2 buckets), then by UID.
 */
export function rankForDeletion(pods: readonly Pod[], now: number): Pod[] {
  const onNode = new Map<string, number>();
  for (const p of pods)
    if (p.spec.nodeName) onNode.set(p.spec.nodeName, (onNode.get(p.spec.nodeName) ?? 0) + 1);
  const colocated = (p: Pod) => (p.spec.nodeName ? (onNode.get(p.spec.nodeName) ?? 0) : 0);
  const assigned = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  const phase = (p: Pod) => PHASE_RANK[p.status.phase] ?? 3;
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  const cost = (p: Pod) =>
    Number(p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
  const readySince = (p: Pod) =>
    logBucket(now, parseTimestamp(podCondition(p, 'Ready')!.lastTransitionTime));
  const restarts = (p: Pod) =>
    Math.max(0, ...(p.status.containerStatuses ?? []).map((c) => c.restartCount));
  const created = (p: Pod) => logBucket(now, parseTimestamp(p.metadata.creationTimestamp));
  return [...pods].sort((a, b) => {
    if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
    if (phase(a) !== phase(b)) return phase(a) - phase(b);
    if (ready(a) !== ready(b)) return ready(a) - ready(b);
    if (cost(a) !== cost(b)) return cost(a) - cost(b);
    if (colocated(a) !== colocated(b)) return colocated(b) - colocated(a);
    if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b))
      return readySince(a) - readySince(b);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    if (created(a) !== created(b)) return created(a) - created(b);
    return a.metadata.uid < b.metadata.uid ? -1 : 1;
  });
}
