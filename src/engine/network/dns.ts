import type { ApiServer } from '../apiserver/apiserver';
import type { EndpointSlice, Pod, Service } from '../api/types';
import { Informer } from '../client/informer';
import { sliceServiceKey } from './rules';

export const CLUSTER_DOMAIN = 'cluster.local';
/** kube-dns's ClusterIP, as kubeadm's clusterDNS setting gives every pod. */
export const CLUSTER_DNS_IP = '10.96.0.10';
/** resolv.conf's ndots: names with fewer dots are tried under the search domains first. */
export const NDOTS = 5;

/** A DnsAnswer is CoreDNS's reply to an A query. */
export type DnsAnswer =
  | { rcode: 'NOERROR'; name: string; addresses: string[]; cname?: string }
  /** the name exists but has no A record (a headless Service without ready pods) */
  | { rcode: 'NODATA'; name: string }
  | { rcode: 'NXDOMAIN'; name: string };

/** searchPath is a pod's resolv.conf search list (dnsPolicy ClusterFirst). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** resolvConf is the /etc/resolv.conf the kubelet writes into a ClusterFirst pod. */
export function resolvConf(namespace: string): string {
  return `search ${searchPath(namespace).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:${NDOTS}\n`;
}

/**
 * candidates lists the names a stub resolver (glibc, musl) tries, in order: under each search
 * domain first when the name has fewer than ndots dots, then as it is.
 */
export function resolverCandidates(name: string, search: readonly string[]): string[] {
  const bare = name.replace(/\.$/, '');
  if (name.endsWith('.')) return [bare];
  const dots = bare.split('.').length - 1;
  const searched = search.map((domain) => `${bare}.${domain}`);
  return dots >= NDOTS ? [bare, ...searched] : [...searched, bare];
}

/**
 * ClusterDns is CoreDNS's kubernetes plugin: it watches Services and EndpointSlices and answers
 * `<svc>.<ns>.svc.cluster.local` (the ClusterIP, or every ready pod of a headless Service),
 * `<hostname>.<svc>.<ns>.svc.cluster.local` for pods behind a headless Service (StatefulSets),
 * `<a-b-c-d>.<ns>.pod.cluster.local`, and NXDOMAIN for anything else in the cluster domain.
 */
export class ClusterDns {
  static readonly component = 'coredns';
  private readonly services: Informer<Service>;
  private readonly slices: Informer<EndpointSlice>;

  constructor(
    api: ApiServer,
    /** the pod an EndpointSlice endpoint names, for its hostname and subdomain */
    private readonly podNamed: (namespace: string, name: string) => Pod | undefined,
  ) {
    this.services = new Informer<Service>(api, ClusterDns.component, 'services');
    this.slices = new Informer<EndpointSlice>(api, ClusterDns.component, 'endpointslices');
    this.slices.addIndex('service', (slice) => {
      const key = sliceServiceKey(slice);
      return key ? [key] : [];
    });
  }

  start(): void {
    this.services.start();
    this.slices.start();
  }

  /** lookup answers an A query for a fully qualified name. */
  lookup(fqdn: string): DnsAnswer {
    const name = fqdn.replace(/\.$/, '').toLowerCase();
    const suffix = `.${CLUSTER_DOMAIN}`;
    if (!name.endsWith(suffix)) return { rcode: 'NXDOMAIN', name };
    const labels = name.slice(0, -suffix.length).split('.');
    if (labels.length === 3 && labels[2] === 'pod') {
      const ip = labels[0]!.replace(/-/g, '.');
      return /^\d+\.\d+\.\d+\.\d+$/.test(ip)
        ? { rcode: 'NOERROR', name, addresses: [ip] }
        : { rcode: 'NXDOMAIN', name };
    }
    if (labels.length < 3 || labels.at(-1) !== 'svc' || labels.length > 4)
      return { rcode: 'NXDOMAIN', name };
    const [namespace, service] = [labels.at(-2)!, labels.at(-3)!];
    const svc = this.services.get(`${namespace}/${service}`);
    if (!svc) return { rcode: 'NXDOMAIN', name };
    const endpoints = this.readyEndpoints(svc);
    if (labels.length === 4) {
      const wanted = labels[0]!;
      const match = endpoints.find((e) => e.hostname === wanted);
      return match
        ? { rcode: 'NOERROR', name, addresses: [match.ip] }
        : { rcode: 'NXDOMAIN', name };
    }
    if (svc.spec.type === 'ExternalName')
      return { rcode: 'NOERROR', name, addresses: [], cname: svc.spec.externalName ?? '' };
    if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None')
      return { rcode: 'NOERROR', name, addresses: [svc.spec.clusterIP] };
    const addresses = endpoints.map((e) => e.ip);
    return addresses.length > 0 ? { rcode: 'NOERROR', name, addresses } : { rcode: 'NODATA', name };
  }

  /** resolve follows a pod's search path to the first name that answers. */
  resolve(name: string, namespace: string): DnsAnswer {
    let last: DnsAnswer = { rcode: 'NXDOMAIN', name };
    for (const candidate of resolverCandidates(name, searchPath(namespace))) {
      last = this.lookup(candidate);
      if (last.rcode === 'NOERROR') return last;
    }
    return last;
  }

  /**
   * reverse answers a PTR query as CoreDNS's kubernetes plugin does: a ClusterIP names its
   * Service, an endpoint's address names it under its Service (by its hostname, else the
   * address with dashes); anything else is NXDOMAIN (undefined).
   */
  reverse(ip: string): string | undefined {
    const svc = this.serviceAt(ip);
    if (svc) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    for (const s of [...this.services.list()].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    )) {
      const endpoint = this.readyEndpoints(s).find((e) => e.ip === ip);
      if (endpoint)
        return `${endpoint.hostname ?? ip.replace(/\./g, '-')}.${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
    return undefined;
  }

  /** serviceAt finds the Service whose ClusterIP is ip. */
  serviceAt(ip: string): Service | undefined {
    return this.services.list().find((s) => s.spec.clusterIP === ip);
  }

  /** servicesIn lists a namespace's Services (the kubelet's source for service env vars). */
  servicesIn(namespace: string): Service[] {
    return this.services.list().filter((s) => s.metadata.namespace === namespace);
  }

  private readyEndpoints(svc: Service): { ip: string; hostname?: string }[] {
    const out: { ip: string; hostname?: string }[] = [];
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    for (const slice of this.slices.byIndex('service', key)) {
      for (const endpoint of slice.endpoints ?? []) {
        const ready = endpoint.conditions.ready !== false || svc.spec.publishNotReadyAddresses;
        if (!ready || !endpoint.addresses[0]) continue;
        const ref = endpoint.targetRef;
        const pod = ref?.kind === 'Pod' ? this.podNamed(ref.namespace ?? '', ref.name) : undefined;
        const hostname =
          pod?.spec.hostname && pod.spec.subdomain === svc.metadata.name
            ? pod.spec.hostname
            : undefined;
        if (!out.some((e) => e.ip === endpoint.addresses[0]))
          out.push({ ip: endpoint.addresses[0], ...(hostname ? { hostname } : {}) });
      }
    }
    return out.sort((a, b) => (a.ip < b.ip ? -1 : 1));
  }
}
