import { matchesSelector } from '../../api/labels';
import { matchesNodeSelectorAndAffinity } from '../../api/node-selector';
import type { LabelSelector, Node, Pod, TopologySpreadConstraint } from '../../api/types';
import {
  HOSTNAME_LABEL,
  MAX_NODE_SCORE,
  ZONE_LABEL,
  type ClusterSnapshot,
  type FilterPlugin,
  type NodeInfo,
  type ScorePlugin,
} from '../framework';
import { untoleratedTaint } from './taint-toleration';

/**
 * The system default constraints (PodTopologySpreadArgs.DefaultingType = System): applied, as
 * ScheduleAnyway, to pods that set none and belong to a Service, ReplicaSet or StatefulSet.
 */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: HOSTNAME_LABEL, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: ZONE_LABEL, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** How many selectors' counts a node caches before starting over. */
const MATCH_COUNTS_KEPT = 32;

export const CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
const NODE_LABEL_NOT_MATCH = `${CONSTRAINTS_NOT_MATCH} (missing required label)`;

/**
 * A constraint with its selector resolved (matchLabelKeys merged in, or the default selector),
 * ready to count its matching pods on a node.
 */
interface Constraint {
  maxSkew: number;
  topologyKey: string;
  minDomains?: number;
  selector: LabelSelector | undefined;
  honorAffinity: boolean;
  honorTaints: boolean;
  count: (nodeInfo: NodeInfo) => number;
}

function resolve(
  constraints: readonly TopologySpreadConstraint[],
  pod: Pod,
  action: TopologySpreadConstraint['whenUnsatisfiable'],
  selector?: LabelSelector,
): Constraint[] {
  const labels = pod.metadata.labels ?? {};
  // The system defaults share one selector: compile it once.
  const counters = new Map<LabelSelector | undefined, (nodeInfo: NodeInfo) => number>();
  return constraints
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => {
      let resolved = selector ?? c.labelSelector;
      const keys = (c.matchLabelKeys ?? []).filter((k) => k in labels);
      if (resolved && keys.length > 0)
        resolved = {
          ...resolved,
          matchExpressions: [
            ...(resolved.matchExpressions ?? []),
            ...keys.map((key) => ({ key, operator: 'In' as const, values: [labels[key]!] })),
          ],
        };
      let count = counters.get(resolved);
      if (!count) counters.set(resolved, (count = podCounter(resolved, pod.metadata.namespace)));
      // An object literal, not a spread: spreads are slow, and this runs every cycle.
      return {
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        minDomains: c.minDomains,
        selector: resolved,
        count,
        honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorTaints: c.nodeTaintsPolicy === 'Honor',
      };
    });
}

