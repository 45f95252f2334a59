import { matchesSelector } from '../api/labels';
import type { Pod, PodCondition, PodDisruptionBudget } from '../api/types';
import type { FilterResult, NodeInfo } from './framework';

/**
 * DefaultPreemption's victim selection (pkg/scheduler/framework/plugins/defaultpreemption and
 * framework/preemption): on a node, evict the fewest lower-priority pods that make room, sparing
 * the most important ones and those a PodDisruptionBudget protects where it can.
 */

export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

export function podPriority(pod: Pod): number {
  return pod.spec.priority ?? 0;
}

/**
 * moreImportant is util.MoreImportantPod: higher priority first, then the pod that started
 * earlier (a pod not started yet counts as starting now).
 */
export function moreImportant(now: number, startTime: (pod: Pod) => number | undefined) {
  return (a: Pod, b: Pod): number => {
    const byPriority = podPriority(b) - podPriority(a);
    if (byPriority !== 0) return byPriority;
    return (startTime(a) ?? now) - (startTime(b) ?? now);
  };
}

/**
 * filterPodsWithPDBViolation splits victims (most important first) into those whose eviction
 * would exceed a budget's disruptionsAllowed and those it would not.
 */
export function filterPodsWithPDBViolation(
  pods: readonly Pod[],
  pdbs: readonly PodDisruptionBudget[],
): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = pdbs.map((pdb) => pdb.status?.disruptionsAllowed ?? 0);
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata.labels ?? {};
    if (Object.keys(labels).length > 0)
      pdbs.forEach((pdb, i) => {
        const selector = pdb.spec.selector;
        if (pdb.metadata.namespace !== pod.metadata.namespace || !selector) return;
        // A PDB with an empty selector matches nothing here.
        if (!selector.matchLabels && !selector.matchExpressions?.length) return;
        if (!matchesSelector(selector, labels)) return;
        if (pdb.status?.disruptedPods?.[pod.metadata.name]) return;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      });
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

export interface Victims {
  pods: Pod[];
  pdbViolations: number;
}

/**
 * selectVictimsOnNode removes every lower-priority pod, checks the preemptor then fits, and
 * reprieves as many as possible (budget-protected ones first, most important first).
 * `fits` runs every filter for the preemptor against the node as modified.
 */
export function selectVictimsOnNode(
  preemptor: Pod,
  nodeInfo: NodeInfo,
  pdbs: readonly PodDisruptionBudget[],
  order: (a: Pod, b: Pod) => number,
  fits: (node: NodeInfo) => FilterResult | undefined,
): Victims | FilterResult {
  const trial = nodeInfo.clone();
  const priority = podPriority(preemptor);
  const potential = [...trial.pods.values()].filter((p) => podPriority(p) < priority);
  if (potential.length === 0) return { reasons: [NO_VICTIMS], unresolvable: true };
  for (const p of potential) trial.removePod(p.metadata.uid);
  const status = fits(trial);
  if (status) return status;
  potential.sort(order);
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, pdbs);
  const victims: Pod[] = [];
  const reprieve = (pod: Pod): boolean => {
    trial.addPod(pod);
    if (!fits(trial)) return true;
    trial.removePod(pod.metadata.uid);
    victims.push(pod);
    return false;
  };
  let pdbViolations = 0;
  for (const pod of violating) if (!reprieve(pod)) pdbViolations++;
  for (const pod of nonViolating) reprieve(pod);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(order);
  return { pods: victims, pdbViolations };
}

export interface Candidate extends Victims {
  node: string;
}

/**
 * pickOneNodeForPreemption: fewest PDB violations, then the lowest highest-priority victim, the
 * smallest sum of priorities, the fewest victims, the latest start among the most important
 * victims; the first candidate wins any tie left.
 */
export function pickOneNodeForPreemption(
  candidates: readonly Candidate[],
  startTime: (pod: Pod) => number | undefined,
): Candidate | undefined {
  const criteria: ((c: Candidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -(c.pods.length > 0 ? podPriority(c.pods[0]!) : Number.MIN_SAFE_INTEGER),
    // each priority is offset by MaxInt32+1 so that negative priorities still add up
    (c) => -c.pods.reduce((sum, p) => sum + podPriority(p) + 2 ** 31, 0),
    (c) => -c.pods.length,
    (c) => {
      const top = c.pods.length > 0 ? podPriority(c.pods[0]!) : 0;
      const starts = c.pods
        .filter((p) => podPriority(p) === top)
        .map((p) => startTime(p))
        .filter((t): t is number => t !== undefined);
      return starts.length === 0 ? Number.MIN_SAFE_INTEGER : Math.min(...starts);
    },
  ];
  let remaining = [...candidates];
  for (const score of criteria) {
    if (remaining.length <= 1) break;
    const best = Math.max(...remaining.map(score));
    remaining = remaining.filter((c) => score(c) === best);
  }
  return remaining[0];
}

/**
 * disruptionTarget is the condition prepareCandidate puts on a victim before deleting it, so
 * the victim's controllers (a Job's podFailurePolicy, anyone reading its status) can tell it
 * was preempted, naming the scheduler of the pod it makes room for.
 */
export function disruptionTarget(preemptor: Pod, now: string): PodCondition {
  return {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
    reason: 'PreemptionByScheduler',
    message: `${preemptor.spec.schedulerName}: preempting to accommodate a higher priority pod`,
  };
}
