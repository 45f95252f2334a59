import type { ApiServer } from '../apiserver/apiserver';
import type { EndpointSlice, Namespace, Node, Pod, Service } from '../api/types';
import type { Clock, Random } from '../clock';
import { objectRef } from '../apiserver/apiserver';
import type { HopDraft } from '../hops';
import type { Transport } from '../transport';
import type { Kubelet } from '../kubelet/kubelet';
import type { RuntimeContainer } from '../runtime/containerd';
import { imageEnv, imageNslookup, imageTools } from '../runtime/images';
import {
  CLUSTER_DOMAIN,
  ClusterDns,
  CLUSTER_DNS_IP,
  resolvConf,
  searchPath,
  type DnsAnswer,
} from './dns';
import { IngressNginx } from './ingress';
import { KubeProxy } from './kube-proxy';
import { MetalLB } from './metallb';
import { endpointsFor, sliceServiceKey, type NatChain } from './rules';
import { curl, type ContainerNetwork, type ToolRun } from './tools';
import { Network, type TrafficHop, type TrafficOrigin, type TrafficResult } from './traffic';
import type { NetworkPolicy } from './types';

/** How long each leg of a request takes to show in the hop log (a LAN round trip, in ms). */
const TRAFFIC_HOP_MS = 1;

/** The tables kubeloop models: where kube-proxy's rules live. */
const TABLES = ['nat', 'filter'] as const;

export type HostOrigin = Exclude<TrafficOrigin, { kind: 'pod' }>;

/** The pod network kubeadm's podSubnet (and the course's CNI) hands out node /24s from. */
export const CLUSTER_CIDR = '10.244.0.0/16';

/**
 * serviceEnv is what the kubelet injects for each Service (pkg/kubelet/envvars): the
 * {SVC}_SERVICE_HOST/_PORT variables and the Docker-link style {SVC}_PORT_* ones.
 */
export function serviceEnv(services: readonly Service[]): string[] {
  const out: string[] = [];
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    const ports = svc.spec.ports ?? [];
    if (!ip || ip === 'None' || ports.length === 0) continue;
    const name = svc.metadata.name.toUpperCase().replace(/-/g, '_');
    out.push(`${name}_SERVICE_HOST=${ip}`, `${name}_SERVICE_PORT=${ports[0]!.port}`);
    for (const p of ports)
      if (p.name)
        out.push(`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}=${p.port}`);
    ports.forEach((p, i) => {
      const protocol = p.protocol.toLowerCase();
      const url = `${protocol}://${ip}:${p.port}`;
      const prefix = `${name}_PORT_${p.port}_${p.protocol.toUpperCase()}`;
      if (i === 0) out.push(`${name}_PORT=${url}`);
      out.push(
        `${prefix}=${url}`,
        `${prefix}_PROTO=${protocol}`,
        `${prefix}_PORT=${p.port}`,
        `${prefix}_ADDR=${ip}`,
      );
    });
  }
  return out;
}

