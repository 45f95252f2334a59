import { matchesSelector } from '../../api/labels';
import type { Node, Pod, PodAffinityTerm } from '../../api/types';
import {
  MAX_NODE_SCORE,
  type ClusterSnapshot,
  type FilterPlugin,
  type ScorePlugin,
} from '../framework';

export const AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
  "node(s) didn't satisfy existing pods anti-affinity rules";

/** The weight a pod's required affinity adds to nodes when scoring others (hardPodAffinityWeight). */
const HARD_POD_AFFINITY_WEIGHT = 1;

/**
 * termMatches is AffinityTerm.Matches: the term's namespaces (the owner's own when none are
 * listed and there is no namespaceSelector) or its namespaceSelector admit the pod's namespace,
 * and its labelSelector (none matches nothing) selects the pod.
 */
export function termMatches(
  term: PodAffinityTerm,
  owner: Pod,
  pod: Pod,
  cluster: Pick<ClusterSnapshot, 'namespaceLabels'>,
): boolean {
  const namespace = pod.metadata.namespace ?? '';
  const listed = term.namespaces ?? [];
  let inNamespace: boolean;
  if (listed.length === 0 && !term.namespaceSelector)
    inNamespace = namespace === owner.metadata.namespace;
  else
    inNamespace =
      listed.includes(namespace) ||
      (term.namespaceSelector !== undefined &&
        matchesSelector(term.namespaceSelector, cluster.namespaceLabels(namespace) ?? {}));
  return inNamespace && matchesSelector(term.labelSelector, pod.metadata.labels);
}

function requiredAffinity(pod: Pod): PodAffinityTerm[] {
  return pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
}

function requiredAntiAffinity(pod: Pod): PodAffinityTerm[] {
  return pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
}

/** Counts per topology pair `key=value`, as topologyToMatchedTermCount keeps them. */
class TopologyCounts {
  readonly counts = new Map<string, number>();

  add(node: Node, key: string, value: number): void {
    const label = node.metadata.labels?.[key];
    if (label === undefined) return;
    const pair = `${key}\u0000${label}`;
    const next = (this.counts.get(pair) ?? 0) + value;
    if (next === 0) this.counts.delete(pair);
    else this.counts.set(pair, next);
  }

  get(key: string, value: string): number {
    return this.counts.get(`${key}\u0000${value}`) ?? 0;
  }
}

/**
 * InterPodAffinity places pods relative to other pods: required affinity needs a matching pod in
 * the node's topology domain, required anti-affinity (the pod's own, and every existing pod's
 * against it) forbids one; preferred terms add or subtract their weights in the score.
 */
