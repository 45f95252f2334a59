import { ApiServer } from './apiserver/apiserver';
import { Clock, Random, toTimestamp } from './clock';
import { ApiClient } from './client/client';
import { ControllerContext } from './controllers/context';
import { DeploymentController } from './controllers/deployment/deployment';
import { JobController } from './controllers/job/job';
import { StatefulSetController } from './controllers/statefulset/statefulset';
import { DaemonSetController } from './controllers/daemonset/daemonset';
import { CronJobController } from './controllers/cronjob/cronjob';
import { DisruptionController } from './controllers/disruption/disruption';
import { GarbageCollector } from './controllers/garbagecollector/garbagecollector';
import { NodeLifecycleController } from './controllers/nodelifecycle/nodelifecycle';
import { ReplicaSetController } from './controllers/replicaset/replicaset';
import { TaintEvictionController } from './controllers/tainteviction/tainteviction';
import { EndpointsController } from './controllers/endpoints/endpoints';
import { EndpointSliceController } from './controllers/endpointslice/endpointslice';
import { HorizontalController } from './controllers/podautoscaler/horizontal';
import { MetricsServer, type NodeMetrics, type PodMetrics } from './metrics/metrics-server';
import { ResourceUsage } from './metrics/usage';
import { bootstrapServices } from './bootstrap-services';
import { bootstrapSystem } from './bootstrap-system';
import { systemPriorityClasses } from './apiserver/defaults';
import { EtcdStore } from './etcd/store';
import {
  defaultServiceAccount,
  ServiceAccountsController,
} from './controllers/serviceaccount/serviceaccounts';
import { NamespaceController } from './controllers/namespace/namespace';
import { RootCACertPublisher } from './controllers/rootcacertpublisher/publisher';
import { CLUSTER_CA_CERTS, rootCAConfigMap } from './controllers/rootcacertpublisher/root-ca';
import { HopLog, type Hop, type HopListener } from './hops';
import { Kubelet, LEASE_DURATION_SECONDS } from './kubelet/kubelet';
import { Disks } from './kubelet/disks';
import {
  joiningNode,
  kubeadmWithWorkers,
  nodeManifest,
  PRESETS,
  type Preset,
  type PresetName,
} from './presets';
import { Containerd } from './runtime/containerd';
import { ClusterNetwork } from './network/cluster-network';
import { Scheduler } from './scheduler/scheduler';
import type { SchedulingDecision } from './scheduler/framework';
import { Transport } from './transport';
import { bootstrapPolicy } from './auth/bootstrap-policy';
import { presetStorageClasses } from './controllers/persistentvolume/storage-classes';
import { PersistentVolumeController } from './controllers/persistentvolume/persistentvolume';
import { StorageProtectionController } from './controllers/persistentvolume/protection';
import { HostPathProvisioner } from './controllers/persistentvolume/hostpath-provisioner';
import { AttachDetachController } from './controllers/attachdetach/attachdetach';
import { ResourceQuotaController } from './controllers/resourcequota/resourcequota';
import { isDNS1123Subdomain } from './apiserver/validation';
import type { Pod } from './api/types';

export interface ClusterOptions {
  seed?: number;
  preset?: PresetName;
  /** for kubeadm: how many workers to start with (default 3, as in the course) */
  workers?: number;
  /** keep every hop in memory (the UI's timeline); off for benchmarks */
  keepHops?: boolean;
  /** keep etcd history per key (the etcd browser); off for benchmarks */
  keepHistory?: boolean;
}

/** The simulated wall-clock instant every cluster starts at: 2026-01-05 09:00:00 UTC. */
export const CLUSTER_START = Date.UTC(2026, 0, 5, 9, 0, 0);
/** How long before the start the nodes joined the cluster, so `kubectl get nodes` shows an age. */
const CLUSTER_AGE_MS = 10 * 24 * 3600 * 1000;

/** How many silent tasks (timers, queue work) one step may run while looking for the next hop. */
const MAX_TASKS_PER_STEP = 100_000;

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** Images kubeadm nodes already hold: the pause image every pod sandbox uses. */
const PRELOADED_IMAGES = ['registry.k8s.io/pause:3.10'];

