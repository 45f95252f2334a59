import type { EndpointSlice, Service } from '../api/types';
import { SERVICE_NAME_LABEL } from '../controllers/endpointslice/compute';
import { base32, sha256 } from './hash';

/**
 * The nat-table rules kube-proxy's iptables proxier (pkg/proxy/iptables/proxier.go) writes for
 * Services: KUBE-SERVICES matches a ClusterIP:port and jumps to the service port's KUBE-SVC-
 * chain, which picks one KUBE-SEP- chain per endpoint with `statistic --mode random`, which
 * DNATs to the pod. Node ports enter through KUBE-NODEPORTS and KUBE-EXT-.
 */

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** One `-A CHAIN ...` line: its matches in the order iptables-save prints them, and the target. */
export interface NatRule {
  source?: string;
  notSource?: string;
  destination?: string;
  protocol?: Protocol;
  comment?: string;
  /** -m mark: `! --mark 0x4000/0x4000` */
  mark?: string;
  /** -m addrtype --dst-type LOCAL: the packet is addressed to one of this node's IPs */
  localDestination?: boolean;
  dport?: number;
  /** -m statistic --mode random --probability P */
  probability?: number;
  /** a chain to jump to, or DNAT, MARK, RETURN, MASQUERADE */
  jump: string;
  /** the target's own options: `--to-destination 10.244.1.2:80` */
  targetOptions?: string;
  /** for DNAT: where the packet goes */
  toDestination?: { ip: string; port: number };
}

export interface NatChain {
  name: string;
  rules: NatRule[];
}

/** A ServicePortEndpoint is one address:port kube-proxy may send a service port's traffic to. */
export interface ServicePortEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  /** the pod behind the address, when the EndpointSlice names one */
  pod?: { namespace: string; name: string };
}

/** What one service port turns into: its KUBE-SERVICES and KUBE-NODEPORTS lines and its own chains. */
export interface ServicePortRules {
  /** ServicePortName.String(): namespace/name, plus :portName when the port is named */
  name: string;
  protocol: Protocol;
  clusterIP?: string;
  port: number;
  nodePort?: number;
  /** the addresses a load balancer (MetalLB) gave the Service: status.loadBalancer.ingress */
  loadBalancerIPs: string[];
  endpoints: ServicePortEndpoint[];
  services: NatRule[];
  nodePorts: NatRule[];
  chains: NatChain[];
}

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';

/** sliceServiceKey is the "namespace/name" of the Service an EndpointSlice belongs to (its label). */
export function sliceServiceKey(slice: EndpointSlice): string | undefined {
  const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
  return service ? `${slice.metadata.namespace}/${service}` : undefined;
}

/** Chain-name hashes already computed: every node's kube-proxy names the same chains. */
const hashes = new Map<string, string>();

/** chainHash: the first 16 characters of base32(sha256(text)), remembered. */
function chainHash(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) hashes.set(text, (hash = base32(sha256(text)).slice(0, 16)));
  return hash;
}

/** portProtoHash: the first 16 characters of base32(sha256(servicePortName + protocol)). */
function portProtoHash(servicePortName: string, protocol: Protocol): string {
  return chainHash(servicePortName + protocol);
}

export function servicePortChainName(servicePortName: string, protocol: Protocol): string {
  return `KUBE-SVC-${portProtoHash(servicePortName, protocol)}`;
}

export function serviceExternalChainName(servicePortName: string, protocol: Protocol): string {
  return `KUBE-EXT-${portProtoHash(servicePortName, protocol)}`;
}

/** servicePortEndpointChainName hashes the endpoint ("10.244.1.2:80") in as well. */
export function servicePortEndpointChainName(
  servicePortName: string,
  protocol: Protocol,
  endpoint: string,
): string {
  return `KUBE-SEP-${chainHash(servicePortName + protocol + endpoint)}`;
}

/** servicePortName is proxy.ServicePortName.String(). */
export function servicePortName(namespace: string, service: string, port: string | undefined) {
  return port ? `${namespace}/${service}:${port}` : `${namespace}/${service}`;
}

/**
 * statisticThreshold is a probability as xt_statistic stores it, a 31-bit fraction: a packet
 * matches when a random 31-bit number is below it. iptables-save prints it back, so 1/3,
 * written as 0.3333333333, reads 0.33333333349.
 */
export function statisticThreshold(probability: number): number {
  return Math.round(probability * 0x80000000);
}

function formatProbability(probability: number): string {
  return (statisticThreshold(probability) / 0x80000000).toFixed(11);
}

