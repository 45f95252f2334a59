import type { Ingress } from '../api/config-types';
import type { Namespace, Node, Pod } from '../api/types';
import type { Random } from '../clock';
import type { RuntimeContainer } from '../runtime/containerd';
import { normalizeImage } from '../runtime/images';
import { CLUSTER_DNS_IP, type ClusterDns, type DnsAnswer } from './dns';
import { kubeProxyComponent, type KubeProxy } from './kube-proxy';
import { KUBE_SERVICES, statisticThreshold, type NatChain, type NatRule } from './rules';
import { ingressNginxPage, route } from './ingress';
import { evaluate, namespaceLabels, type PolicyPeer, type PolicyVerdict } from './policy';
import { httpAnswer, type HttpAnswer } from './servers';
import type { NetworkPolicy } from './types';

/** Where a request starts: inside a pod, on a node (ssh), or on a machine outside the cluster. */
export type TrafficOrigin =
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; node: string }
  | { kind: 'external' };

/**
 * A TrafficHop is one leg of a request for the graph to animate: a DNS query, the packet
 * reaching a node's kube-proxy rules, the DNATed (L4) or proxied (L7, an ingress controller)
 * connection to a pod, a NetworkPolicy dropping it, or the response.
 */
export interface TrafficHop {
  from: string;
  to: string;
  verb: 'DNS' | 'connect' | 'DNAT' | 'proxy' | 'DROP' | 'response';
  detail: string;
}

/** A denial names the pod whose policies dropped the packet, the direction, and those policies. */
export interface PolicyDenial {
  pod: { namespace: string; name: string };
  direction: 'Ingress' | 'Egress';
  policies: string[];
}

export type TrafficOutcome =
  | { type: 'answer'; answer: HttpAnswer; pod?: { namespace: string; name: string } }
  /** the server closed the connection without an HTTP response (not an HTTP server) */
  | { type: 'empty' }
  /** a TCP RST: nothing listens, or iptables REJECTs a Service without endpoints */
  | { type: 'refused' }
  /** SYNs go unanswered (no route to the address) until the kernel gives up */
  | { type: 'timeout'; afterMs: number; deniedBy?: PolicyDenial }
  | { type: 'unresolved'; deniedBy?: PolicyDenial };

export interface TrafficResult {
  host: string;
  /** the address the client connected to (after DNS) */
  ip?: string;
  port: number;
  path: string;
  outcome: TrafficOutcome;
  /** the iptables chains the packet went through, in order */
  chains: string[];
  hops: TrafficHop[];
  /** the DNS answer, when the host was a name */
  dns?: DnsAnswer;
}

/** A DnsQuery is what became of one query: CoreDNS's answer, or none when it was dropped. */
export interface DnsQuery {
  answer?: DnsAnswer;
  hop: TrafficHop;
}

/** A SYN that nobody answers: Linux retries 6 times (tcp_syn_retries) over about 130 seconds. */
const SYN_TIMEOUT_MS = 130_000;
const CLUSTER_CIDR_PREFIX = '10.244.';
/** Three unanswered ARP requests, a second apart: then connect() fails with EHOSTUNREACH. */
const ARP_FAILURE_MS = 3_000;

export interface NetworkDeps {
  dns: ClusterDns;
  proxies: ReadonlyMap<string, KubeProxy>;
  rng: Random;
  pods: () => Pod[];
  nodes: () => Node[];
  containers: (node: string, podUid: string) => RuntimeContainer[];
  /** whether a node's machine is on: a powered-off node answers nothing, not even a RST */
  nodeUp: (node: string) => boolean;
  /** the API server's address behind the kubernetes Service */
  apiServer: () => { ip: string; port: number } | undefined;
  /** the node whose MetalLB speaker answers ARP for a load-balancer address */
  announcer: (ip: string) => string | undefined;
  policies: () => NetworkPolicy[];
  namespaces: () => Namespace[];
  /** the ingress controller: its Ready pod and the Ingresses it serves */
  ingress: { controllerPod: () => Pod | undefined; served: () => Ingress[] };
  /** a Service port's ready endpoints, as an ingress controller reads them from EndpointSlices */
  serviceEndpoints: (
    namespace: string,
    service: string,
    port: { name?: string; number?: number },
  ) => { ip: string; port: number }[];
}

