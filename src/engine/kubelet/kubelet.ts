import type { ApiServer, NodeConnection, PodLogOptions } from '../apiserver/apiserver';
import { objectRef } from '../apiserver/apiserver';
import type {
  AnyObject,
  Container,
  ContainerState,
  ContainerStateTerminated,
  ContainerStatus,
  Node,
  Pod,
  PodCondition,
  PodPhase,
  PodStatus,
  Probe,
} from '../api/types';
import { podCondition } from '../api/pod';
import { toTimestamp, type Clock } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import { componentOnNode, type HopNote } from '../hops';
import type { Containerd, RuntimeContainer } from '../runtime/containerd';
import { LATENCY, type Transport } from '../transport';
import { PROBE_TITLE, runProbe, type ProbeKind } from './prober';
import { containerEnv, type ObjectReader } from './container-config';
import { Disks } from './disks';
import {
  containerFiles,
  emptyDirKeys,
  podAttachableVolumes,
  setUpVolumes,
  type AttachState,
  type PodVolume,
} from './volumes';

/** Back-off for image pulls and crashing containers: 10s doubling to 300s (flowcontrol.Backoff). */
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** A container that ran this long before exiting starts its back-off afresh (2 x the max). */
const BACKOFF_RESET_MS = 10 * 60 * 1000;
/** How soon the kubelet's next pod sync notices a failed pull and reports the back-off. */
const RESYNC_AFTER_FAILURE_MS = 1000;
/** The PLEG relists the runtime every second; on average an exit is noticed half a second later. */
const PLEG_DELAY_MS = 500;
/** The kubelet renews its node Lease every 10s (a quarter of leaseDurationSeconds 40). */
const LEASE_RENEW_MS = 10_000;
export const LEASE_DURATION_SECONDS = 40;
/** Without changes the kubelet still reports node status every 5 minutes (nodeStatusReportFrequency). */
const NODE_STATUS_REPORT_MS = 5 * 60 * 1000;
/** How often the kubelet syncs node status when something changed (nodeStatusUpdateFrequency). */
const NODE_STATUS_UPDATE_MS = 10 * 1000;
/** Volume set-up retries back off from 500ms doubling to 2m2s (exponentialbackoff). */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** How long a pod sync waits for its volumes before reporting them (podAttachAndMountTimeout). */
const MOUNT_TIMEOUT_MS = 120_000;
/** A failed pod sync (CreateContainerConfigError) is retried after the pod worker's back-off. */
const CONFIG_RETRY_MS = 10_000;
/** The kubelet syncs every pod each minute (syncFrequency): mounted ConfigMaps update then. */
const VOLUME_SYNC_MS = 60_000;
/** The node status lists at most this many images (nodeStatusMaxImages). */
const NODE_STATUS_MAX_IMAGES = 50;

/** The waiting states of a container not yet started: shared, as nothing changes them in place. */
const CONTAINER_CREATING: Readonly<{ reason: string }> = Object.freeze({
  reason: 'ContainerCreating',
});
const POD_INITIALIZING: Readonly<{ reason: string }> = Object.freeze({ reason: 'PodInitializing' });

interface ContainerRecord {
  spec: Container;
  /** the current (or last) instance in the runtime */
  current?: RuntimeContainer;
  waiting?: Readonly<{ reason: string; message?: string }>;
  /** set when the container has stopped for good (no restart coming) */
  terminated?: ContainerStateTerminated;
  /** the exit shown while an immediate restart is on its way */
  exited?: ContainerStateTerminated;
  lastState?: ContainerStateTerminated;
  restartCount: number;
  pullFailures: number;
  /** the next crash back-off; 0 until the first crash, which restarts at once */
  crashBackoffMs: number;
  cancelRestart?: () => void;
  /** the next attempt a back-off is holding (an image pull or a crash restart): run it now to skip the wait */
  pendingAttempt?: () => void;
  /** set while the container is stopped to be replaced by its changed definition */
  replacing?: boolean;
  /** readiness as the readiness probe last decided it (true when there is no probe) */
  ready: boolean;
  /** whether the startup probe has passed (true when there is none) */
  started: boolean;
  stopProbes?: () => void;
  /** an init container: runs to completion, in order, before the app containers start */
  init?: boolean;
}

/** PodWorker is the kubelet's per-pod state machine (pod_workers.go), keyed by pod uid. */
interface PodWorker {
  pod: Pod;
  /** the uid the container runtime knows the pod by (a static pod keeps it across mirror pods) */
  runtimeUid: string;
  /** set while a static pod's deleted mirror pod is being replaced by a new one */
  replacingMirror?: boolean;
  phase: 'starting' | 'running' | 'terminating' | 'gone';
  sandboxId?: string;
  podIP?: string;
  startTime: string;
  containers: ContainerRecord[];
  initContainers: ContainerRecord[];
  /** the pod's volumes once set up on the node */
  volumes?: Map<string, PodVolume>;
  /** stops the periodic rewrite of configMap, secret and projected volumes */
  cancelVolumeSync?: () => void;
  /** when the current wait for the pod's volumes began */
  mountWaitStart?: number;
}

/** newWorker is a pod worker with every field set from the start (one object shape for all). */
function newWorker(
  pod: Pod,
  phase: PodWorker['phase'],
  startTime: string,
  containers: ContainerRecord[],
  initContainers: ContainerRecord[],
): PodWorker {
  return {
    pod,
    runtimeUid: pod.metadata.uid,
    replacingMirror: false,
    phase,
    sandboxId: undefined,
    podIP: undefined,
    startTime,
    containers,
    initContainers,
    volumes: undefined,
    cancelVolumeSync: undefined,
    mountWaitStart: undefined,
  };
}

/** logTimestamp is the kubelet's RFC3339NanoFixed: always nine fractional digits, in UTC. */
function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000000Z');
}

/**
 * Kubelet is the node agent: it watches the pods bound to its node, asks the container runtime
 * to run them, restarts their containers by the pod's restartPolicy (with CrashLoopBackOff), and
 * reports their status (and events) back through the API server.
 */