/**
 * endpointsFor merges a service port's EndpointSlices into the endpoints kube-proxy uses: the
 * ready ones, or when none is ready the serving terminating ones (v1.26+ fallback).
 */
export function endpointsFor(
  portName: string | undefined,
  protocol: string,
  slices: readonly EndpointSlice[],
): ServicePortEndpoint[] {
  const ready: ServicePortEndpoint[] = [];
  const terminating: ServicePortEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    if (slice.addressType === 'FQDN') continue;
    const port = (slice.ports ?? []).find(
      (p) => (p.name ?? '') === (portName ?? '') && (p.protocol ?? 'TCP') === protocol,
    );
    if (port?.port === undefined) continue;
    for (const endpoint of slice.endpoints ?? []) {
      const ip = endpoint.addresses[0];
      if (!ip || seen.has(`${ip}:${port.port}`)) continue;
      seen.add(`${ip}:${port.port}`);
      const entry: ServicePortEndpoint = {
        ip,
        port: port.port,
        ...(endpoint.nodeName ? { nodeName: endpoint.nodeName } : {}),
        ...(endpoint.targetRef?.kind === 'Pod'
          ? {
              pod: {
                namespace: endpoint.targetRef.namespace ?? slice.metadata.namespace ?? 'default',
                name: endpoint.targetRef.name,
              },
            }
          : {}),
      };
      // A missing ready condition means ready (discovery/v1 semantics).
      if (endpoint.conditions.ready !== false) ready.push(entry);
      else if (endpoint.conditions.serving && endpoint.conditions.terminating)
        terminating.push(entry);
    }
  }
  const chosen = ready.length > 0 ? ready : terminating;
  // The proxier sorts endpoints by their "ip:port" string before writing the SVC chain.
  return chosen.sort((a, b) => {
    const x = `${a.ip}:${a.port}`;
    const y = `${b.ip}:${b.port}`;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * serviceRules builds one Service's rules, port by port, as syncProxyRules writes them.
 * ExternalName and headless Services get none: DNS answers for them instead.
 */
export function serviceRules(
  svc: Service,
  slices: readonly EndpointSlice[],
  clusterCIDR: string,
): ServicePortRules[] {
  const clusterIP = svc.spec.clusterIP;
  if (svc.spec.type === 'ExternalName' || !clusterIP || clusterIP === 'None') return [];
  const namespace = svc.metadata.namespace ?? 'default';
  const out: ServicePortRules[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const protocol = sp.protocol.toLowerCase() as Protocol;
    const name = servicePortName(namespace, svc.metadata.name, sp.name);
    const svcChain = servicePortChainName(name, protocol);
    const extChain = serviceExternalChainName(name, protocol);
    const endpoints = endpointsFor(sp.name, sp.protocol, slices);
    const nodePort =
      svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' ? sp.nodePort : undefined;
    const loadBalancerIPs =
      svc.spec.type === 'LoadBalancer'
        ? (svc.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []))
        : [];
    const rules: ServicePortRules = {
      name,
      protocol,
      clusterIP,
      port: sp.port,
      ...(nodePort ? { nodePort } : {}),
      loadBalancerIPs,
      endpoints,
      services: [],
      nodePorts: [],
      chains: [],
    };
    out.push(rules);
    // Without endpoints the filter table REJECTs the traffic; the nat table has nothing for it.
    if (endpoints.length === 0) continue;
    rules.services.push({
      destination: `${clusterIP}/32`,
      protocol,
      comment: `${name} cluster IP`,
      dport: sp.port,
      jump: svcChain,
    });
    const svcRules: NatRule[] = [
      {
        notSource: clusterCIDR,
        destination: `${clusterIP}/32`,
        protocol,
        comment: `${name} cluster IP`,
        dport: sp.port,
        jump: KUBE_MARK_MASQ,
      },
    ];
    endpoints.forEach((endpoint, i) => {
      const address = `${endpoint.ip}:${endpoint.port}`;
      const sepChain = servicePortEndpointChainName(name, protocol, address);
      const remaining = endpoints.length - i;
      svcRules.push({
        comment: `${name} -> ${address}`,
        ...(remaining > 1 ? { probability: 1 / remaining } : {}),
        jump: sepChain,
      });
      rules.chains.push({
        name: sepChain,
        rules: [
          { source: `${endpoint.ip}/32`, comment: name, jump: KUBE_MARK_MASQ },
          {
            protocol,
            comment: name,
            jump: 'DNAT',
            targetOptions: `--to-destination ${address}`,
            toDestination: { ip: endpoint.ip, port: endpoint.port },
          },
        ],
      });
    });
    rules.chains.push({ name: svcChain, rules: svcRules });
    // Traffic to a load balancer's address enters like a node port's: through KUBE-EXT-.
    for (const ip of loadBalancerIPs)
      rules.services.push({
        destination: `${ip}/32`,
        protocol,
        comment: `${name} loadbalancer IP`,
        dport: sp.port,
        jump: extChain,
      });
    if (nodePort)
      rules.nodePorts.push({ protocol, comment: name, dport: nodePort, jump: extChain });
    if (nodePort || loadBalancerIPs.length > 0) {
      rules.chains.push({
        name: extChain,
        rules: [
          {
            comment: `masquerade traffic for ${name} external destinations`,
            jump: KUBE_MARK_MASQ,
          },
          { jump: svcChain },
        ],
      });
    }
  }
  return out;
}

/** fixedChains are the chains kube-proxy writes whatever the Services. */
function fixedChains(): NatChain[] {
  return [
    {
      name: 'PREROUTING',
      rules: [{ comment: 'kubernetes service portals', jump: KUBE_SERVICES }],
    },
    { name: 'INPUT', rules: [] },
    { name: 'OUTPUT', rules: [{ comment: 'kubernetes service portals', jump: KUBE_SERVICES }] },
    {
      name: 'POSTROUTING',
      rules: [{ comment: 'kubernetes postrouting rules', jump: KUBE_POSTROUTING }],
    },
    { name: 'KUBE-KUBELET-CANARY', rules: [] },
    {
      name: KUBE_MARK_MASQ,
      rules: [{ jump: 'MARK', targetOptions: '--set-xmark 0x4000/0x4000' }],
    },
    {
      name: KUBE_POSTROUTING,
      rules: [
        { mark: '! --mark 0x4000/0x4000', jump: 'RETURN' },
        { jump: 'MARK', targetOptions: '--set-xmark 0x4000/0x0' },
        {
          comment: 'kubernetes service traffic requiring SNAT',
          jump: 'MASQUERADE',
          targetOptions: '--random-fully',
        },
      ],
    },
    { name: 'KUBE-PROXY-CANARY', rules: [] },
  ];
}

const BUILT_IN = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];