export const interPodAffinity = {
  name: 'InterPodAffinity',
  weight: 2,
  preFilter(pod, cluster) {
    const affinityTerms = requiredAffinity(pod);
    const antiAffinityTerms = requiredAntiAffinity(pod);
    const existingAnti = new TopologyCounts();
    const affinity = new TopologyCounts();
    const antiAffinity = new TopologyCounts();
    const ownTerms = affinityTerms.length > 0 || antiAffinityTerms.length > 0;
    // getExistingAntiAffinityCounts: only nodes hosting pods with required anti-affinity.
    for (const info of cluster.havePodsWithRequiredAntiAffinity())
      for (const existing of info.podsWithRequiredAntiAffinity.values())
        for (const term of requiredAntiAffinity(existing))
          if (termMatches(term, existing, pod, cluster))
            existingAnti.add(info.node, term.topologyKey, 1);
    // getIncomingAffinityAntiAffinityCounts: every pod on every node, when the pod has terms.
    if (ownTerms)
      for (const info of cluster.nodes)
        for (const existing of info.pods.values()) {
          if (
            affinityTerms.length > 0 &&
            affinityTerms.every((t) => termMatches(t, pod, existing, cluster))
          )
            for (const t of affinityTerms) affinity.add(info.node, t.topologyKey, 1);
          for (const t of antiAffinityTerms)
            if (termMatches(t, pod, existing, cluster))
              antiAffinity.add(info.node, t.topologyKey, 1);
        }
    if (existingAnti.counts.size === 0 && !ownTerms) return undefined;
    // The first pod of a group with affinity to itself may go anywhere with the topology labels.
    const selfAffine =
      affinity.counts.size === 0 && affinityTerms.every((t) => termMatches(t, pod, pod, cluster));
    return (nodeInfo) => {
      const labels = nodeInfo.node.metadata.labels ?? {};
      let podsExist = true;
      for (const term of affinityTerms) {
        const value = labels[term.topologyKey];
        if (value === undefined) return { reasons: [AFFINITY_RULES_NOT_MATCH], unresolvable: true };
        if (affinity.get(term.topologyKey, value) <= 0) podsExist = false;
      }
      if (!podsExist && !selfAffine)
        return { reasons: [AFFINITY_RULES_NOT_MATCH], unresolvable: true };
      if (antiAffinity.counts.size > 0)
        for (const term of antiAffinityTerms) {
          const value = labels[term.topologyKey];
          if (value !== undefined && antiAffinity.get(term.topologyKey, value) > 0)
            return { reasons: [ANTI_AFFINITY_RULES_NOT_MATCH], unresolvable: false };
        }
      if (existingAnti.counts.size > 0)
        for (const [key, value] of Object.entries(labels))
          if (existingAnti.get(key, value) > 0)
            return { reasons: [EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH], unresolvable: false };
      return undefined;
    };
  },
  preScore(pod, feasible, cluster) {
    if (feasible.length === 0) return undefined;
    const preferredAffinity =
      pod.spec.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const preferredAnti =
      pod.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const hasConstraints = preferredAffinity.length > 0 || preferredAnti.length > 0;
    // topologyKey -> value -> summed weight
    const topologyScore = new Map<string, Map<string, number>>();
    const add = (term: PodAffinityTerm, weight: number, node: Node) => {
      const value = node.metadata.labels?.[term.topologyKey];
      if (value === undefined) return;
      let byValue = topologyScore.get(term.topologyKey);
      if (!byValue) topologyScore.set(term.topologyKey, (byValue = new Map()));
      byValue.set(value, (byValue.get(value) ?? 0) + weight);
    };
    // Unless the pod has preferences of its own, only pods with affinity can move the score.
    const nodes = hasConstraints ? cluster.nodes : cluster.havePodsWithAffinity();
    for (const info of nodes) {
      const node = info.node;
      if (info.podCount === 0) continue;
      const candidates = hasConstraints ? info.pods : info.podsWithAffinity;
      if (Object.keys(node.metadata.labels ?? {}).length === 0) continue;
      for (const existing of candidates.values()) {
        for (const p of preferredAffinity)
          if (termMatches(p.podAffinityTerm, pod, existing, cluster))
            add(p.podAffinityTerm, p.weight, node);
        for (const p of preferredAnti)
          if (termMatches(p.podAffinityTerm, pod, existing, cluster))
            add(p.podAffinityTerm, -p.weight, node);
        const theirs = existing.spec.affinity;
        for (const t of theirs?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
          if (termMatches(t, existing, pod, cluster)) add(t, HARD_POD_AFFINITY_WEIGHT, node);
        for (const p of theirs?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
          if (termMatches(p.podAffinityTerm, existing, pod, cluster))
            add(p.podAffinityTerm, p.weight, node);
        for (const p of theirs?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ??
          [])
          if (termMatches(p.podAffinityTerm, existing, pod, cluster))
            add(p.podAffinityTerm, -p.weight, node);
      }
    }
    if (topologyScore.size === 0) return undefined;
    return {
      score(nodes, scores) {
        for (let i = 0; i < nodes.length; i++) {
          const labels = nodes[i]!.node.metadata.labels ?? {};
          let score = 0;
          for (const [key, byValue] of topologyScore) {
            const value = labels[key];
            if (value !== undefined) score += byValue.get(value) ?? 0;
          }
          scores[i] = score;
        }
      },
      normalize(scores) {
        let max = -Infinity;
        let min = Infinity;
        for (const s of scores) {
          if (s > max) max = s;
          if (s < min) min = s;
        }
        const diff = max - min;
        for (let i = 0; i < scores.length; i++)
          scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
      },
    };
  },
} satisfies FilterPlugin & ScorePlugin;
