import type { ApiServer } from '../apiserver/apiserver';
import { objectKey } from '../api/objects';
import type { EndpointSlice, Service } from '../api/types';
import type { Clock } from '../clock';
import { Informer } from '../client/informer';
import {
  filterTableSave,
  iptablesSave,
  natTable,
  serviceRules,
  sliceServiceKey,
  type NatChain,
  type ServicePortRules,
} from './rules';

/**
 * The proxier never rewrites the rules more often than this (kube-proxy's --iptables-min-sync-period,
 * 1s by default): changes arriving within a second are applied together.
 */
export const MIN_SYNC_PERIOD_MS = 1000;

/** kubeProxyComponent names a node's kube-proxy: kube-proxy@w1-k8s. */
export function kubeProxyComponent(node: string): string {
  return `kube-proxy@${node}`;
}

/**
 * KubeProxy is one node's kube-proxy in iptables mode: informers on Services and EndpointSlices
 * (each event a watch hop from kube-apiserver), a change tracker, and a bounded-frequency sync
 * that rewrites only the changed Services' chains. The nat table itself is assembled when asked.
 */
export class KubeProxy {
  readonly component: string;
  private readonly services: Informer<Service>;
  private readonly slices: Informer<EndpointSlice>;
  /**
   * What the last sync applied, per Service ("namespace/name"): the objects as they were then,
   * and their rules, built the first time someone reads them (most nodes' rules never are).
   */
  private readonly applied = new Map<
    string,
    { svc: Service; slices: EndpointSlice[]; rules?: ServicePortRules[] }
  >();
  private readonly pending = new Set<string>();
  private table?: NatChain[];
  private lastSync = Number.NEGATIVE_INFINITY;
  private syncScheduled = false;
  private syncs = 0;

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    readonly node: string,
    /** the cluster's pod CIDR: traffic from outside it to a ClusterIP is masqueraded */
    private readonly clusterCIDR: string,
  ) {
    this.component = kubeProxyComponent(node);
    this.services = new Informer<Service>(api, this.component, 'services');
    this.slices = new Informer<EndpointSlice>(api, this.component, 'endpointslices');
    this.slices.addIndex('service', (slice) => {
      const key = sliceServiceKey(slice);
      return key ? [key] : [];
    });
    const changed = (key: string) => {
      this.pending.add(key);
      this.scheduleSync();
    };
    const onService = (svc: Service) => changed(objectKey(svc));
    this.services.addHandlers({
      onAdd: onService,
      onUpdate: (_, s) => onService(s),
      onDelete: onService,
    });
    const onSlice = (slice: EndpointSlice) => {
      const key = sliceServiceKey(slice);
      if (key) changed(key);
    };
    this.slices.addHandlers({ onAdd: onSlice, onUpdate: (_, s) => onSlice(s), onDelete: onSlice });
  }

  start(): void {
    this.services.start();
    // Listing adds every Service, so the first sync is already scheduled.
    this.slices.start();
  }

  stop(): void {
    this.services.stop();
    this.slices.stop();
  }

  /** syncCount is how many times the rules were rewritten (coalescing shows in it). */
  get syncCount(): number {
    return this.syncs;
  }

  private scheduleSync(): void {
    if (this.syncScheduled) return;
    this.syncScheduled = true;
    const delay = Math.max(0, this.lastSync + MIN_SYNC_PERIOD_MS - this.clock.now);
    this.clock.schedule(delay, () => {
      this.syncScheduled = false;
      this.sync();
    });
  }

  /** sync rewrites the chains of every Service that changed since the last sync. */
  private sync(): void {
    this.lastSync = this.clock.now;
    this.syncs++;
    for (const key of this.pending) {
      const svc = this.services.get(key);
      if (!svc) {
        this.applied.delete(key);
        continue;
      }
      this.applied.set(key, { svc, slices: this.slices.byIndex('service', key) });
    }
    if (this.pending.size > 0) this.table = undefined;
    this.pending.clear();
  }

  /** servicePorts lists the service ports the node's rules currently carry, for the traffic model. */
  servicePorts(): ServicePortRules[] {
    const out: ServicePortRules[] = [];
    for (const entry of this.applied.values()) {
      entry.rules ??= serviceRules(entry.svc, entry.slices, this.clusterCIDR);
      out.push(...entry.rules);
    }
    return out;
  }

  /** natChains is the node's nat table, chain by chain (for the UI). */
  natChains(): readonly NatChain[] {
    this.table ??= natTable(this.servicePorts());
    return this.table;
  }

  /** iptablesSave prints a table as `iptables-save -t nat` (or `-t filter`) on the node would. */
  iptablesSave(table: 'nat' | 'filter' = 'nat'): string {
    return table === 'nat'
      ? iptablesSave(this.natChains(), this.clock.now)
      : filterTableSave(this.servicePorts(), this.clock.now);
  }
}
