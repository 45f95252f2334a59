import type { LabelSelector, PodDisruptionBudget } from '../../engine';
import { formatSelector } from '../../engine';
import type {
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from '../../engine/network/types';
import type { Event } from '../../engine';
import { annotationLines, finish, multiline } from './describe';
import { tabwrite } from './tabwriter';

/** goTime is metav1.Time's String(), Go's time.Time format: 2026-01-05 09:00:00 +0000 UTC. */
function goTime(timestamp: string): string {
  const iso = new Date(Date.parse(timestamp)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

const selector = (s: LabelSelector | undefined) => formatSelector(s);

function ports(list: NetworkPolicyPort[] | undefined, indent: string): string[] {
  if (!list || list.length === 0) return [`${indent}To Port: <any> (traffic allowed to all ports)`];
  return list.map((p) => {
    const proto = p.protocol ?? 'TCP';
    return p.endPort === undefined
      ? `${indent}To Port: ${p.port}/${proto}`
      : `${indent}To Port Range: ${p.port}-${p.endPort}/${proto}`;
  });
}

function peers(
  list: NetworkPolicyPeer[] | undefined,
  word: 'From' | 'To',
  indent: string,
): string[] {
  if (!list || list.length === 0)
    return [
      word === 'From'
        ? `${indent}From: <any> (traffic not restricted by source)`
        : `${indent}To: <any> (traffic not restricted by destination)`,
    ];
  const w: string[] = [];
  for (const peer of list) {
    w.push(`${indent}${word}:`);
    const inner = `  ${indent}`;
    if (peer.podSelector && peer.namespaceSelector) {
      w.push(`${inner}NamespaceSelector: ${selector(peer.namespaceSelector)}`);
      w.push(`${inner}PodSelector: ${selector(peer.podSelector)}`);
    } else if (peer.podSelector) w.push(`${inner}PodSelector: ${selector(peer.podSelector)}`);
    else if (peer.namespaceSelector)
      w.push(`${inner}NamespaceSelector: ${selector(peer.namespaceSelector)}`);
    else if (peer.ipBlock) {
      w.push(`${inner}IPBlock:`);
      w.push(`    ${indent}CIDR: ${peer.ipBlock.cidr}`);
      w.push(`    ${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}`);
    }
  }
  return w;
}

/** rules is printNetworkPolicySpecIngressFrom / EgressTo: ports, then peers, rules split by a rule. */
function rules(
  list: { ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] }[],
  direction: 'ingress' | 'egress',
): string[] {
  const indent = '    ';
  if (list.length === 0)
    return [`${indent}<none> (Selected pods are isolated for ${direction} connectivity)`];
  return list.flatMap((rule, i) => [
    ...ports(rule.ports, indent),
    ...peers(rule.peers, direction === 'ingress' ? 'From' : 'To', indent),
    ...(i < list.length - 1 ? [`${indent}----------`] : []),
  ]);
}

/** describeNetworkPolicy is describe.go's describeNetworkPolicy (it has no Events section). */
export function describeNetworkPolicy(np: NetworkPolicy): string {
  const spec = np.spec;
  const types = spec.policyTypes ?? [];
  const podSelector = spec.podSelector ?? {};
  const empty =
    Object.keys(podSelector.matchLabels ?? {}).length === 0 &&
    (podSelector.matchExpressions ?? []).length === 0;
  const w = [
    `Name:\t${np.metadata.name}`,
    `Namespace:\t${np.metadata.namespace ?? ''}`,
    `Created on:\t${goTime(np.metadata.creationTimestamp)}`,
    ...multiline('Labels', np.metadata.labels, (k, v) => `${k}=${v}`),
    ...annotationLines(np.metadata.annotations),
    'Spec:',
    `  PodSelector:     ${empty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : selector(podSelector)}`,
    ...(types.includes('Ingress')
      ? [
          '  Allowing ingress traffic:',
          ...rules(
            (spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })),
            'ingress',
          ),
        ]
      : ['  Not affecting ingress traffic']),
    ...(types.includes('Egress')
      ? [
          '  Allowing egress traffic:',
          ...rules(
            (spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })),
            'egress',
          ),
        ]
      : ['  Not affecting egress traffic']),
    `  Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}`,
  ];
  return `${tabwrite(w.join('\n'), 0, 2)}\n`;
}

/** describePodDisruptionBudget is describePodDisruptionBudgetV1. */
export function describePodDisruptionBudget(
  pdb: PodDisruptionBudget,
  events: Event[],
  now: number,
): string {
  const { spec, status } = pdb;
  const w = [`Name:\t${pdb.metadata.name}`, `Namespace:\t${pdb.metadata.namespace ?? ''}`];
  if (spec.minAvailable !== undefined) w.push(`Min available:\t${spec.minAvailable}`);
  else if (spec.maxUnavailable !== undefined) w.push(`Max unavailable:\t${spec.maxUnavailable}`);
  w.push(`Selector:\t${spec.selector ? selector(spec.selector) : '<unset>'}`);
  w.push(
    'Status:',
    `    Allowed disruptions:\t${status?.disruptionsAllowed ?? 0}`,
    `    Current:\t${status?.currentHealthy ?? 0}`,
    `    Desired:\t${status?.desiredHealthy ?? 0}`,
    `    Total:\t${status?.expectedPods ?? 0}`,
  );
  return finish(w, events, now);
}