/** podHostsFile is the /etc/hosts the kubelet writes for a pod on the pod network. */
export function podHostsFile(pod: Pod): string {
  const hostname = pod.spec.hostname ?? pod.metadata.name;
  const fqdn = pod.spec.subdomain
    ? `${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${CLUSTER_DOMAIN}\t`
    : '';
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${pod.status.podIP ?? ''}\t${fqdn}${hostname}`,
    '',
  ].join('\n');
}

/**
 * ClusterNetwork is the data plane: a kube-proxy per node, CoreDNS, the traffic model, and each
 * container's view of them (hostname, resolv.conf, service env vars, curl/wget/nslookup).
 */
export class ClusterNetwork {
  readonly proxies = new Map<string, KubeProxy>();
  readonly dns: ClusterDns;
  /** MetalLB, once learners install it: LoadBalancer addresses and who announces them */
  readonly metallb: MetalLB;
  /** ingress-nginx, once learners install it: the L7 routes of Ingresses of class nginx */
  readonly ingressNginx: IngressNginx;
  private readonly traffic: Network;
  /** the DNS queries sent at the current instant, so they animate one after another */
  private queries = { at: -1, sent: 0 };

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
    kubelets: ReadonlyMap<string, Kubelet>,
    rng: Random,
    private readonly transport: Transport,
  ) {
    const pods = () => this.api.list('pods') as Pod[];
    const nodes = () => this.api.list('nodes') as Node[];
    this.metallb = new MetalLB(api, clock, nodes);
    this.ingressNginx = new IngressNginx(api, clock, nodes);
    this.dns = new ClusterDns(api, (namespace, name) =>
      (this.api.list('pods', namespace) as Pod[]).find((p) => p.metadata.name === name),
    );
    for (const name of kubelets.keys())
      this.proxies.set(name, new KubeProxy(api, clock, name, CLUSTER_CIDR));
    this.traffic = new Network({
      dns: this.dns,
      proxies: this.proxies,
      rng,
      pods,
      nodes,
      containers: (node, podUid) => kubelets.get(node)?.runtime.containersOf(podUid) ?? [],
      nodeUp: (node) => kubelets.get(node)?.isUp ?? false,
      apiServer: () => this.apiServerEndpoint(),
      announcer: (ip) => this.metallb.announcer(ip),
      policies: () => this.api.list('networkpolicies') as NetworkPolicy[],
      namespaces: () => this.api.list('namespaces') as Namespace[],
      ingress: {
        controllerPod: () => this.ingressNginx.controllerPod(),
        served: () => this.ingressNginx.served(),
      },
      serviceEndpoints: (namespace, service, port) =>
        this.serviceEndpoints(namespace, service, port),
    });
    for (const kubelet of kubelets.values())
      kubelet.runtime.connectNetwork((container) => this.containerNetwork(container));
  }

  start(): void {
    this.dns.start();
    this.metallb.start();
    this.ingressNginx.start();
    for (const proxy of this.proxies.values()) proxy.start();
  }

  /** join starts kube-proxy on a node that joined after the cluster started and plugs in its runtime. */
  join(name: string, kubelet: Kubelet): void {
    kubelet.runtime.connectNetwork((container) => this.containerNetwork(container));
    this.powerOn(name);
  }

  /** powerOff: the node's kube-proxy stops with the machine; its rules go with the kernel's state. */
  powerOff(name: string): void {
    this.proxies.get(name)?.stop();
  }

  /** powerOn boots the node's kube-proxy afresh: it lists everything and writes all its rules again. */
  powerOn(name: string): void {
    const proxy = new KubeProxy(this.api, this.clock, name, CLUSTER_CIDR);
    this.proxies.set(name, proxy);
    proxy.start();
  }

  /** request sends an HTTP GET through the cluster network and says what happened on the way. */
  request(origin: TrafficOrigin, url: string, hostHeader?: string): TrafficResult {
    return this.recorded(this.traffic.request(origin, url, hostHeader));
  }

  /**
   * recorded puts a request's legs in the hop log, one after another, so the graph animates the
   * packet: client → CoreDNS, → kube-proxy's rules, → the pod (DNAT, or proxied by an ingress
   * controller), and the response back.
   */
  private recorded(result: TrafficResult): TrafficResult {
    const url = `${result.host}:${result.port}${result.path}`;
    result.hops.forEach((hop, i) =>
      this.transport.send(this.hopDraft(hop, url, result.host), TRAFFIC_HOP_MS * (i + 1), () => {}),
    );
    return result;
  }

  /**
   * lookup sends one DNS query from a pod to CoreDNS, as nslookup does, and puts it in the hop
   * log; undefined when a NetworkPolicy dropped it (no reply comes).
   */
  lookup(origin: { namespace: string; name: string }, fqdn: string): DnsAnswer | undefined {
    const { answer, hop } = this.traffic.query(origin, fqdn);
    this.sendQueryHop(hop, fqdn);
    return answer;
  }

  /** sendQueryHop logs a DNS query: a resolver asks one after another, so they leave in turn. */
  private sendQueryHop(hop: TrafficHop, question: string): void {
    if (this.queries.at !== this.clock.now) this.queries = { at: this.clock.now, sent: 0 };
    const delay = TRAFFIC_HOP_MS * ++this.queries.sent;
    this.transport.send(this.hopDraft(hop, question, question), delay, () => {});
  }

  /** reverse sends one PTR query from a pod to CoreDNS and puts it in the hop log. */
  reverse(origin: { namespace: string; name: string }, ip: string): string | undefined {
    const { name, hop } = this.traffic.reverseQuery(origin, ip);
    this.sendQueryHop(hop, ip);
    return name;
  }

  /** hopDraft: a leg names the pod it reaches (or answers from), else the host asked for. */
  private hopDraft(hop: TrafficHop, url: string, host: string): HopDraft {
    const end = hop.verb === 'response' ? hop.from : hop.to;
    const podName = end.startsWith('pod/') ? end.slice(4) : undefined;
    const pod = podName
      ? (this.api.list('pods') as Pod[]).find((p) => p.metadata.name === podName)
      : undefined;
    return {
      from: hop.from,
      to: hop.to,
      channel: 'traffic',
      verb: hop.verb,
      object: pod ? objectRef(pod) : { kind: 'Service', name: host },
      detail: hop.detail,
      note: {
        code: `traffic.${hop.verb}`,
        args: { from: hop.from, to: hop.to, url, detail: hop.detail },
      },
    };
  }

  /** serviceEndpoints: a Service port's ready addresses from its EndpointSlices. */
  private serviceEndpoints(
    namespace: string,
    service: string,
    port: { name?: string; number?: number },
  ): { ip: string; port: number }[] {
    const svc = (this.api.list('services', namespace) as Service[]).find(
      (s) => s.metadata.name === service,
    );
    const servicePort = (svc?.spec.ports ?? []).find((p) =>
      port.name !== undefined ? p.name === port.name : p.port === port.number,
    );
    if (!svc || !servicePort) return [];
    const slices = (this.api.list('endpointslices', namespace) as EndpointSlice[]).filter(
      (s) => sliceServiceKey(s) === `${namespace}/${service}`,
    );
    return endpointsFor(servicePort.name, servicePort.protocol, slices);
  }

  /**
   * httpClient names the HTTP client a pod's default container has on its PATH, curl before
   * busybox's wget, for a request sent from inside it with kubectl exec; undefined when none.
   */
  httpClient(pod: Pod): 'curl' | 'wget' | undefined {
    const image = pod.spec.containers[0]?.image;
    const tools = image ? imageTools(image) : [];
    return tools.includes('curl') ? 'curl' : tools.includes('wget') ? 'wget' : undefined;
  }

  /** natChains is a node's nat table as kube-proxy last wrote it (for the UI). */
  natChains(node: string): readonly NatChain[] {
    return this.proxies.get(node)?.natChains() ?? [];
  }

  /** iptablesSave is `iptables-save -t nat` (or `-t filter`) on a node. */
  iptablesSave(node: string, table: 'nat' | 'filter' = 'nat'): string | undefined {
    return this.proxies.get(node)?.iptablesSave(table);
  }

  /**
   * hostCommand runs a command on a node (as after `ssh w1-k8s`) or on a machine outside the
   * cluster on the nodes' network: curl, and on a node `iptables-save -t nat`.
   */
  hostCommand(origin: HostOrigin, argv: string[]): ToolRun {
    const [command, ...args] = argv;
    if (command === 'curl') return curl(args, this.hostNetwork(origin));
    if (command === 'iptables-save' && origin.kind === 'node') {
      const at = args.findIndex((a) => a === '-t' || a === '--table');
      const wanted = at >= 0 ? args[at + 1] : undefined;
      const tables =
        wanted === undefined ? (['filter', 'nat'] as const) : TABLES.filter((t) => t === wanted);
      if (tables.length === 0) {
        return {
          lines: [
            'iptables-save v1.8.7 (nf_tables): Cannot initialize: Table does not exist (do you need to insmod?)',
          ],
          code: 1,
        };
      }
      const text = tables.map((t) => this.iptablesSave(origin.node, t) ?? '').join('');
      return { lines: text.replace(/\n$/, '').split('\n'), code: 0 };
    }
    return { lines: [`bash: ${command}: command not found`], code: 127 };
  }

  /** hostNetwork: a machine's own resolver (systemd-resolved) knows no cluster names. */
  private hostNetwork(origin: HostOrigin): ContainerNetwork {
    return {
      hostname: origin.kind === 'node' ? origin.node : 'client',
      search: [],
      nameserver: '127.0.0.53',
      env: () => [],
      file: () => undefined,
      request: (url, hostHeader) => this.request(origin, url, hostHeader),
      lookup: (fqdn) => ({ rcode: 'NXDOMAIN', name: fqdn }),
    };
  }

  private apiServerEndpoint(): { ip: string; port: number } | undefined {
    const slice = (this.api.list('endpointslices', 'default') as EndpointSlice[]).find(
      (s) => s.metadata.name === 'kubernetes',
    );
    const ip = slice?.endpoints?.[0]?.addresses[0];
    const port = slice?.ports?.[0]?.port;
    return ip && port ? { ip, port } : undefined;
  }

  /** containerNetwork is one container's view of the network, built from its pod. */
  private containerNetwork(container: RuntimeContainer): ContainerNetwork | undefined {
    const pod = (this.api.list('pods') as Pod[]).find((p) => p.metadata.uid === container.podUid);
    if (!pod) return undefined;
    const namespace = pod.metadata.namespace ?? 'default';
    const hostname = pod.spec.hostname ?? pod.metadata.name;
    const spec = pod.spec.containers.find((c) => c.name === container.name);
    const origin: TrafficOrigin = { kind: 'pod', namespace, name: pod.metadata.name };
    const nslookup = imageNslookup(container.image);
    const self = { namespace, name: pod.metadata.name };
    return {
      hostname,
      search: searchPath(namespace),
      nameserver: CLUSTER_DNS_IP,
      env: () => [
        imageEnv(container.image)[0]!,
        `HOSTNAME=${hostname}`,
        ...imageEnv(container.image).slice(1),
        // The kubelet resolved env and envFrom (ConfigMaps, Secrets) when it created the container.
        ...(container.env ??
          (spec?.env ?? [])
            .filter((e) => e.value !== undefined)
            .map((e) => `${e.name}=${e.value}`)),
        ...serviceEnv(this.servicesAtStart(namespace, container.startedAt)),
        'HOME=/root',
      ],
      file: (path) => {
        if (path === '/etc/resolv.conf') return resolvConf(namespace);
        if (path === '/etc/hostname') return `${hostname}\n`;
        if (path === '/etc/hosts') return podHostsFile(pod);
        return undefined;
      },
      request: (url, hostHeader) => this.request(origin, url, hostHeader),
      lookup: (fqdn) => this.lookup(self, fqdn),
      reverse: (ip) => this.reverse(self, ip),
      ...(nslookup ? { nslookup } : {}),
    };
  }

  /**
   * servicesAtStart: the Services the kubelet saw when it started the container, the pod's
   * namespace's and the master `kubernetes` Service, by name.
   */
  private servicesAtStart(namespace: string, startedAt: number | undefined): Service[] {
    const existed = (svc: Service) =>
      startedAt === undefined || Date.parse(svc.metadata.creationTimestamp ?? '') <= startedAt;
    const own = this.dns.servicesIn(namespace).filter(existed);
    const master = this.dns.servicesIn('default').find((s) => s.metadata.name === 'kubernetes');
    if (master && !own.some((s) => s.metadata.name === 'kubernetes')) own.push(master);
    return own.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }
}
