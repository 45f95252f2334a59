import { controllerOf } from '../api/objects';
import type { Node, Pod, ReplicaSet } from '../api/types';
import type { ApiServer } from '../apiserver/apiserver';
import { toTimestamp, type Clock } from '../clock';
import type { Kubelet } from '../kubelet/kubelet';
import { ResourceUsage } from './usage';

/** SCRAPE_INTERVAL_MS is metrics-server's --metric-resolution (15s). */
export const SCRAPE_INTERVAL_MS = 15_000;

/** ContainerMetrics and PodMetrics are shaped like metrics.k8s.io/v1beta1 PodMetrics. */
export interface ContainerMetrics {
  name: string;
  usage: { cpu: string; memory: string };
}

export interface PodMetrics {
  apiVersion: 'metrics.k8s.io/v1beta1';
  kind: 'PodMetrics';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  containers: ContainerMetrics[];
}

export interface NodeMetrics {
  apiVersion: 'metrics.k8s.io/v1beta1';
  kind: 'NodeMetrics';
  metadata: { name: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: { cpu: string; memory: string };
}

/**
 * What a node's own processes use besides pods (kubelet, containerd, the OS; on the control plane
 * also etcd and the static control-plane pods Kubeloop does not list as pods).
 */
const NODE_OVERHEAD = {
  controlPlane: { cpu: 95, memory: 1050 * 1024 * 1024 },
  worker: { cpu: 22, memory: 410 * 1024 * 1024 },
};

/**
 * MetricsServer scrapes every kubelet every 15s (a background timer) and serves the last sample,
 * as metrics-server does. A CPU rate needs two samples, so a container appears only once it was
 * already running at the previous scrape: a new pod shows up 15-30s after it starts.
 */
export class MetricsServer {
  private pods: PodMetrics[] = [];
  private nodes: NodeMetrics[] = [];
  private lastScrape: number | undefined;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
    private readonly kubelets: ReadonlyMap<string, Kubelet>,
    readonly usage: ResourceUsage,
  ) {}

  start(): void {
    const tick = () => {
      this.scrape();
      this.clock.schedule(SCRAPE_INTERVAL_MS, tick, true);
    };
    tick();
  }

  /** podMetrics lists the last sample's pods, in a namespace or all, sorted by namespace and name. */
  podMetrics(namespace?: string): PodMetrics[] {
    return this.pods.filter((p) => namespace === undefined || p.metadata.namespace === namespace);
  }

  nodeMetrics(): NodeMetrics[] {
    return this.nodes;
  }

  /** deploymentOf names the Deployment a pod belongs to (pod → ReplicaSet → Deployment). */
  private deploymentOf(pod: Pod, replicaSets: Map<string, ReplicaSet>): string | undefined {
    const rsRef = controllerOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return undefined;
    const rs = replicaSets.get(`${pod.metadata.namespace}/${rsRef.name}`);
    const ref = rs && controllerOf(rs);
    return ref?.kind === 'Deployment' ? ref.name : undefined;
  }

  private scrape(): void {
    const now = this.clock.now;
    const previous = this.lastScrape;
    this.lastScrape = now;
    const timestamp = toTimestamp(now);
    const replicaSets = new Map(
      (this.api.list('replicasets') as ReplicaSet[]).map((rs) => [
        `${rs.metadata.namespace}/${rs.metadata.name}`,
        rs,
      ]),
    );
    const pods: PodMetrics[] = [];
    const perNode = new Map<string, { cpu: number; memory: number }>();
    for (const pod of this.api.list('pods') as Pod[]) {
      const kubelet = pod.spec.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
      if (!kubelet?.isUp) continue;
      const running = kubelet.runtime
        .containersOf(pod.metadata.uid)
        .filter((c) => c.state === 'running');
      const load = this.usage.loadOf(pod.metadata.namespace!, this.deploymentOf(pod, replicaSets));
      const containers: ContainerMetrics[] = [];
      let complete = running.length > 0;
      let cpuSum = 0;
      let memorySum = 0;
      for (const spec of pod.spec.containers) {
        const c = running.find((r) => r.name === spec.name);
        if (!c || previous === undefined || (c.startedAt ?? now) > previous) {
          complete = false;
          continue;
        }
        const cpu = ResourceUsage.cpuMillicores(spec, load);
        cpuSum += cpu;
        memorySum += c.memoryBytes;
        containers.push({
          name: spec.name,
          usage: { cpu: `${cpu}m`, memory: `${Math.round(c.memoryBytes / 1024)}Ki` },
        });
      }
      if (!complete) continue;
      const node = perNode.get(pod.spec.nodeName!) ?? { cpu: 0, memory: 0 };
      perNode.set(pod.spec.nodeName!, { cpu: node.cpu + cpuSum, memory: node.memory + memorySum });
      pods.push({
        apiVersion: 'metrics.k8s.io/v1beta1',
        kind: 'PodMetrics',
        metadata: {
          name: pod.metadata.name,
          namespace: pod.metadata.namespace!,
          labels: pod.metadata.labels,
        },
        timestamp,
        window: '15s',
        containers,
      });
    }
    pods.sort(
      (a, b) =>
        compare(a.metadata.namespace, b.metadata.namespace) ||
        compare(a.metadata.name, b.metadata.name),
    );
    this.pods = pods;
    this.nodes = (this.api.list('nodes') as Node[])
      .filter((n) => this.kubelets.get(n.metadata.name)?.isUp)
      .map((n) => {
        const controlPlane = 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {});
        const base = controlPlane ? NODE_OVERHEAD.controlPlane : NODE_OVERHEAD.worker;
        const used = perNode.get(n.metadata.name) ?? { cpu: 0, memory: 0 };
        return {
          apiVersion: 'metrics.k8s.io/v1beta1' as const,
          kind: 'NodeMetrics' as const,
          metadata: { name: n.metadata.name, labels: n.metadata.labels },
          timestamp,
          window: '15s',
          usage: {
            cpu: `${base.cpu + used.cpu}m`,
            memory: `${Math.round((base.memory + used.memory) / 1024)}Ki`,
          },
        };
      })
      .sort((a, b) => compare(a.metadata.name, b.metadata.name));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