/**
 * natTable assembles a node's nat table from its service ports: built-in chains first, then
 * kube-proxy's chains in name order (libiptc keeps user chains sorted).
 */
export function natTable(ports: readonly ServicePortRules[]): NatChain[] {
  const sorted = [...ports].sort((a, b) =>
    a.name === b.name ? a.protocol.localeCompare(b.protocol) : a.name < b.name ? -1 : 1,
  );
  const services: NatRule[] = sorted.flatMap((p) => p.services);
  services.push({
    comment: 'kubernetes service nodeports; NOTE: this must be the last rule in this chain',
    localDestination: true,
    jump: KUBE_NODEPORTS,
  });
  const chains = [
    ...fixedChains(),
    { name: KUBE_SERVICES, rules: services },
    { name: KUBE_NODEPORTS, rules: sorted.flatMap((p) => p.nodePorts) },
    ...sorted.flatMap((p) => p.chains),
  ];
  const builtIn = BUILT_IN.map((name) => chains.find((c) => c.name === name)!);
  const own = chains
    .filter((c) => !BUILT_IN.includes(c.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtIn, ...own];
}

/** formatRule prints one rule as iptables-save does. */
export function formatRule(chain: string, rule: NatRule): string {
  let line = `-A ${chain}`;
  if (rule.source) line += ` -s ${rule.source}`;
  if (rule.notSource) line += ` ! -s ${rule.notSource}`;
  if (rule.destination) line += ` -d ${rule.destination}`;
  if (rule.protocol) line += ` -p ${rule.protocol}`;
  if (rule.comment) line += ` -m comment --comment "${rule.comment}"`;
  if (rule.mark) line += ` -m mark ${rule.mark}`;
  if (rule.localDestination) line += ' -m addrtype --dst-type LOCAL';
  if (rule.protocol) line += ` -m ${rule.protocol}`;
  if (rule.dport !== undefined) line += ` --dport ${rule.dport}`;
  if (rule.probability !== undefined)
    line += ` -m statistic --mode random --probability ${formatProbability(rule.probability)}`;
  line += ` -j ${rule.jump}`;
  if (rule.targetOptions) line += ` ${rule.targetOptions}`;
  return line;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime formats a time as C's ctime() does (UTC): "Mon Jan  5 09:00:00 2026". */
function ctime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** The iptables an Ubuntu 22.04 kubeadm node has. */
const IPTABLES_VERSION = 'v1.8.7 (nf_tables)';

/** saveTable prints one table as iptables-save does: a header per chain, then every rule. */
function saveTable(
  table: string,
  chains: readonly { name: string; lines: string[] }[],
  now: number,
) {
  const builtIn = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];
  const lines = [`# Generated by iptables-save ${IPTABLES_VERSION} on ${ctime(now)}`, `*${table}`];
  for (const chain of chains)
    lines.push(`:${chain.name} ${builtIn.includes(chain.name) ? 'ACCEPT [0:0]' : '- [0:0]'}`);
  for (const chain of chains) lines.push(...chain.lines);
  lines.push('COMMIT', `# Completed on ${ctime(now)}`);
  return `${lines.join('\n')}\n`;
}

/** iptablesSave prints a nat table as `iptables-save -t nat` does. */
export function iptablesSave(chains: readonly NatChain[], now: number): string {
  const printed = chains.map((c) => ({
    name: c.name,
    lines: c.rules.map((r) => formatRule(c.name, r)),
  }));
  return saveTable('nat', printed, now);
}

const NEW = '-m conntrack --ctstate NEW';

/**
 * filterTableSave prints the filter table kube-proxy (and the kubelet's KUBE-FIREWALL) keep, as
 * `iptables-save -t filter` does: where a Service without endpoints is REJECTed.
 */
export function filterTableSave(ports: readonly ServicePortRules[], now: number): string {
  const empty = [...ports]
    .filter((p) => p.endpoints.length === 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const reject = '--reject-with icmp-port-unreachable';
  const jump = (chain: string, target: string, comment: string, newOnly = true) =>
    `-A ${chain}${newOnly ? ` ${NEW}` : ''} -m comment --comment "${comment}" -j ${target}`;
  const chains = [
    {
      name: 'INPUT',
      lines: [
        jump('INPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall'),
        jump('INPUT', KUBE_NODEPORTS, 'kubernetes health check service ports', false),
        jump('INPUT', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals'),
        '-A INPUT -j KUBE-FIREWALL',
      ],
    },
    {
      name: 'FORWARD',
      lines: [
        jump('FORWARD', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall'),
        jump('FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules', false),
        jump('FORWARD', KUBE_SERVICES, 'kubernetes service portals'),
        jump('FORWARD', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals'),
      ],
    },
    {
      name: 'OUTPUT',
      lines: [
        jump('OUTPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall'),
        jump('OUTPUT', KUBE_SERVICES, 'kubernetes service portals'),
        '-A OUTPUT -j KUBE-FIREWALL',
      ],
    },
    {
      name: 'KUBE-EXTERNAL-SERVICES',
      lines: empty.flatMap((p) => [
        ...p.loadBalancerIPs.map(
          (ip) =>
            `-A KUBE-EXTERNAL-SERVICES -d ${ip}/32 -p ${p.protocol} -m comment --comment "${p.name} has no endpoints" -m ${p.protocol} --dport ${p.port} -j REJECT ${reject}`,
        ),
        ...(p.nodePort
          ? [
              `-A KUBE-EXTERNAL-SERVICES -p ${p.protocol} -m comment --comment "${p.name} has no endpoints" -m addrtype --dst-type LOCAL -m ${p.protocol} --dport ${p.nodePort} -j REJECT ${reject}`,
            ]
          : []),
      ]),
    },
    {
      name: 'KUBE-FIREWALL',
      lines: [
        '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
      ],
    },
    {
      name: 'KUBE-FORWARD',
      lines: [
        '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      ],
    },
    { name: 'KUBE-KUBELET-CANARY', lines: [] },
    { name: KUBE_NODEPORTS, lines: [] },
    { name: 'KUBE-PROXY-CANARY', lines: [] },
    { name: 'KUBE-PROXY-FIREWALL', lines: [] },
    {
      name: KUBE_SERVICES,
      lines: empty.map(
        (p) =>
          `-A KUBE-SERVICES -d ${p.clusterIP}/32 -p ${p.protocol} -m comment --comment "${p.name} has no endpoints" -m ${p.protocol} --dport ${p.port} -j REJECT ${reject}`,
      ),
    },
  ];
  return saveTable('filter', chains, now);
}
