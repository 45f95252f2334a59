import type { Taint, Toleration } from '../../api/types';
import { MAX_NODE_SCORE, type FilterPlugin, type ScorePlugin } from '../framework';

/** tolerates is v1.Toleration.ToleratesTaint: empty key with Exists matches every taint. */
export function tolerates(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
  if ((t.key === undefined || t.key === '') && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** formatTaint prints a taint as the scheduler's message does: `{key: value}`. */
export function formatTaint(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}

/**
 * TaintToleration filters out nodes with a NoSchedule/NoExecute taint the pod does not tolerate,
 * and scores down nodes with untolerated PreferNoSchedule taints.
 */
export const taintToleration = {
  name: 'TaintToleration',
  weight: 3,
  filter(pod, nodeInfo) {
    const tolerations = pod.spec.tolerations ?? [];
    const taint = (nodeInfo.node.spec.taints ?? []).find(
      (t) =>
        (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
        !tolerations.some((tol) => tolerates(tol, t)),
    );
    if (!taint) return undefined;
    return { reasons: [`node(s) had untolerated taint ${formatTaint(taint)}`], unresolvable: true };
  },
  score(pod, nodeInfo) {
    const tolerations = (pod.spec.tolerations ?? []).filter(
      (t) => !t.effect || t.effect === 'PreferNoSchedule',
    );
    return (nodeInfo.node.spec.taints ?? []).filter(
      (t) => t.effect === 'PreferNoSchedule' && !tolerations.some((tol) => tolerates(tol, t)),
    ).length;
  },
  normalize(scores) {
    // More intolerable taints is worse: DefaultNormalizeScore with reverse = true.
    const max = Math.max(0, ...scores);
    return scores.map((s) =>
      max === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.floor((s * MAX_NODE_SCORE) / max),
    );
  },
} satisfies FilterPlugin & ScorePlugin;