export class Kubelet implements NodeConnection {
  readonly component: string;
  private readonly runtimeComponent: string;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer<Pod>;
  private readonly self: Informer<Node>;
  private readonly workers = new Map<string, PodWorker>();
  private nextIp = 2;
  /** whether the node (and so its kubelet) is running; a stopped node posts nothing */
  private up = true;
  private stopTimers: (() => void)[] = [];
  /**
   * the node's clock, for the tokens in projected volumes: one function for all of them (a
   * closure made per mount would keep the mount's whole scope, the pod with it)
   */
  private readonly now = () => this.clock.now;
  /** reads the ConfigMaps, Secrets and claims pods refer to (the kubelet's object caches) */
  private readonly read: ObjectReader;
  /** attachable volumes each pod here wants, by pod uid: reported as the node's volumesInUse */
  private readonly volumesInUse = new Map<string, string[]>();
  /** what the node status says of attachable volumes (the controller attaches, the kubelet waits) */
  private readonly attachState: AttachState = {
    reportedInUse: (name) => this.self.list()[0]?.status.volumesInUse?.includes(name) ?? false,
    attached: (name) =>
      this.self.list()[0]?.status.volumesAttached?.some((v) => v.name === name) ?? false,
  };

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    private readonly transport: Transport,
    private readonly node: Node,
    readonly runtime: Containerd,
    /** where volume data lives: node directories, NFS exports, emptyDirs */
    private readonly disks: Disks = new Disks(),
  ) {
    // A name selector, not a get: a missing object is the common case and needs no error.
    this.read = (resource, namespace, name) =>
      api.list(resource, namespace, [{ path: 'metadata.name', op: '=', value: name }])[0];
    const name = node.metadata.name;
    this.component = componentOnNode('kubelet', name);
    this.runtimeComponent = componentOnNode('containerd', name);
    this.client = new ApiClient(this.component, api);
    this.recorder = new EventRecorder(this.client, clock, { component: 'kubelet', host: name });
    this.pods = new Informer<Pod>(api, this.component, 'pods', [
      { path: 'spec.nodeName', op: '=', value: name },
    ]);
    this.pods.addHandlers({
      onAdd: (pod) => this.handle(pod),
      onUpdate: (_old, pod) => this.handle(pod),
      onDelete: (pod) => this.podRemoved(pod),
    });
    this.self = new Informer<Node>(api, this.component, 'nodes', [
      { path: 'metadata.name', op: '=', value: name },
    ]);
    // The kubelet's status loop corrects the API at once when it says something the kubelet
    // knows is false (a node marked Unknown while it was away, now running again).
    this.self.addHandlers({ onUpdate: (_old, node) => this.checkNodeReady(node) });
    runtime.onExit((container) => this.noticeExit(container));
  }

  get nodeName(): string {
    return this.node.metadata.name;
  }

  start(): void {
    this.self.start();
    this.pods.start();
    this.startHeartbeats();
  }

  private checkNodeReady(node: Node): void {
    if (!this.up) return;
    const ready = node.status.conditions.find((c) => c.type === 'Ready');
    if (ready && ready.status !== 'True') this.postNodeStatus({ code: 'kubelet.nodeReady' });
  }

  get isUp(): boolean {
    return this.up;
  }

  /**
   * powerOff stops the node: the kubelet posts no more leases or status and ignores its watch,
   * and the containers stop with the machine. The control plane only notices through the
   * missing leases.
   */
  powerOff(): void {
    if (!this.up) return;
    this.up = false;
    this.pods.stop();
    this.self.stop();
    for (const stop of this.stopTimers) stop();
    this.stopTimers = [];
    for (const worker of this.workers.values()) {
      worker.phase = 'gone';
      worker.cancelVolumeSync?.();
      for (const record of worker.containers) {
        record.cancelRestart?.();
        record.stopProbes?.();
      }
    }
    this.runtime.powerOff();
  }

  /**
   * powerOn boots the node again: the kubelet reports Ready, renews its lease, and re-lists its
   * pods, starting them afresh (their containers died with the machine) or finishing deletions.
   */
  powerOn(): void {
    if (this.up) return;
    this.up = true;
    const restarts = new Map<string, number>();
    for (const worker of this.workers.values()) {
      for (const record of worker.containers)
        restarts.set(`${worker.pod.metadata.uid}/${record.spec.name}`, record.restartCount + 1);
    }
    this.restartCounts = restarts;
    this.workers.clear();
    this.volumesInUse.clear();
    this.statusReportPending = false;
    this.postNodeStatus({ code: 'kubelet.nodeReady' });
    this.renewLease();
    this.self.start();
    this.pods.start();
    this.startHeartbeats();
  }

  /** restart counts carried over a reboot: containers that died with the node count a restart */
  private restartCounts = new Map<string, number>();

  private startHeartbeats(): void {
    const renew = () => {
      this.renewLease();
      this.stopTimers.push(this.clock.schedule(LEASE_RENEW_MS, renew, true));
    };
    this.stopTimers.push(this.clock.schedule(LEASE_RENEW_MS, renew, true));
    const report = () => {
      this.postNodeStatus({ code: 'kubelet.nodeStatus' });
      this.stopTimers.push(this.clock.schedule(NODE_STATUS_REPORT_MS, report, true));
    };
    this.stopTimers.push(this.clock.schedule(NODE_STATUS_REPORT_MS, report, true));
  }

  private renewLease(): void {
    const name = this.nodeName;
    this.client.request(
      {
        verb: 'patch',
        resource: 'leases',
        namespace: 'kube-node-lease',
        name,
        patchType: 'merge',
        patch: {
          spec: {
            holderIdentity: name,
            leaseDurationSeconds: LEASE_DURATION_SECONDS,
            renewTime: toMicroTime(this.clock.now),
          },
        },
      },
      undefined,
      { code: 'kubelet.lease', args: { node: name } },
    );
  }

  private statusReportPending = false;

  /** reportStatusSoon posts node status at the next status sync: its images or volumes in use changed. */
  private reportStatusSoon(): void {
    if (this.statusReportPending) return;
    this.statusReportPending = true;
    this.stopTimers.push(
      this.clock.schedule(
        NODE_STATUS_UPDATE_MS,
        () => {
          this.statusReportPending = false;
          this.postNodeStatus({ code: 'kubelet.nodeStatus' });
        },
        true,
      ),
    );
  }

  /**
   * postNodeStatus reports the node Ready with a fresh heartbeat, as kubelet's status loop does,
   * and the images in its runtime, largest first (at most nodeStatusMaxImages).
   */
  private postNodeStatus(note: HopNote): void {
    const now = toTimestamp(this.clock.now);
    const conditions = this.node.status.conditions.map((c) => {
      const healthy = c.type === 'Ready' ? 'True' : 'False';
      const reasons: Record<string, [string, string]> = {
        Ready: ['KubeletReady', 'kubelet is posting ready status'],
        MemoryPressure: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
        DiskPressure: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
        PIDPressure: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      };
      const [reason, message] = reasons[c.type] ?? [c.reason, c.message];
      return { type: c.type, status: healthy, lastHeartbeatTime: now, reason, message };
    });
    this.client.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name: this.nodeName,
        subresource: 'status',
        patchType: 'strategic',
        patch: {
          status: { conditions, images: this.reportedImages(), volumesInUse: this.inUseList() },
        },
      },
      undefined,
      note,
    );
  }

  /** inUseList is volumesInUse as the node reports it: sorted, or null (omitted) when empty. */
  private inUseList(): string[] | null {
    const names = [...new Set([...this.volumesInUse.values()].flat())].sort();
    return names.length > 0 ? names : null;
  }

  private reportedImages(): { names: string[]; sizeBytes: number }[] {
    return this.runtime
      .imageList()
      .sort((a, b) => b.sizeBytes - a.sizeBytes)
      .slice(0, NODE_STATUS_MAX_IMAGES);
  }

  /** logs returns a container's log lines: the current instance, or with previous the one before. */
  logs(podUid: string, container: string, options: PodLogOptions = {}): string[] | undefined {
    const worker = this.workers.get(podUid);
    const record = [...(worker?.initContainers ?? []), ...(worker?.containers ?? [])].find(
      (c) => c.spec.name === container,
    );
    if (!record) return undefined;
    const instance = options.previous
      ? this.runtime.previousOf(record.current?.id)
      : record.current;
    if (!instance) return undefined;
    const since =
      options.sinceSeconds !== undefined
        ? this.clock.now - options.sinceSeconds * 1000
        : (options.sinceTime ?? -Infinity);
    return instance.logs
      .filter((l) => l.time >= since)
      .map((l) => (options.timestamps ? `${logTimestamp(l.time)} ${l.line}` : l.line));
  }

  /** exec runs a command in a running container, for `kubectl exec` (through the API server). */
  exec(
    podUid: string,
    container: string,
    command: string[],
  ): { exitCode: number; output: string[] } | undefined {
    const record = this.workers.get(podUid)?.containers.find((c) => c.spec.name === container);
    return record?.current ? this.runtime.exec(record.current.id, command) : undefined;
  }

  /** killContainer SIGKILLs a container's process, as `kill -9` on the node would. */
  killContainer(podUid: string, container?: string): boolean {
    const worker = this.workers.get(podUid);
    const record = worker?.containers.find(
      (c) => container === undefined || c.spec.name === container,
    );
    return record?.current ? this.runtime.kill(record.current.id) : false;
  }

  /** the node's InternalIP, which its host-network pods share */
  private get hostIP(): string {
    return (this.internalIP ??= this.node.status.addresses.find(
      (a) => a.type === 'InternalIP',
    )!.address);
  }
  private internalIP: string | undefined;

  private handle(pod: Pod): void {
    if (!this.up) return;
    const worker = this.workers.get(pod.metadata.uid);
    if (worker) {
      worker.pod = pod;
      if (pod.metadata.deletionTimestamp && isMirrorPod(pod)) {
        this.replaceMirrorPod(worker);
      } else if (
        pod.metadata.deletionTimestamp &&
        (worker.phase === 'starting' || worker.phase === 'running')
      ) {
        this.terminate(worker);
      } else if (worker.phase === 'starting' || worker.phase === 'running') {
        this.applySpecChanges(worker);
      }
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      this.deleteFromApi(pod);
      return;
    }
    if (this.adoptMirrorPod(pod)) return;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
    const created = newWorker(
      pod,
      'starting',
      toTimestamp(this.clock.now),
      pod.spec.containers.map((spec) =>
        this.newRecord(pod, spec, false, (pod.spec.initContainers ?? []).length > 0),
      ),
      (pod.spec.initContainers ?? []).map((spec) => this.newRecord(pod, spec, true)),
    );
    this.workers.set(pod.metadata.uid, created);
    this.reportStatus(created, { code: 'kubelet.accepted' });
    this.mountVolumes(created, MOUNT_RETRY_INITIAL_MS, () =>
      this.cri('RunPodSandbox', created, undefined, () =>
        this.runtime.runPodSandbox(pod.metadata.uid, (sandboxId) => {
          if (created.phase !== 'starting') return;
          created.sandboxId = sandboxId;
          created.podIP = pod.spec.hostNetwork ? this.hostIP : this.allocateIp();
          this.runInitContainer(created, 0);
        }),
      ),
    );
  }

  /**
   * adopt takes over a pod that was running before the simulation began (the cluster's system
   * pods): its sandbox and containers are already up since startedAt, its probes run from now on,
   * and no CRI call or status update goes out. It returns the status the kubelet last reported.
   */
  adopt(pod: Pod, startedAt: number): PodStatus {
    const { sandboxId, containers } = this.runtime.adoptRunning(
      pod.metadata.uid,
      pod.spec.containers,
      startedAt,
    );
    const worker = newWorker(
      pod,
      'running',
      toTimestamp(startedAt),
      pod.spec.containers.map((spec) => this.newRecord(pod, spec, false)),
      [],
    );
    worker.sandboxId = sandboxId;
    worker.podIP = pod.spec.hostNetwork ? this.hostIP : this.allocateIp();
    this.workers.set(pod.metadata.uid, worker);
    worker.containers.forEach((record, i) => {
      record.current = containers[i];
      record.waiting = undefined;
      this.startProbes(worker, record, containers[i]!);
      // Long since started and ready: the probes only report a change from here on.
      record.started = true;
      record.ready = true;
    });
    return this.buildStatus(worker);
  }

  /** the first three octets of the node's pod CIDR, where the CNI plugin hands out pod IPs */
  private podSubnet: string | undefined;

  private allocateIp(): string {
    const base = (this.podSubnet ??= (this.node.spec.podCIDR ?? '10.244.0.0/24')
      .split('/')[0]!
      .split('.')
      .slice(0, 3)
      .join('.'));
    const ip = `${base}.${this.nextIp}`;
    this.nextIp = this.nextIp >= 254 ? 2 : this.nextIp + 1;
    return ip;
  }

  private newRecord(pod: Pod, spec: Container, init: boolean, afterInits = false): ContainerRecord {
    // Every field from the start: one object shape for all records, no property store grown later.
    return {
      spec,
      current: undefined,
      waiting: init || afterInits ? POD_INITIALIZING : CONTAINER_CREATING,
      terminated: undefined,
      exited: undefined,
      lastState: undefined,
      restartCount: this.restartCounts.get(`${pod.metadata.uid}/${spec.name}`) ?? 0,
      pullFailures: 0,
      crashBackoffMs: 0,
      cancelRestart: undefined,
      pendingAttempt: undefined,
      replacing: false,
      ready: false,
      started: false,
      stopProbes: undefined,
      init,
    };
  }

  /**
   * runInitContainer runs init container `index`; its successful exit starts the next one, and
   * after the last the app containers start (until then they wait in PodInitializing).
   */
  private runInitContainer(worker: PodWorker, index: number): void {
    if (worker.phase !== 'starting') return;
    const record = worker.initContainers[index];
    if (!record) {
      for (const app of worker.containers) app.waiting = CONTAINER_CREATING;
      if (worker.initContainers.length > 0)
        this.reportStatus(worker, { code: 'kubelet.initialized' });
      this.startContainer(worker, 0);
      return;
    }
    if (record.terminated?.exitCode === 0) return this.runInitContainer(worker, index + 1);
    if (index === 0) for (const app of worker.containers) app.waiting = POD_INITIALIZING;
    this.ensureImage(worker, record, () => this.createAndStart(worker, record, () => {}));
  }

  /** startContainer brings up the pod's containers one after another: pull if needed, create, start. */
  private startContainer(worker: PodWorker, index: number): void {
    if (worker.phase !== 'starting') return;
    const record = worker.containers[index];
    if (!record) {
      worker.phase = 'running';
      this.reportStatus(worker, { code: 'kubelet.running' });
      return;
    }
    this.ensureImage(worker, record, () =>
      this.createAndStart(worker, record, () => this.startContainer(worker, index + 1)),
    );
  }

  /** ensureImage pulls the container's image when its pull policy asks for it, then continues. */
  private ensureImage(worker: PodWorker, record: ContainerRecord, then: () => void): void {
    const image = record.spec.image;
    const pod = worker.pod;
    const present = this.runtime.hasImage(image);
    if (present && record.spec.imagePullPolicy !== 'Always') {
      this.recorder.normal(pod, 'Pulled', `Container image "${image}" already present on machine`);
      then();
      return;
    }
    if (record.spec.imagePullPolicy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      record.waiting = { reason: 'ErrImageNeverPull', message };
      this.recorder.warning(pod, 'ErrImageNeverPull', message);
      this.reportStatus(worker, { code: 'kubelet.pullFailed', args: { image } });
      return;
    }
    this.recorder.normal(pod, 'Pulling', `Pulling image "${image}"`);
    this.cri('PullImage', worker, image, () =>
      this.runtime.pullImage(image, (result) => {
        if (worker.phase === 'terminating' || worker.phase === 'gone') return;
        if (result.ok) {
          record.pullFailures = 0;
          const seconds = formatSeconds(result.durationMs);
          this.recorder.normal(
            pod,
            'Pulled',
            `Successfully pulled image "${image}" in ${seconds} (${seconds} including waiting). Image size: ${result.sizeBytes} bytes.`,
          );
          this.reportStatusSoon();
          then();
        } else {
          this.pullFailed(worker, record, result.message, then);
        }
      }),
    );
  }

  private pullFailed(
    worker: PodWorker,
    record: ContainerRecord,
    message: string,
    then: () => void,
  ): void {
    const image = record.spec.image;
    const pod = worker.pod;
    record.pullFailures++;
    record.waiting = { reason: 'ErrImagePull', message };
    this.recorder.warning(pod, 'Failed', `Failed to pull image "${image}": ${message}`);
    this.recorder.warning(pod, 'Failed', 'Error: ErrImagePull');
    this.reportStatus(worker, { code: 'kubelet.pullFailed', args: { image } });
    const backoff = Math.min(BACKOFF_INITIAL_MS * 2 ** (record.pullFailures - 1), BACKOFF_MAX_MS);
    const retry = () => this.ensureImage(worker, record, then);
    record.pendingAttempt = retry;
    this.clock.schedule(RESYNC_AFTER_FAILURE_MS, () => {
      if (worker.phase === 'terminating' || worker.phase === 'gone') return;
      if (record.pendingAttempt !== retry) return;
      const backoffMessage = `Back-off pulling image "${image}"`;
      record.waiting = { reason: 'ImagePullBackOff', message: backoffMessage };
      this.recorder.normal(pod, 'BackOff', backoffMessage);
      this.recorder.warning(pod, 'Failed', 'Error: ImagePullBackOff');
      this.reportStatus(worker, { code: 'kubelet.backoff', args: { image } });
    });
    // A back-off retry is the cluster waiting, not working: it does not keep the cluster busy.
    this.clock.schedule(
      backoff,
      () => {
        if (record.pendingAttempt !== retry) return;
        record.pendingAttempt = undefined;
        retry();
      },
      true,
    );
  }

  private createAndStart(worker: PodWorker, record: ContainerRecord, then: () => void): void {
    const pod = worker.pod;
    const name = record.spec.name;
    const env = containerEnv(pod, record.spec, this.read);
    if (!env.ok) return this.configFailed(worker, record, env.message, then);
    const options = {
      files: containerFiles(record.spec, worker.volumes ?? new Map()),
      env: env.env.map(([key, value]) => `${key}=${value}`),
    };
    this.cri('CreateContainer', worker, name, () =>
      this.runtime.createContainer(
        worker.runtimeUid,
        record.spec,
        (container) => {
          if (worker.phase === 'terminating' || worker.phase === 'gone') return;
          if (record.current) this.runtime.retire(record.current.id);
          record.current = container;
          this.recorder.normal(pod, 'Created', `Created container: ${name}`);
          this.cri('StartContainer', worker, name, () =>
            this.runtime.startContainer(container.id, (started) => {
              if (worker.phase === 'terminating' || worker.phase === 'gone') return;
              if (started.state === 'exited') {
                this.recorder.warning(
                  pod,
                  'Failed',
                  `Error: ${started.message ?? 'failed to start container'}`,
                );
                record.waiting = undefined;
                this.containerExited(worker, record, started);
                if (worker.phase === 'starting') then();
                return;
              }
              record.waiting = undefined;
              record.terminated = undefined;
              this.recorder.normal(pod, 'Started', `Started container ${name}`);
              this.startProbes(worker, record, started);
              if (worker.phase === 'running' || record.init)
                this.reportStatus(worker, {
                  code: record.init ? 'kubelet.initStarted' : 'kubelet.restarted',
                  args: { container: name },
                });
              then();
            }),
          );
        },
        options,
      ),
    );
  }

  /** noticeExit: the runtime says a process ended; the PLEG passes it on to the pod's worker. */
  private noticeExit(container: RuntimeContainer): void {
    if (!this.up) return;
    const worker =
      this.workers.get(container.podUid) ??
      [...this.workers.values()].find((w) => w.runtimeUid === container.podUid);
    const record = [...(worker?.initContainers ?? []), ...(worker?.containers ?? [])].find(
      (c) => c.current === container,
    );
    if (!worker || !record || worker.phase === 'terminating' || worker.phase === 'gone') return;
    this.transport.send(
      {
        from: this.runtimeComponent,
        to: this.component,
        channel: 'cri',
        verb: 'ContainerExited',
        object: objectRef(worker.pod),
        detail: `${container.name} exit ${container.exitCode}`,
        note: {
          code: 'cri.ContainerExited',
          args: { container: container.name, code: container.exitCode ?? 0 },
        },
      },
      PLEG_DELAY_MS,
      () => this.containerExited(worker, record, container),
    );
  }

  /**
   * containerExited applies the restartPolicy: Always restarts every exit, OnFailure only
   * non-zero ones, Never none. Restarts back off 10s, 20s ... 300s (CrashLoopBackOff); the
   * first one is immediate. A pod whose containers all stopped for good ends Succeeded or Failed.
   */
  private containerExited(
    worker: PodWorker,
    record: ContainerRecord,
    container: RuntimeContainer,
  ): void {
    if (worker.phase === 'terminating' || worker.phase === 'gone' || record.replacing) return;
    record.stopProbes?.();
    const pod = worker.pod;
    const state = terminatedState(container);
    const policy = pod.spec.restartPolicy;
    if (record.init && state.exitCode === 0) {
      record.terminated = state;
      this.runInitContainer(worker, worker.initContainers.indexOf(record) + 1);
      return;
    }
    // An init container that fails is retried unless the pod never restarts (Always acts as OnFailure).
    const restart = record.init
      ? policy !== 'Never'
      : policy === 'Always' || (policy === 'OnFailure' && state.exitCode !== 0);
    if (!restart) {
      record.terminated = state;
      this.reportStatus(worker, {
        code: 'kubelet.exited',
        args: { container: record.spec.name, code: state.exitCode },
      });
      return;
    }
    record.lastState = state;
    const ranFor =
      container.startedAt === undefined ? 0 : (container.finishedAt ?? 0) - container.startedAt;
    if (ranFor >= BACKOFF_RESET_MS) record.crashBackoffMs = 0;
    const delay = record.crashBackoffMs;
    record.crashBackoffMs = Math.min(Math.max(BACKOFF_INITIAL_MS, delay * 2), BACKOFF_MAX_MS);
    const name = record.spec.name;
    const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    if (delay > 0) {
      record.waiting = {
        reason: 'CrashLoopBackOff',
        message: `back-off ${formatSeconds(delay)} restarting failed container=${name} pod=${podRef}`,
      };
      this.recorder.warning(
        pod,
        'BackOff',
        `Back-off restarting failed container ${name} in pod ${podRef}`,
      );
    } else {
      record.exited = state;
    }
    this.reportStatus(worker, {
      code: 'kubelet.exited',
      args: { container: name, code: state.exitCode },
    });
    const restartNow = () => {
      record.pendingAttempt = undefined;
      record.cancelRestart?.();
      if (worker.phase !== 'running' && worker.phase !== 'starting') return;
      record.restartCount++;
      record.exited = undefined;
      this.ensureImage(worker, record, () => this.createAndStart(worker, record, () => {}));
    };
    record.pendingAttempt = restartNow;
    record.cancelRestart = this.clock.schedule(delay, restartNow, delay > 0);
  }

  /**
   * applySpecChanges is computePodActions for a pod whose spec changed on the API server (only a
   * container's image can): a running container whose definition changed is killed and started
   * again from the new one, whatever the restart policy; a container waiting out a back-off (a
   * failed pull, a crash) tries the new definition at once, as its back-off was for the old one.
   */
  private applySpecChanges(worker: PodWorker): void {
    for (const spec of worker.pod.spec.containers) {
      const record = worker.containers.find((r) => r.spec.name === spec.name);
      if (!record || record.spec.image === spec.image) continue;
      record.spec = spec;
      record.pullFailures = 0;
      const instance = record.current;
      if (instance?.state === 'running' && !record.replacing) {
        this.replaceContainer(worker, record, instance);
        continue;
      }
      const attempt = record.pendingAttempt;
      if (!attempt) continue;
      record.pendingAttempt = undefined;
      record.crashBackoffMs = 0;
      attempt();
    }
  }

  private replaceContainer(
    worker: PodWorker,
    record: ContainerRecord,
    instance: RuntimeContainer,
  ): void {
    const name = record.spec.name;
    record.replacing = true;
    record.stopProbes?.();
    this.recorder.normal(
      worker.pod,
      'Killing',
      `Container ${name} definition changed, will be restarted`,
    );
    const grace =
      worker.pod.metadata.deletionGracePeriodSeconds ??
      worker.pod.spec.terminationGracePeriodSeconds;
    this.cri('StopContainer', worker, name, () =>
      this.runtime.stopContainer(instance.id, grace, () => {
        record.replacing = false;
        if (worker.phase !== 'running' && worker.phase !== 'starting') return;
        record.lastState = terminatedState(instance);
        record.restartCount++;
        record.ready = false;
        this.ensureImage(worker, record, () => this.createAndStart(worker, record, () => {}));
      }),
    );
  }

  /**
   * startProbes runs the container's probes on their periods (prober_manager.go): the startup
   * probe first; then liveness (failureThreshold misses in a row: the container is killed and
   * restarted) and readiness (decides whether the container, and so the pod, is Ready).
   */
  private startProbes(
    worker: PodWorker,
    record: ContainerRecord,
    instance: RuntimeContainer,
  ): void {
    const spec = record.spec;
    record.started = !spec.startupProbe;
    record.ready = !spec.readinessProbe;
    record.stopProbes = undefined;
    // Most containers have no probes: nothing to run, nothing to keep.
    if (!spec.startupProbe && !spec.livenessProbe && !spec.readinessProbe) return;
    const timers: (() => void)[] = [];
    record.stopProbes = () => timers.forEach((cancel) => cancel());
    const live = () =>
      record.current === instance &&
      instance.state === 'running' &&
      worker.phase !== 'terminating' &&
      worker.phase !== 'gone' &&
      this.up;
    const loop = (kind: ProbeKind, probe: Probe) => {
      let failures = 0;
      let successes = 0;
      const tick = () => {
        if (!live()) return;
        timers.push(this.clock.schedule((probe.periodSeconds ?? 10) * 1000, tick, true));
        if (kind !== 'startup' && !record.started) return;
        if (kind === 'startup' && record.started) return;
        const result = runProbe(this.runtime, instance, spec, probe, worker.podIP ?? '');
        if (result.ok) {
          failures = 0;
          successes++;
          if (successes < (probe.successThreshold ?? 1)) return;
          if (kind === 'startup') {
            record.started = true;
            this.reportStatus(worker, {
              code: 'kubelet.probe',
              args: { container: spec.name, probe: kind, result: 'passed' },
            });
          } else if (kind === 'readiness' && !record.ready) {
            record.ready = true;
            this.reportStatus(worker, {
              code: 'kubelet.probe',
              args: { container: spec.name, probe: kind, result: 'passed' },
            });
          }
          return;
        }
        successes = 0;
        failures++;
        this.recorder.warning(
          worker.pod,
          'Unhealthy',
          `${PROBE_TITLE[kind]} probe failed: ${result.message}`,
        );
        if (failures < (probe.failureThreshold ?? 3)) return;
        if (kind === 'readiness') {
          if (record.ready) {
            record.ready = false;
            this.reportStatus(worker, {
              code: 'kubelet.probe',
              args: { container: spec.name, probe: kind, result: 'failed' },
            });
          }
          return;
        }
        this.recorder.normal(
          worker.pod,
          'Killing',
          `Container ${spec.name} failed ${kind} probe, will be restarted`,
        );
        record.stopProbes?.();
        this.runtime.kill(instance.id);
      };
      timers.push(this.clock.schedule((probe.initialDelaySeconds ?? 0) * 1000, tick, true));
    };
    if (spec.startupProbe) loop('startup', spec.startupProbe);
    if (spec.livenessProbe) loop('liveness', spec.livenessProbe);
    if (spec.readinessProbe) loop('readiness', spec.readinessProbe);
  }

  /** terminate stops the containers (graceful deletion) and then deletes the pod for good. */
  private terminate(worker: PodWorker): void {
    worker.phase = 'terminating';
    for (const record of [...worker.initContainers, ...worker.containers]) {
      record.cancelRestart?.();
      record.stopProbes?.();
    }
    const grace =
      worker.pod.metadata.deletionGracePeriodSeconds ??
      worker.pod.spec.terminationGracePeriodSeconds;
    const running = [...worker.initContainers, ...worker.containers].filter(
      (c) => c.current?.state === 'running',
    );
    let remaining = running.length;
    const finish = () => {
      this.cri('StopPodSandbox', worker, undefined, () => {
        this.runtime.removePod(worker.runtimeUid);
        this.releaseVolumes(worker);
        worker.phase = 'gone';
        this.deleteFromApi(worker.pod);
      });
    };
    if (remaining === 0) return finish();
    for (const record of running) {
      this.recorder.normal(worker.pod, 'Killing', `Stopping container ${record.spec.name}`);
      this.cri('StopContainer', worker, record.spec.name, () =>
        this.runtime.stopContainer(record.current!.id, grace, () => {
          remaining--;
          if (remaining === 0) finish();
        }),
      );
    }
  }

  /** deleteFromApi removes this very pod (its uid) from the API for good, with no grace. */
  private deleteFromApi(pod: Pod, then?: () => void, code = 'kubelet.finalDelete'): void {
    this.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        gracePeriodSeconds: 0,
        preconditionUid: pod.metadata.uid,
      },
      then,
      { code, args: { pod: pod.metadata.name } },
    );
  }

  private podRemoved(pod: Pod): void {
    const worker = this.workers.get(pod.metadata.uid);
    // A static pod outlives its mirror pod: the kubelet is already creating the next one.
    if (!worker || worker.replacingMirror) return;
    this.workers.delete(pod.metadata.uid);
    for (const record of worker.containers) record.cancelRestart?.();
    for (const record of worker.containers) record.stopProbes?.();
    if (worker.phase === 'gone') return this.releaseVolumes(worker);
    worker.phase = 'gone';
    this.cri('StopPodSandbox', worker, undefined, () => {
      this.runtime.removePod(worker.runtimeUid);
      this.releaseVolumes(worker);
    });
  }

  /**
   * replaceMirrorPod: a static pod's mirror pod was deleted through the API. The static pod runs
   * on from its manifest; the kubelet deletes the mirror for good (grace 0, this uid only) and
   * creates it again (kubelet.go SyncPod), so the pod comes back with a new uid and age.
   */
  private replaceMirrorPod(worker: PodWorker): void {
    if (worker.replacingMirror) return;
    worker.replacingMirror = true;
    const old = worker.pod;
    const create = () =>
      this.client.request(
        {
          verb: 'create',
          resource: 'pods',
          namespace: old.metadata.namespace,
          body: mirrorPodManifest(old),
        },
        (response) => {
          if (!response.ok) worker.replacingMirror = false;
        },
        { code: 'kubelet.mirrorPod', args: { pod: old.metadata.name } },
      );
    this.deleteFromApi(old, create, 'kubelet.mirrorDelete');
  }

  /** adoptMirrorPod hands a new mirror pod the static pod's worker, which kept running. */
  private adoptMirrorPod(pod: Pod): boolean {
    if (!isMirrorPod(pod)) return false;
    const entry = [...this.workers].find(
      ([, w]) =>
        w.replacingMirror &&
        w.pod.metadata.namespace === pod.metadata.namespace &&
        w.pod.metadata.name === pod.metadata.name,
    );
    if (!entry) return false;
    const [oldUid, worker] = entry;
    this.workers.delete(oldUid);
    this.workers.set(pod.metadata.uid, worker);
    worker.pod = pod;
    worker.replacingMirror = false;
    this.reportStatus(worker, { code: 'kubelet.running' });
    return true;
  }

  /**
   * mountVolumes sets up the pod's volumes before its sandbox starts (WaitForAttachAndMount). A
   * volume that cannot be set up yet (a missing ConfigMap, an unbound claim) is a FailedMount
   * event, retried with back-off from 500ms doubling to 2m2s while the pod stays ContainerCreating.
   */
  private mountVolumes(worker: PodWorker, retryMs: number, then: () => void): void {
    if (worker.phase !== 'starting' || !this.up) return;
    this.markVolumesInUse(worker);
    const result = setUpVolumes(
      worker.pod,
      this.nodeName,
      this.read,
      this.disks,
      this.now,
      this.attachState,
    );
    if (!result.ok) {
      const waited = this.clock.now - (worker.mountWaitStart ??= this.clock.now);
      // An unattached volume is waited for in silence: 1.32 records no event when that wait times out.
      if (result.unattached) {
        // The attach/detach controller attaches it; the next retry finds it in the node status.
      } else if (!result.claim) {
        this.recorder.warning(
          worker.pod,
          'FailedMount',
          `MountVolume.SetUp failed for volume "${result.volume}" : ${result.message}`,
        );
      } else if (waited >= MOUNT_TIMEOUT_MS) {
        // A claim that cannot be used is only reported when the pod's mount wait times out.
        worker.mountWaitStart = this.clock.now;
        this.recorder.warning(
          worker.pod,
          'FailedMount',
          `Unable to attach or mount volumes: unmounted volumes=[${result.volume}], unattached volumes=[], failed to process volumes=[${result.volume}]: context deadline exceeded`,
        );
      }
      this.clock.schedule(
        retryMs,
        () => this.mountVolumes(worker, Math.min(retryMs * 2, MOUNT_RETRY_MAX_MS), then),
        true,
      );
      return;
    }
    worker.volumes = result.volumes;
    if ([...result.volumes.values()].some((v) => v.refresh)) this.scheduleVolumeSync(worker);
    then();
  }

  /**
   * scheduleVolumeSync rewrites the pod's configMap, secret and projected volumes at its next
   * periodic sync, and so on each minute: they follow their objects and the pod, and the service
   * account token is renewed.
   */
  private scheduleVolumeSync(worker: PodWorker): void {
    worker.cancelVolumeSync = this.clock.schedule(
      VOLUME_SYNC_MS,
      () => {
        for (const volume of worker.volumes!.values()) volume.refresh?.(worker.pod);
        this.scheduleVolumeSync(worker);
      },
      true,
    );
  }

  /**
   * configFailed: a container's environment refers to a ConfigMap, Secret or key that does not
   * exist. It waits in CreateContainerConfigError and the next pod sync tries again.
   */
  private configFailed(
    worker: PodWorker,
    record: ContainerRecord,
    message: string,
    then: () => void,
  ): void {
    record.waiting = { reason: 'CreateContainerConfigError', message };
    this.recorder.warning(worker.pod, 'Failed', `Error: ${message}`);
    this.reportStatus(worker, {
      code: 'kubelet.configError',
      args: { container: record.spec.name },
    });
    this.clock.schedule(
      CONFIG_RETRY_MS,
      () => {
        if (worker.phase === 'terminating' || worker.phase === 'gone') return;
        // The next sync starts the container afresh: image check first, then its config.
        this.ensureImage(worker, record, () => this.createAndStart(worker, record, then));
      },
      true,
    );
  }

  /** markVolumesInUse records the pod's attachable volumes for the next node status. */
  private markVolumesInUse(worker: PodWorker): void {
    const names = podAttachableVolumes(worker.pod, this.read);
    const before = this.volumesInUse.get(worker.pod.metadata.uid) ?? [];
    if (names.join() === before.join()) return;
    this.volumesInUse.set(worker.pod.metadata.uid, names);
    this.reportStatusSoon();
  }

  /**
   * releaseVolumes unmounts a finished pod's volumes: its emptyDirs are deleted with it, and its
   * attachable volumes leave volumesInUse at the next node status (then they may be detached).
   */
  private releaseVolumes(worker: PodWorker): void {
    worker.cancelVolumeSync?.();
    worker.cancelVolumeSync = undefined;
    if (this.volumesInUse.delete(worker.pod.metadata.uid)) this.reportStatusSoon();
    for (const key of emptyDirKeys(worker.pod)) this.disks.wipe(key);
  }

  private cri(verb: string, worker: PodWorker, detail: string | undefined, call: () => void): void {
    if (!this.up) return;
    this.transport.send(
      {
        from: this.component,
        to: this.runtimeComponent,
        channel: 'cri',
        verb,
        object: objectRef(worker.pod),
        detail,
        note: { code: `cri.${verb}`, args: { detail: detail ?? '' } },
      },
      LATENCY.cri,
      call,
    );
  }

  private reportStatus(worker: PodWorker, note: HopNote): void {
    const pod = worker.pod;
    const status = this.buildStatus(worker);
    this.client.request(
      {
        verb: 'patch',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        subresource: 'status',
        patchType: 'strategic',
        patch: { status: { $patch: 'replace', ...status } },
      },
      undefined,
      note,
    );
  }

  private buildStatus(worker: PodWorker): PodStatus {
    const pod = worker.pod;
    const now = toTimestamp(this.clock.now);
    const statuses: ContainerStatus[] = worker.containers.map((record) => containerStatus(record));
    const initStatuses = worker.initContainers.map((record) => containerStatus(record));
    const pendingInits = worker.initContainers.filter((r) => r.terminated?.exitCode !== 0);
    const notReady = statuses.filter((s) => !s.ready);
    const allReady = notReady.length === 0;
    const done = worker.containers.every((c) => c.terminated) && worker.phase !== 'starting';
    const unready = done ? 'PodCompleted' : 'ContainersNotReady';
    // The messages only when a condition is False (and so carries one).
    const unreadyMessage =
      done || allReady
        ? undefined
        : `containers with unready status: [${notReady.map((s) => s.name).join(' ')}]`;
    const initMessage =
      pendingInits.length === 0
        ? undefined
        : `containers with incomplete status: [${pendingInits.map((r) => r.spec.name).join(' ')}]`;
    // mergePodStatus: conditions others own (the scheduler's DisruptionTarget, readiness gates)
    // stay, ahead of the kubelet's own.
    const conditions: PodCondition[] = [];
    for (const c of pod.status?.conditions ?? [])
      if (!CONDITIONS_BY_KUBELET.has(c.type)) conditions.push(c);
    conditions.push(
      condition(pod, now, 'PodReadyToStartContainers', worker.sandboxId !== undefined && !done),
      condition(
        pod,
        now,
        'Initialized',
        pendingInits.length === 0,
        'ContainersNotInitialized',
        initMessage,
      ),
      condition(pod, now, 'Ready', allReady, unready, unreadyMessage),
      condition(pod, now, 'ContainersReady', allReady, unready, unreadyMessage),
      podCondition(pod, 'PodScheduled') ?? condition(pod, now, 'PodScheduled', true),
    );
    const phase = podPhase(worker);
    return {
      phase,
      conditions,
      hostIP: this.hostIP,
      hostIPs: [{ ip: this.hostIP }],
      ...(worker.podIP && phase !== 'Pending'
        ? { podIP: worker.podIP, podIPs: [{ ip: worker.podIP }] }
        : {}),
      startTime: worker.startTime,
      ...(initStatuses.length > 0 ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: statuses,
      qosClass: pod.status.qosClass,
    };
  }
}

