import type { Node, Pod, Taint, Toleration } from '../../api/types';
import { defaultNormalize, type FilterPlugin, type ScorePlugin } from '../framework';

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

const NO_TOLERATIONS: readonly Toleration[] = [];

function toleratedBy(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (tolerates(t, taint)) return true;
  return false;
}

/** untoleratedTaint is the node's first NoSchedule/NoExecute taint the pod does not tolerate. */
export function untoleratedTaint(node: Node, pod: Pod): Taint | undefined {
  const taints = node.spec.taints;
  if (!taints) return undefined;
  const tolerations = pod.spec.tolerations ?? NO_TOLERATIONS;
  for (const taint of taints)
    if (
      (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
      !toleratedBy(tolerations, taint)
    )
      return taint;
  return undefined;
}

/**
 * TaintToleration filters out nodes with a NoSchedule/NoExecute taint the pod does not tolerate,
 * and scores down nodes with untolerated PreferNoSchedule taints.
 */
export const taintToleration = {
  name: 'TaintToleration',
  weight: 3,
  preFilter(pod) {
    return (nodeInfo) => {
      if (nodeInfo.taints.length === 0) return undefined;
      const taint = untoleratedTaint(nodeInfo.node, pod);
      if (!taint) return undefined;
      return {
        reasons: [`node(s) had untolerated taint ${formatTaint(taint)}`],
        unresolvable: true,
      };
    };
  },
  preScore(pod) {
    const tolerations = (pod.spec.tolerations ?? []).filter(
      (t) => !t.effect || t.effect === 'PreferNoSchedule',
    );
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          let untolerated = 0;
          for (const taint of nodes[i]!.taints)
            if (taint.effect === 'PreferNoSchedule' && !toleratedBy(tolerations, taint))
              untolerated++;
          scores[i] = untolerated;
        }
      },
      // More intolerable taints is worse: DefaultNormalizeScore with reverse = true.
      normalize: (scores) => defaultNormalize(scores, true),
    };
  },
} satisfies FilterPlugin & ScorePlugin;
