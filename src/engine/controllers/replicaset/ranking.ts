import { isPodReady, podCondition } from '../../api/pod';
import type { Pod } from '../../api/types';
import { parseTimestamp } from '../../clock';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * compareForDeletion orders pods so that the ones to delete first come first
 * (controller_utils.go ActivePodsWithRanks.Less): unscheduled, then pending, then not ready,
 * then by deletion cost, then the more recently ready, more restarted, and newer.
 */
export function compareForDeletion(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: Pod) => PHASE_RANK[p.status.phase] ?? 3;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const cost = (p: Pod) =>
    Number(p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
  if (cost(a) !== cost(b)) return cost(a) - cost(b);
  if (isPodReady(a) && isPodReady(b)) {
    const readySince = (p: Pod) => parseTimestamp(podCondition(p, 'Ready')!.lastTransitionTime);
    if (readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
  }
  const restarts = (p: Pod) =>
    Math.max(0, ...(p.status.containerStatuses ?? []).map((c) => c.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: Pod) => parseTimestamp(p.metadata.creationTimestamp);
  if (created(a) !== created(b)) return created(b) - created(a);
  return a.metadata.uid < b.metadata.uid ? -1 : 1;
}