/** CoreDNS as a NetworkPolicy sees it: pods labelled k8s-app=kube-dns in kube-system. */
const COREDNS_PEER_POD = {
  metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
  spec: { containers: [] },
} as unknown as Pod;

/** parseUrl reads `http://host:port/path`, `host:port`, `host/path` (curl's and wget's defaults). */
export function parseUrl(url: string): {
  scheme: string;
  host: string;
  port: number;
  path: string;
} {
  const match = /^(?:([a-z]+):\/\/)?([^/:?#]*)(?::(\d+))?([^?#]*)/i.exec(url)!;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const port = match[3] ? Number(match[3]) : scheme === 'https' ? 443 : 80;
  return { scheme, host: match[2] ?? '', port, path: match[4] || '/' };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Network is the traffic model: a request resolves its host through CoreDNS, enters the rules
 * kube-proxy wrote on the node it passes, is DNATed to one endpoint (chosen as the kernel's
 * statistic match does), and is answered by the container listening there, if any.
 */
export class Network {
  constructor(private readonly deps: NetworkDeps) {}

  request(origin: TrafficOrigin, url: string, hostHeader?: string): TrafficResult {
    const { host, port, path } = parseUrl(url);
    const client = this.describe(origin);
    const result: TrafficResult = {
      host,
      port,
      path,
      chains: [],
      hops: [],
      outcome: { type: 'unresolved' },
    };
    const clientPod =
      origin.kind === 'pod' ? this.podNamed(origin.namespace, origin.name) : undefined;
    /** the client's own address: its pod's, its node's, or the outside machine's */
    const sourceIP =
      clientPod?.status.podIP ??
      this.nodeIP(origin.kind === 'node' ? origin.node : undefined) ??
      this.externalClientIP();
    let ip = IPV4.test(host) ? host : undefined;
    // /etc/hosts first: localhost and the pod's own hostname are the pod itself, a node's
    // localhost is the node.
    const ownName = clientPod ? (clientPod.spec.hostname ?? clientPod.metadata.name) : undefined;
    if (host === 'localhost' || host === ownName || host.startsWith('127.')) ip = sourceIP;
    if (!ip && clientPod) {
      const dnsVerdict = this.dnsDenial(clientPod);
      if (dnsVerdict) {
        result.hops.push(this.dropHop(client, 'coredns', dnsVerdict));
        result.outcome = { type: 'unresolved', deniedBy: dnsVerdict };
        return result;
      }
      const answer = this.deps.dns.resolve(host, clientPod.metadata.namespace ?? 'default');
      result.dns = answer;
      result.hops.push({
        from: client,
        to: 'coredns',
        verb: 'DNS',
        detail:
          answer.rcode === 'NOERROR' && answer.addresses[0]
            ? `A ${answer.name} → ${answer.addresses[0]}`
            : `A ${host} → ${answer.rcode}`,
      });
      ip = answer.rcode === 'NOERROR' ? answer.addresses[0] : undefined;
    }
    if (!ip) return result;
    result.ip = ip;
    const targetNode = this.nodeWithIP(ip);
    if (targetNode && !this.deps.nodeUp(targetNode)) {
      result.outcome = { type: 'timeout', afterMs: SYN_TIMEOUT_MS };
      return result;
    }
    // From outside, a load-balancer address is reached through the node whose speaker answers ARP.
    const announcer =
      !targetNode && origin.kind === 'external' ? this.deps.announcer(ip) : undefined;
    const rulesNode =
      targetNode ??
      announcer ??
      (origin.kind === 'pod'
        ? clientPod?.spec.nodeName
        : origin.kind === 'node'
          ? origin.node
          : undefined);
    const proxy = rulesNode ? this.deps.proxies.get(rulesNode) : undefined;
    let destination = { ip, port };
    if (proxy) {
      result.hops.push({
        from: client,
        to: kubeProxyComponent(proxy.node),
        verb: 'connect',
        detail: `${ip}:${port}`,
      });
      const walk = this.traverse(proxy.natChains(), {
        source: sourceIP ?? '',
        destination: ip,
        port,
        local: targetNode === proxy.node,
      });
      result.chains = walk.chains;
      if (walk.dnat) destination = walk.dnat;
      else if (this.rejects(proxy, ip, port, targetNode === proxy.node)) {
        result.outcome = { type: 'refused' };
        return result;
      }
    } else if (origin.kind === 'external' && !targetNode) {
      // On the nodes' own subnet nobody answers ARP for the address: the host is unreachable
      // after the kernel's three ARP probes; anywhere else the SYNs go unanswered.
      const sameSubnet =
        ip.replace(/\.\d+$/, '') === this.externalClientIP()?.replace(/\.\d+$/, '');
      result.outcome = { type: 'timeout', afterMs: sameSubnet ? ARP_FAILURE_MS : SYN_TIMEOUT_MS };
      return result;
    }
    const via = proxy ? kubeProxyComponent(proxy.node) : client;
    // Traffic that came through a node's rules from off the pod network is masqueraded to it.
    const seenSource =
      origin.kind !== 'pod' && proxy ? (this.nodeIP(proxy.node) ?? sourceIP) : sourceIP;
    const target = this.findTarget(destination);
    if (!target.pod) {
      result.outcome = target.outcome;
      return result;
    }
    const pod = target.pod;
    const ref = { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name };
    const denied = this.check(
      { ip: seenSource ?? '', ...(clientPod ? { pod: clientPod } : {}) },
      { ip: destination.ip, pod },
      destination.port,
      'TCP',
    );
    if (denied) {
      result.hops.push(this.dropHop(via, `pod/${pod.metadata.name}`, denied));
      result.outcome = { type: 'timeout', afterMs: SYN_TIMEOUT_MS, deniedBy: denied };
      return result;
    }
    result.hops.push({
      from: via,
      to: `pod/${pod.metadata.name}`,
      verb: destination.ip === ip ? 'connect' : 'DNAT',
      detail:
        destination.ip === ip
          ? `${ip}:${port}`
          : `DNAT ${ip}:${port} → ${destination.ip}:${destination.port}`,
    });
    const controller = this.deps.ingress.controllerPod();
    if (
      controller?.metadata.uid === pod.metadata.uid &&
      (destination.port === 80 || destination.port === 443)
    ) {
      this.proxyThroughIngress(
        result,
        client,
        pod,
        hostHeader ?? host,
        path,
        destination.port === 443,
      );
      return result;
    }
    const served = this.serve(pod, destination.port, path);
    result.outcome = served.type === 'answer' ? { ...served, pod: ref } : served;
    if (served.type === 'answer')
      result.hops.push({
        from: `pod/${pod.metadata.name}`,
        to: client,
        verb: 'response',
        detail: `HTTP/1.1 ${served.answer.status}`,
      });
    return result;
  }

  /**
   * proxyThroughIngress is the L7 leg: the ingress controller matches the Host and path against
   * its Ingresses and opens its own connection to one endpoint of the backend Service (not
   * through the ClusterIP), then relays the answer.
   */
  private proxyThroughIngress(
    result: TrafficResult,
    client: string,
    controller: Pod,
    host: string,
    path: string,
    /** whether the request came in on the TLS port */
    tls: boolean,
  ): void {
    const from = `pod/${controller.metadata.name}`;
    const respond = (answer: HttpAnswer, pod?: { namespace: string; name: string }) => {
      result.outcome = { type: 'answer', answer, ...(pod ? { pod } : {}) };
      result.hops.push({ from, to: client, verb: 'response', detail: `HTTP/1.1 ${answer.status}` });
    };
    const ingresses = this.deps.ingress.served();
    const chosen = route(ingresses, host, path);
    // ssl-redirect (on by default): plain HTTP to a host with a TLS section is sent to HTTPS.
    const tlsHost = ingresses.some((ing) =>
      (ing.spec.tls ?? []).some((t) => (t.hosts ?? []).includes(host)),
    );
    if (!tls && tlsHost && chosen.ingress) return respond(ingressNginxPage(308));
    const service = chosen.backend?.service;
    if (!chosen.ingress || !service) return respond(ingressNginxPage(404));
    const endpoints = this.deps.serviceEndpoints(
      chosen.ingress.namespace,
      service.name,
      service.port ?? {},
    );
    if (endpoints.length === 0) return respond(ingressNginxPage(503));
    const endpoint = endpoints[this.deps.rng.int(endpoints.length)]!;
    const target = this.findTarget(endpoint);
    const rule = `${chosen.host === '*' ? '' : chosen.host}${chosen.path ?? ''}`;
    const backend = `${chosen.ingress.namespace}/${service.name}:${service.port?.name ?? service.port?.number ?? ''}`;
    if (!target.pod) {
      result.outcome = target.outcome;
      return;
    }
    const pod = target.pod;
    const denied = this.check(
      { ip: controller.status.podIP ?? '', pod: controller },
      { ip: endpoint.ip, pod },
      endpoint.port,
      'TCP',
    );
    if (denied) {
      result.hops.push(this.dropHop(from, `pod/${pod.metadata.name}`, denied));
      // nginx gives up on the upstream after proxy_connect_timeout (60s) and answers 504.
      return respond(ingressNginxPage(504));
    }
    result.hops.push({
      from,
      to: `pod/${pod.metadata.name}`,
      verb: 'proxy',
      detail: `GET ${rule || '/'} → ${backend} (${endpoint.ip}:${endpoint.port})`,
    });
    const served = this.serve(pod, endpoint.port, path);
    if (served.type !== 'answer') {
      // nginx answers 502 when the upstream refuses or closes the connection.
      return respond(ingressNginxPage(502));
    }
    result.hops.push({
      from: `pod/${pod.metadata.name}`,
      to: from,
      verb: 'response',
      detail: `HTTP/1.1 ${served.answer.status}`,
    });
    respond(served.answer, {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
    });
  }

  /**
   * check applies NetworkPolicies to a connection, as the CNI enforces them: the client pod's
   * egress policies, then the server pod's ingress policies. It returns the denial, if any.
   */
  private check(
    source: PolicyPeer,
    destination: PolicyPeer,
    port: number,
    protocol: 'TCP' | 'UDP',
    only?: 'Egress',
  ): PolicyDenial | undefined {
    const policies = this.deps.policies();
    if (policies.length === 0) return undefined;
    const namespaces = this.deps.namespaces();
    const withLabels = (peer: PolicyPeer): PolicyPeer =>
      peer.pod
        ? {
            ...peer,
            namespaceLabels: namespaceLabels(
              namespaces,
              peer.pod.metadata.namespace ?? 'default',
            ) ?? {
              'kubernetes.io/metadata.name': peer.pod.metadata.namespace ?? 'default',
            },
          }
        : peer;
    const connection = {
      source: withLabels(source),
      destination: withLabels(destination),
      port,
      protocol,
    };
    const verdicts: [PolicyVerdict, Pod | undefined][] = [
      [evaluate(policies, connection, 'Egress'), source.pod],
    ];
    if (only !== 'Egress')
      verdicts.push([evaluate(policies, connection, 'Ingress'), destination.pod]);
    for (const [verdict, pod] of verdicts) {
      if (verdict.allowed || !pod) continue;
      return {
        pod: { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name },
        direction: verdict.direction,
        policies: verdict.isolatedBy,
      };
    }
    return undefined;
  }

  private dropHop(from: string, to: string, denial: PolicyDenial): TrafficHop {
    return {
      from,
      to,
      verb: 'DROP',
      detail: `NetworkPolicy ${denial.policies.join(', ')} (${denial.direction.toLowerCase()} of ${denial.pod.namespace}/${denial.pod.name})`,
    };
  }

  /** externalClientIP: the outside machine sits on the nodes' subnet, at its first address. */
  private externalClientIP(): string | undefined {
    const first = this.nodeIP(this.deps.nodes()[0]?.metadata.name);
    return first?.replace(/\.\d+$/, '.1');
  }

  /**
   * query is one DNS query from a pod, as nslookup sends it (no search path: the tool picks the
   * names): the pod's egress policies may drop it on the way to CoreDNS, which then never
   * answers. The hop is the query, or the drop.
   */
  query(origin: { namespace: string; name: string }, fqdn: string): DnsQuery {
    const client = this.describe({ kind: 'pod', ...origin });
    const dropped = this.dnsDropped(origin, client);
    if (dropped) return { hop: dropped };
    const answer = this.deps.dns.lookup(fqdn);
    const found = answer.rcode === 'NOERROR' ? (answer.addresses[0] ?? answer.cname) : undefined;
    return {
      answer,
      hop: {
        from: client,
        to: 'coredns',
        verb: 'DNS',
        detail: `A ${answer.name} → ${found ?? answer.rcode}`,
      },
    };
  }

  /**
   * reverseQuery is a PTR query from a pod (what a C library's getnameinfo sends): the name an
   * address has; none for NXDOMAIN, or when it is dropped on the way as any query can be.
   */
  reverseQuery(
    origin: { namespace: string; name: string },
    ip: string,
  ): { name?: string; hop: TrafficHop } {
    const client = this.describe({ kind: 'pod', ...origin });
    const dropped = this.dnsDropped(origin, client);
    if (dropped) return { hop: dropped };
    const name = this.deps.dns.reverse(ip);
    const arpa = `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
    return {
      ...(name ? { name } : {}),
      hop: {
        from: client,
        to: 'coredns',
        verb: 'DNS',
        detail: `PTR ${arpa} → ${name ?? 'NXDOMAIN'}`,
      },
    };
  }

  /** dnsDropped: the hop that drops a pod's query to CoreDNS, if its egress policies do. */
  private dnsDropped(
    origin: { namespace: string; name: string },
    client: string,
  ): TrafficHop | undefined {
    const pod = this.podNamed(origin.namespace, origin.name);
    const denied = pod ? this.dnsDenial(pod) : undefined;
    return denied ? this.dropHop(client, 'coredns', denied) : undefined;
  }

  /** dnsDenial: the policies that keep a pod's queries from CoreDNS (UDP 53 egress), if any. */
  private dnsDenial(pod: Pod): PolicyDenial | undefined {
    return this.check(
      { ip: pod.status.podIP ?? '', pod },
      { ip: CLUSTER_DNS_IP, pod: COREDNS_PEER_POD },
      53,
      'UDP',
      'Egress',
    );
  }

  private describe(origin: TrafficOrigin): string {
    if (origin.kind === 'pod') return `pod/${origin.name}`;
    if (origin.kind === 'node') return `node/${origin.node}`;
    return 'client';
  }

  private podNamed(namespace: string, name: string): Pod | undefined {
    return this.deps
      .pods()
      .find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  }

  private nodeIP(node: string | undefined): string | undefined {
    const found = node ? this.deps.nodes().find((n) => n.metadata.name === node) : undefined;
    return found?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  }

  private nodeWithIP(ip: string): string | undefined {
    return this.deps
      .nodes()
      .find((n) => n.status.addresses.some((a) => a.type === 'InternalIP' && a.address === ip))
      ?.metadata.name;
  }

  /**
   * traverse walks the nat table from KUBE-SERVICES as netfilter does: the first matching rule
   * wins, a jump descends into a chain and falls back out at its end, DNAT ends the walk.
   */
  private traverse(
    chains: readonly NatChain[],
    packet: { source: string; destination: string; port: number; local: boolean },
  ): { chains: string[]; dnat?: { ip: string; port: number } } {
    const byName = new Map(chains.map((c) => [c.name, c.rules]));
    const visited: string[] = [];
    const walk = (name: string): { ip: string; port: number } | undefined => {
      visited.push(name);
      for (const rule of byName.get(name) ?? []) {
        if (!this.matches(rule, packet)) continue;
        if (rule.jump === 'DNAT') return rule.toDestination;
        if (rule.jump === 'RETURN') return undefined;
        if (byName.has(rule.jump) && rule.jump !== 'KUBE-MARK-MASQ') {
          const dnat = walk(rule.jump);
          if (dnat) return dnat;
        }
      }
      return undefined;
    };
    const dnat = walk(KUBE_SERVICES);
    return { chains: visited, ...(dnat ? { dnat } : {}) };
  }

  private matches(
    rule: NatRule,
    packet: { source: string; destination: string; port: number; local: boolean },
  ): boolean {
    if (rule.destination && rule.destination !== `${packet.destination}/32`) return false;
    if (rule.source && rule.source !== `${packet.source}/32`) return false;
    if (rule.protocol && rule.protocol !== 'tcp') return false;
    if (rule.dport !== undefined && rule.dport !== packet.port) return false;
    if (rule.localDestination && !packet.local) return false;
    if (rule.probability !== undefined) {
      // xt_statistic: (get_random_u32() & 0x7FFFFFFF) < probability stored as a 31-bit fraction
      const draw = Math.floor(this.deps.rng.next() * 0x80000000);
      if (draw >= statisticThreshold(rule.probability)) return false;
    }
    return true;
  }

  /** rejects: the filter table's REJECT for a Service (or node port) with no endpoints. */
  private rejects(proxy: KubeProxy, ip: string, port: number, local: boolean): boolean {
    return proxy
      .servicePorts()
      .some(
        (p) =>
          p.endpoints.length === 0 &&
          (((p.clusterIP === ip || p.loadBalancerIPs.includes(ip)) && p.port === port) ||
            (local && p.nodePort === port)),
      );
  }

  /** findTarget: whatever owns the address, a pod (Running), or the outcome when none answers. */
  private findTarget(destination: { ip: string; port: number }): {
    outcome: TrafficOutcome;
    pod?: Pod;
  } {
    const apiServer = this.deps.apiServer();
    if (destination.ip === apiServer?.ip && destination.port === apiServer.port)
      return { outcome: { type: 'answer', answer: httpAnswer({ kind: 'apiserver' }, '/')! } };
    if (this.nodeWithIP(destination.ip)) return { outcome: { type: 'refused' } };
    const pod = this.deps
      .pods()
      .find((p) => p.status.podIP === destination.ip && p.status.phase === 'Running');
    if (!pod?.spec.nodeName) {
      return {
        outcome: destination.ip.startsWith(CLUSTER_CIDR_PREFIX)
          ? { type: 'timeout', afterMs: 3_000 }
          : { type: 'timeout', afterMs: SYN_TIMEOUT_MS },
      };
    }
    return { outcome: { type: 'empty' }, pod };
  }

  /** serve: the pod's container listening on the port answers `GET path`, if anything listens. */
  private serve(pod: Pod, port: number, path: string): TrafficOutcome {
    if (!this.deps.nodeUp(pod.spec.nodeName!)) return { type: 'timeout', afterMs: 3_000 };
    const server = this.deps
      .containers(pod.spec.nodeName!, pod.metadata.uid)
      .find((c) => c.state === 'running' && c.listens.includes(port));
    if (!server) return { type: 'refused' };
    const { repository, tag } = normalizeImage(server.image);
    const hostname = pod.spec.hostname ?? pod.metadata.name;
    const answer = httpAnswer({ kind: 'image', repository, tag, hostname }, path);
    return answer ? { type: 'answer', answer } : { type: 'empty' };
  }
}