/**
 * Cluster wires the control plane and the nodes onto one simulated clock. Time moves only when
 * the cluster runs: step() delivers exactly one hop; runUntil/runFor/runUntilIdle run many.
 */
export class Cluster {
  readonly seed: number;
  readonly preset: PresetName;
  readonly clock: Clock;
  readonly rng: Random;
  readonly hops: HopLog;
  readonly etcd: EtcdStore;
  readonly api: ApiServer;
  readonly scheduler: Scheduler;
  readonly controllers: ControllerContext;
  readonly kubelets = new Map<string, Kubelet>();
  /** volume data on the nodes' disks and NFS exports, outliving the pods that write it */
  readonly disks = new Disks();
  readonly startTime = CLUSTER_START;
  /** metrics-server: the last 15s sample of every running pod's and node's CPU and memory */
  readonly metrics: MetricsServer;
  /** kube-proxy on every node, CoreDNS, and the traffic that follows their rules */
  readonly network: ClusterNetwork;
  private readonly transport: Transport;

  constructor(options: ClusterOptions = {}) {
    this.seed = options.seed ?? 1;
    this.preset = options.preset ?? 'kubeadm';
    this.clock = new Clock(CLUSTER_START - CLUSTER_AGE_MS);
    this.rng = new Random(this.seed);
    this.hops = new HopLog(options.keepHops ?? true);
    this.etcd = new EtcdStore(options.keepHistory ?? true);
    this.transport = new Transport(this.clock, this.hops);
    this.api = new ApiServer(
      this.etcd,
      this.clock,
      Random.stream(this.seed, 1),
      Random.stream(this.seed, 2),
      this.transport,
      Random.stream(this.seed, 3),
    );

    const preset =
      this.preset === 'kubeadm' && options.workers !== undefined
        ? kubeadmWithWorkers(options.workers)
        : PRESETS[this.preset];
    this.bootstrap(preset);
    this.clock.advanceTo(CLUSTER_START);

    this.controllers = new ControllerContext(this.api, this.clock);
    new ReplicaSetController(this.controllers);
    new DeploymentController(this.controllers);
    new JobController(this.controllers);
    new DaemonSetController(this.controllers);
    new StatefulSetController(this.controllers);
    new CronJobController(this.controllers);
    new GarbageCollector(this.controllers);
    new DisruptionController(this.controllers);
    const nodeLifecycle = new NodeLifecycleController(this.controllers);
    new TaintEvictionController(this.controllers);
    new EndpointsController(this.controllers);
    new EndpointSliceController(this.controllers);
    this.metrics = new MetricsServer(this.api, this.clock, this.kubelets, new ResourceUsage());
    new HorizontalController(this.controllers, this.metrics);
    new ServiceAccountsController(this.controllers);
    new NamespaceController(this.controllers);
    new RootCACertPublisher(this.controllers, CLUSTER_CA_CERTS[this.preset]);
    new PersistentVolumeController(this.controllers, this.disks);
    new StorageProtectionController(this.controllers);
    new AttachDetachController(this.controllers);
    new ResourceQuotaController(this.controllers);
    // minikube's storage-provisioner addon serves its default StorageClass from the node's disk.
    if (this.preset === 'minikube')
      new HostPathProvisioner(this.api, this.clock, this.disks, preset.nodes[0]!.name);
    this.scheduler = new Scheduler(this.api, this.clock, this.rng);
    this.network = new ClusterNetwork(
      this.api,
      this.clock,
      this.kubelets,
      Random.stream(this.seed, 5),
      this.transport,
    );
    this.api.connectNodes((name) => {
      const kubelet = this.kubelets.get(name);
      return kubelet?.isUp ? kubelet : undefined;
    });
    this.controllers.start();
    nodeLifecycle.start();
    this.scheduler.start();
    for (const kubelet of this.kubelets.values()) kubelet.start();
    this.metrics.start();
    this.network.start();
  }