function isEmptySelector(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

/**
 * compileSelector turns a selector into a label test once per scheduling cycle: counting runs it
 * on every pod of every node.
 */
function compileSelector(selector: LabelSelector): (labels: Record<string, string>) => boolean {
  const pairs = Object.entries(selector.matchLabels ?? {});
  const singleIn: [string, string][] = [];
  const rest: LabelSelector = { matchExpressions: [] };
  for (const req of selector.matchExpressions ?? []) {
    if (req.operator === 'In' && req.values?.length === 1) singleIn.push([req.key, req.values[0]!]);
    else rest.matchExpressions!.push(req);
  }
  pairs.push(...singleIn);
  const others = rest.matchExpressions!.length > 0 ? rest : undefined;
  return (labels) => {
    for (const [key, value] of pairs) if (labels[key] !== value) return false;
    return !others || matchesSelector(others, labels);
  };
}

/**
 * Each namespace and selector counted gets a small number: the counts cached on every node are
 * looked up by it, hundreds of times a cycle, which a long string key makes slower.
 */
const selectorIds = new Map<string, number>();

function selectorId(key: string): number {
  let id = selectorIds.get(key);
  if (id === undefined) selectorIds.set(key, (id = selectorIds.size));
  return id;
}

/**
 * podCounter is countPodsMatchSelector: live pods in the namespace matching (an empty selector
 * counts none). Counts are cached on the node until its pods change: between two scheduling
 * cycles only the node that took the last pod needs recounting.
 */
export function podCounter(
  selector: LabelSelector | undefined,
  namespace: string | undefined,
): (nodeInfo: NodeInfo) => number {
  if (!selector || isEmptySelector(selector)) return () => 0;
  const matches = compileSelector(selector);
  const key = selectorId(`${namespace ?? ''}/${JSON.stringify(selector)}`);
  return (nodeInfo) => {
    if (nodeInfo.lastCountSelector === key && nodeInfo.lastCountGeneration === nodeInfo.generation)
      return nodeInfo.lastCount;
    const cached = nodeInfo.matchCounts.get(key);
    if (cached?.generation === nodeInfo.generation) return remember(nodeInfo, key, cached.count);
    let count = 0;
    for (const p of nodeInfo.pods.values())
      if (
        p.metadata.namespace === namespace &&
        !p.metadata.deletionTimestamp &&
        matches(p.metadata.labels ?? {})
      )
        count++;
    // Selectors come and go with ReplicaSets: keep the cache small rather than exact.
    if (nodeInfo.matchCounts.size >= MATCH_COUNTS_KEPT) nodeInfo.matchCounts.clear();
    nodeInfo.matchCounts.set(key, { generation: nodeInfo.generation, count });
    return remember(nodeInfo, key, count);
  };
}

function remember(nodeInfo: NodeInfo, selector: number, count: number): number {
  nodeInfo.lastCountSelector = selector;
  nodeInfo.lastCountGeneration = nodeInfo.generation;
  nodeInfo.lastCount = count;
  return count;
}

function hasAllKeys(node: Node, constraints: readonly Constraint[]): boolean {
  const labels = node.metadata.labels ?? {};
  return constraints.every((c) => c.topologyKey in labels);
}

/** matchNodeInclusionPolicies: nodeAffinityPolicy Honor (default) and nodeTaintsPolicy Ignore (default). */
function includesNode(c: Constraint, pod: Pod, node: Node): boolean {
  if (c.honorAffinity && !matchesNodeSelectorAndAffinity(pod.spec, node)) return false;
  return !c.honorTaints || !untoleratedTaint(node, pod);
}

function constraintsFor(
  pod: Pod,
  cluster: ClusterSnapshot,
  action: TopologySpreadConstraint['whenUnsatisfiable'],
): Constraint[] {
  const own = pod.spec.topologySpreadConstraints ?? [];
  if (own.length > 0) return resolve(own, pod, action);
  if (!SYSTEM_DEFAULT_CONSTRAINTS.some((c) => c.whenUnsatisfiable === action)) return [];
  const selector = cluster.defaultSelector(pod);
  if (!selector || isEmptySelector(selector)) return [];
  return resolve(SYSTEM_DEFAULT_CONSTRAINTS, pod, action, selector);
}

/**
 * PodTopologySpread keeps pods matching a selector evenly spread over topology domains (nodes,
 * zones). DoNotSchedule constraints filter: placing the pod must not make a domain exceed the
 * emptiest eligible domain by more than maxSkew. ScheduleAnyway constraints (and the system
 * defaults) score: fewer matching pods in the node's domains scores higher.
 */
export const podTopologySpread = {
  name: 'PodTopologySpread',
  weight: 2,
  preFilter(pod, cluster) {
    const constraints = constraintsFor(pod, cluster, 'DoNotSchedule');
    if (constraints.length === 0) return undefined;
    // matches per domain value, per constraint (TpValueToMatchNum), over eligible nodes
    const matches = constraints.map(() => new Map<string, number>());
    for (const info of cluster.nodes) {
      if (!hasAllKeys(info.node, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!includesNode(c, pod, info.node)) return;
        const value = info.node.metadata.labels![c.topologyKey]!;
        const map = matches[i]!;
        map.set(value, (map.get(value) ?? 0) + c.count(info));
      });
    }
    const minMatch = constraints.map((c, i) => {
      const counts = [...matches[i]!.values()];
      if (c.minDomains !== undefined && counts.length < c.minDomains) return 0;
      return counts.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...counts);
    });
    const selfMatch = constraints.map((c) =>
      c.selector && matchesSelector(c.selector, pod.metadata.labels) ? 1 : 0,
    );
    return (nodeInfo) => {
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        const value = nodeInfo.label(c.topologyKey);
        if (value === undefined) return { reasons: [NODE_LABEL_NOT_MATCH], unresolvable: true };
        const skew = (matches[i]!.get(value) ?? 0) + selfMatch[i]! - minMatch[i]!;
        if (skew > c.maxSkew) return { reasons: [CONSTRAINTS_NOT_MATCH], unresolvable: false };
      }
      return undefined;
    };
  },
  preScore(pod, feasible, cluster) {
    if (feasible.length === 0 || cluster.nodes.length === 0) return undefined;
    const constraints = constraintsFor(pod, cluster, 'ScheduleAnyway');
    if (constraints.length === 0) return undefined;
    // Only the pod's own constraints need every topology label: with the system defaults a node
    // without a zone label still takes part in hostname spreading.
    const requireAllTopologies = (pod.spec.topologySpreadConstraints ?? []).length > 0;
    // Each constraint's key, and whether it is the hostname, as arrays: the loops below run over
    // hundreds of nodes every cycle.
    const keys = constraints.map((c) => c.topologyKey);
    const byHostname = keys.map((key) => key === HOSTNAME_LABEL);
    const ignored = new Set<NodeInfo>();
    const domainCounts = constraints.map(() => new Map<string, number>());
    if (requireAllTopologies)
      for (const info of feasible) if (!hasAllKeys(info.node, constraints)) ignored.add(info);
    // Hostname domains are counted per node in score: only other keys need the domains listed.
    for (let i = 0; i < keys.length; i++) {
      if (byHostname[i]) continue;
      const key = keys[i]!;
      const counts = domainCounts[i]!;
      for (let n = 0; n < feasible.length; n++) {
        const info = feasible[n]!;
        if (ignored.size > 0 && ignored.has(info)) continue;
        const value = info.label(key);
        if (value !== undefined) counts.set(value, 0);
      }
    }
    // topologyNormalizingWeight: log(domains + 2), so keys with many domains weigh more
    const weights = constraints.map((_, i) =>
      Math.log((byHostname[i] ? feasible.length - ignored.size : domainCounts[i]!.size) + 2),
    );
    // Only domains of feasible nodes are counted; hostname counts are taken per node in score.
    if (domainCounts.some((counts) => counts.size > 0))
      for (const info of cluster.nodes) {
        if (requireAllTopologies && !hasAllKeys(info.node, constraints)) continue;
        constraints.forEach((c, i) => {
          const value = info.label(c.topologyKey);
          const counts = domainCounts[i]!;
          if (value === undefined || !counts.has(value) || !includesNode(c, pod, info.node)) return;
          counts.set(value, counts.get(value)! + c.count(info));
        });
      }
    const counters = constraints.map((c) => c.count);
    const skewCredits = constraints.map((c) => c.maxSkew - 1);
    return {
      score(nodes, scores) {
        for (let n = 0; n < nodes.length; n++) {
          const nodeInfo = nodes[n]!;
          if (ignored.size > 0 && ignored.has(nodeInfo)) {
            scores[n] = 0;
            continue;
          }
          let score = 0;
          for (let i = 0; i < keys.length; i++) {
            const value = nodeInfo.label(keys[i]!);
            if (value === undefined) continue;
            const count = byHostname[i] ? counters[i]!(nodeInfo) : domainCounts[i]!.get(value)!;
            score += count * weights[i]! + skewCredits[i]!;
          }
          scores[n] = Math.round(score);
        }
      },
      normalize(scores, nodes) {
        // Ignored nodes are rare (the pod's own constraints, a node missing a key): look them up
        // only when there are some.
        const skips = ignored.size > 0;
        let min = Number.MAX_SAFE_INTEGER;
        let max = 0;
        for (let i = 0; i < scores.length; i++) {
          if (skips && ignored.has(nodes[i]!)) continue;
          const score = scores[i]!;
          if (score < min) min = score;
          if (score > max) max = score;
        }
        for (let i = 0; i < scores.length; i++) {
          if (skips && ignored.has(nodes[i]!)) scores[i] = 0;
          else if (max === 0) scores[i] = MAX_NODE_SCORE;
          else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
        }
      },
    };
  },
} satisfies FilterPlugin & ScorePlugin;