/** condition builds a pod condition, keeping its transition time while its status holds. */
function condition(
  pod: Pod,
  now: string,
  type: PodCondition['type'],
  ok: boolean,
  reason?: string,
  message?: string,
): PodCondition {
  const old = podCondition(pod, type);
  const status = ok ? 'True' : 'False';
  const built: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
  };
  if (!ok && reason) {
    built.reason = reason;
    built.message = message;
  }
  return built;
}

/** toMicroTime formats a Lease's renewTime: RFC 3339 with microseconds. */
function toMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** podPhase follows kubelet's getPhase: Pending until every container has started once. */
function podPhase(worker: PodWorker): PodPhase {
  if (worker.initContainers.some((r) => r.terminated && r.terminated.exitCode !== 0))
    return 'Failed';
  if (worker.phase === 'starting') return 'Pending';
  if (worker.containers.every((c) => c.terminated)) {
    return worker.containers.every((c) => c.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  return 'Running';
}

function terminatedState(c: RuntimeContainer): ContainerStateTerminated {
  return {
    exitCode: c.exitCode ?? 0,
    reason: c.reason ?? (c.exitCode === 0 ? 'Completed' : 'Error'),
    ...(c.message ? { message: c.message } : {}),
    ...(c.startedAt !== undefined ? { startedAt: toTimestamp(c.startedAt) } : {}),
    finishedAt: toTimestamp(c.finishedAt ?? 0),
    containerID: `containerd://${c.id}`,
  };
}

function containerStatus(record: ContainerRecord): ContainerStatus {
  const c = record.current;
  const running = c?.state === 'running' && !record.waiting && !record.exited;
  let state: ContainerState;
  if (record.waiting) state = { waiting: { ...record.waiting } };
  else if (record.terminated ?? record.exited)
    state = { terminated: (record.terminated ?? record.exited)! };
  else if (running) state = { running: { startedAt: toTimestamp(c!.startedAt!) } };
  else state = { waiting: { reason: 'ContainerCreating' } };
  return {
    name: record.spec.name,
    image: c ? c.image : record.spec.image,
    imageID: c?.imageRef ?? '',
    ...(c ? { containerID: `containerd://${c.id}` } : {}),
    // A completed init container counts as ready; an app container when its probes say so.
    ready: record.init
      ? record.terminated?.exitCode === 0
      : running && record.started && record.ready,
    started: running && record.started,
    restartCount: record.restartCount,
    state,
    lastState: record.lastState ? { terminated: record.lastState } : {},
  };
}

/** formatSeconds prints a duration as Go's time.Duration.String does: 3.612s, 10s, 5m0s. */
function formatSeconds(ms: number): string {
  if (ms >= 60_000 && ms % 1000 === 0) return `${Math.floor(ms / 60_000)}m${(ms % 60_000) / 1000}s`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** The pod conditions the kubelet owns and rewrites (PodConditionsByKubelet, with PodReadyToStartContainers). */
const CONDITIONS_BY_KUBELET = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodReadyToStartContainers',
]);

/** isMirrorPod: the API server's copy of a static pod, which the kubelet alone manages. */
function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
}

/** mirrorPodManifest is the mirror pod CreateMirrorPod posts for a static pod: its manifest, owned by the node. */
function mirrorPodManifest(pod: Pod): AnyObject {
  const { name, namespace, labels, annotations, ownerReferences } = pod.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels, annotations, ownerReferences },
    spec: pod.spec,
  };
}