  /** bootstrap writes what kubeadm leaves behind: namespaces and registered nodes (no hops). */
  private bootstrap(preset: Preset): void {
    const created = toTimestamp(this.clock.now);
    // The kubelets have been running all along: their last heartbeat is the moment we start.
    const heartbeat = toTimestamp(CLUSTER_START);
    for (const name of NAMESPACES) {
      this.api.execute({
        verb: 'create',
        resource: 'namespaces',
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
      });
      this.api.execute({
        verb: 'create',
        resource: 'serviceaccounts',
        namespace: name,
        body: defaultServiceAccount(name),
      });
      this.api.execute({
        verb: 'create',
        resource: 'configmaps',
        namespace: name,
        body: rootCAConfigMap(name, CLUSTER_CA_CERTS[this.preset]),
      });
    }
    for (const input of preset.nodes) {
      const manifest = nodeManifest(input, this.preset, created, heartbeat);
      const { object } = this.api.execute({
        verb: 'create',
        resource: 'nodes',
        body: manifest as never,
      });
      this.api.execute({
        verb: 'create',
        resource: 'leases',
        namespace: 'kube-node-lease',
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name: input.name },
          spec: {
            holderIdentity: input.name,
            leaseDurationSeconds: LEASE_DURATION_SECONDS,
            renewTime: heartbeat.replace('Z', '.000000Z'),
          },
        },
      });
      const runtime = new Containerd(
        input.name,
        this.clock,
        Random.stream(this.seed, 100 + this.kubelets.size),
      );
      for (const image of PRELOADED_IMAGES) runtime.preload(image);
      const node = object as typeof manifest;
      this.kubelets.set(
        input.name,
        new Kubelet(this.api, this.clock, this.transport, node, runtime, this.disks),
      );
    }
    for (const body of systemPriorityClasses())
      this.api.execute({ verb: 'create', resource: 'priorityclasses', body: body as never });
    const controlPlane = preset.nodes.find((n) => n.controlPlane) ?? preset.nodes[0]!;
    const apiServerPort = this.preset === 'minikube' ? 8443 : 6443;
    const dnsPods = bootstrapSystem(
      this.api,
      this.preset,
      this.kubelets,
      controlPlane.name,
      apiServerPort,
      this.clock.now,
      Random.stream(this.seed, 6),
    );
    bootstrapServices(
      this.api,
      controlPlane.ip,
      apiServerPort,
      Random.stream(this.seed, 4),
      dnsPods,
    );
    for (const body of [...bootstrapPolicy(this.preset), ...presetStorageClasses(this.preset)]) {
      const resource = { ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings' }[
        body.kind as string
      ];
      this.api.execute({ verb: 'create', resource: resource ?? 'storageclasses', body });
    }
  }

  /** now is the simulated time in milliseconds since the Unix epoch. */
  get now(): number {
    return this.clock.now;
  }

  /** elapsed is the simulated time since the cluster started, in milliseconds. */
  get elapsed(): number {
    return this.clock.now - this.startTime;
  }

  /** client opens an API connection for a component or user (kubectl). */
  client(component: string): ApiClient {
    return new ApiClient(component, this.api);
  }

  /** step runs until exactly one more hop has been delivered; undefined when nothing is pending. */
  step(): Hop | undefined {
    const before = this.hops.count;
    let delivered: Hop | undefined;
    const stop = this.hops.subscribe((hop) => (delivered = hop));
    try {
      // Run tasks until one delivers a hop; the cap keeps a quiet cluster's timers from spinning forever.
      for (let i = 0; i < MAX_TASKS_PER_STEP && this.hops.count === before; i++) {
        if (!this.clock.runNext()) break;
      }
    } finally {
      stop();
    }
    return delivered;
  }

  /** runUntil runs every task due by time, then leaves the clock at time. */
  runUntil(time: number): void {
    for (
      let next = this.clock.nextTime();
      next !== undefined && next <= time;
      next = this.clock.nextTime()
    ) {
      this.clock.runNext();
    }
    this.clock.advanceTo(time);
  }

  /** runFor advances simulated time by ms. */
  runFor(ms: number): void {
    this.runUntil(this.clock.now + ms);
  }

  /** runWhile runs tasks while condition holds and work remains; returns whether the condition became false. */
  runWhile(condition: () => boolean, maxTasks = 1_000_000): boolean {
    for (let i = 0; i < maxTasks && condition(); i++) {
      if (!this.clock.runNext()) break;
    }
    return !condition();
  }

  /** isIdle: nothing but background timers is left to run. */
  isIdle(): boolean {
    return !this.clock.hasForegroundWork();
  }

  /** runUntilIdle runs until only background timers remain; returns whether it got there. */
  runUntilIdle(maxTasks = 5_000_000): boolean {
    return this.runWhile(() => !this.isIdle(), maxTasks);
  }

  onHop(listener: HopListener): () => void {
    return this.hops.subscribe(listener);
  }

  /** stopNode powers a node off: its kubelet stops posting leases and its containers die. */
  stopNode(name: string): boolean {
    const kubelet = this.kubelets.get(name);
    if (!kubelet?.isUp) return false;
    kubelet.powerOff();
    this.network.powerOff(name);
    return true;
  }

  /** startNode powers a node back on: its kubelet reports Ready and restarts its pods. */
  startNode(name: string): boolean {
    const kubelet = this.kubelets.get(name);
    if (!kubelet || kubelet.isUp) return false;
    kubelet.powerOn();
    this.network.powerOn(name);
    return true;
  }

  /**
   * addNode joins a new worker as `kubeadm join` does: its kubelet registers the Node, then
   * creates its Lease in kube-node-lease, through the API server (so the hops show), and starts
   * heartbeating and watching for pods. It returns false when the name is not a valid node name
   * or a node by that name exists. The pod CIDR comes with the registration: no IPAM controller
   * runs here to assign it, and the result matches what kube-controller-manager would pick.
   */
  addNode(name: string): boolean {
    if (isDNS1123Subdomain(name).length > 0 || this.kubelets.has(name)) return false;
    if (this.api.list('nodes').some((n) => n.metadata.name === name)) return false;
    const input = joiningNode(this.preset, name, this.kubelets.size);
    const now = toTimestamp(this.clock.now);
    const manifest = nodeManifest(input, this.preset, now, now);
    const runtime = new Containerd(
      name,
      this.clock,
      Random.stream(this.seed, 100 + this.kubelets.size),
    );
    for (const image of PRELOADED_IMAGES) runtime.preload(image);
    const kubelet = new Kubelet(
      this.api,
      this.clock,
      this.transport,
      manifest,
      runtime,
      this.disks,
    );
    this.kubelets.set(name, kubelet);
    this.network.join(name, kubelet);
    const client = this.client(kubelet.component);
    client.request(
      { verb: 'create', resource: 'nodes', body: manifest as never },
      () =>
        client.request(
          {
            verb: 'create',
            resource: 'leases',
            namespace: 'kube-node-lease',
            body: {
              apiVersion: 'coordination.k8s.io/v1',
              kind: 'Lease',
              metadata: { name },
              spec: {
                holderIdentity: name,
                leaseDurationSeconds: LEASE_DURATION_SECONDS,
                renewTime: now.replace('Z', '.000000Z'),
              },
            },
          },
          () => kubelet.start(),
          { code: 'kubelet.createLease', args: { node: name } },
        ),
      { code: 'kubelet.registerNode', args: { node: name } },
    );
    return true;
  }

  /** killContainer SIGKILLs a pod's container (the first, unless named) on its node. */
  killContainer(namespace: string, pod: string, container?: string): boolean {
    const found = this.api.list('pods', namespace).find((p) => p.metadata.name === pod) as
      Pod | undefined;
    const kubelet = found?.spec.nodeName ? this.kubelets.get(found.spec.nodeName) : undefined;
    return kubelet?.killContainer(found!.metadata.uid, container) ?? false;
  }

  /**
   * setLoad puts a Deployment under load: each of its pods uses percent of its containers' CPU
   * requests (capped by their limits) from metrics-server's next scrape on; 0 lets them idle.
   */
  setLoad(namespace: string, deployment: string, percent: number): void {
    this.metrics.usage.setLoad(namespace, deployment, percent);
  }

  /** podMetrics is what metrics.k8s.io serves for pods: the last sample, in a namespace or all. */
  podMetrics(namespace?: string): PodMetrics[] {
    return this.metrics.podMetrics(namespace);
  }

  /** nodeMetrics is what metrics.k8s.io serves for nodes. */
  nodeMetrics(): NodeMetrics[] {
    return this.metrics.nodeMetrics();
  }

  /** schedulingDecision is the scheduler's record of why a pod went where it did. */
  schedulingDecision(podUid: string): SchedulingDecision | undefined {
    return this.scheduler.decisionFor(podUid);
  }
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return new Cluster(options);
}
