import { matchesSelector } from '../api/labels';
import type { Namespace, Pod } from '../api/types';
import { cidrContains, parseCidr } from './addresses';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, PolicyType } from './types';

/** One end of a connection as a policy sees it: a pod (with its namespace's labels) or an address. */
export interface PolicyPeer {
  ip: string;
  pod?: Pod;
  namespaceLabels?: Record<string, string>;
}

/** A connection as the CNI's policy engine sees it: after DNAT, so to a pod's own port. */
export interface Connection {
  source: PolicyPeer;
  destination: PolicyPeer;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** A PolicyVerdict says whether one side's policies let a connection through, and which isolate it. */
export interface PolicyVerdict {
  allowed: boolean;
  direction: PolicyType;
  /** the policies that select the pod for this direction ("namespace/name"), by name */
  isolatedBy: string[];
}

function namespaceOf(pod: Pod): string {
  return pod.metadata.namespace ?? 'default';
}

/** resolvePolicyPort: a numbered port, a range up to endPort, or a named container port. */
function portMatches(rule: NetworkPolicyPort, port: number, protocol: string, pod?: Pod): boolean {
  if ((rule.protocol ?? 'TCP') !== protocol) return false;
  if (rule.port === undefined) return true;
  if (typeof rule.port === 'number')
    return rule.endPort !== undefined
      ? port >= rule.port && port <= rule.endPort
      : port === rule.port;
  const named = pod?.spec.containers
    .flatMap((c) => c.ports ?? [])
    .find((p) => p.name === rule.port && (p.protocol ?? 'TCP') === protocol);
  return named?.containerPort === port;
}

/** peerMatches: pod and namespace selectors (both must match when both are set), or an ipBlock. */
function peerMatches(peer: NetworkPolicyPeer, policyNamespace: string, other: PolicyPeer): boolean {
  if (peer.ipBlock) {
    const cidr = parseCidr(peer.ipBlock.cidr);
    if (!cidr || !cidrContains(cidr, other.ip)) return false;
    return !(peer.ipBlock.except ?? []).some((e) => {
      const except = parseCidr(e);
      return except !== undefined && cidrContains(except, other.ip);
    });
  }
  if (!other.pod) return false;
  const podOk = !peer.podSelector || matchesSelector(peer.podSelector, other.pod.metadata.labels);
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, other.namespaceLabels)
    : namespaceOf(other.pod) === policyNamespace;
  return podOk && namespaceOk;
}

function selects(policy: NetworkPolicy, pod: Pod, type: PolicyType): boolean {
  return (
    (policy.metadata.namespace ?? 'default') === namespaceOf(pod) &&
    (policy.spec.policyTypes ?? ['Ingress']).includes(type) &&
    matchesSelector(policy.spec.podSelector, pod.metadata.labels)
  );
}

/**
 * evaluate applies one direction's policies to a connection: a pod no policy selects for that
 * direction accepts everything; a selected pod accepts only what some rule of some selecting
 * policy allows (policies are additive, there is no deny rule).
 */
export function evaluate(
  policies: readonly NetworkPolicy[],
  connection: Connection,
  direction: PolicyType,
): PolicyVerdict {
  const self = direction === 'Ingress' ? connection.destination : connection.source;
  const other = direction === 'Ingress' ? connection.source : connection.destination;
  if (!self.pod) return { allowed: true, direction, isolatedBy: [] };
  const isolating = policies
    .filter((p) => selects(p, self.pod!, direction))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const isolatedBy = isolating.map(
    (p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`,
  );
  if (isolating.length === 0) return { allowed: true, direction, isolatedBy };
  const allowed = isolating.some((policy) => {
    const namespace = policy.metadata.namespace ?? 'default';
    const rules =
      direction === 'Ingress'
        ? (policy.spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from }))
        : (policy.spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to }));
    return rules.some(
      (rule) =>
        ((rule.ports ?? []).length === 0 ||
          rule.ports!.some((p) =>
            portMatches(p, connection.port, connection.protocol, connection.destination.pod),
          )) &&
        ((rule.peers ?? []).length === 0 ||
          rule.peers!.some((peer) => peerMatches(peer, namespace, other))),
    );
  });
  return { allowed, direction, isolatedBy };
}

/** namespaceLabels looks up a namespace's labels (kubernetes.io/metadata.name among them). */
export function namespaceLabels(
  namespaces: readonly Namespace[],
  name: string,
): Record<string, string> | undefined {
  return namespaces.find((n) => n.metadata.name === name)?.metadata.labels;
}
