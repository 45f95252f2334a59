import type { ApiServer } from '../apiserver/apiserver';
import { objectRef } from '../apiserver/apiserver';
import type { Container, ContainerStatus, Node, Pod, PodCondition, PodStatus } from '../api/types';
import { toTimestamp, type Clock } from '../clock';
import { ApiClient } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer } from '../client/informer';
import { componentOnNode, type HopNote } from '../hops';
import type { Containerd, RuntimeContainer } from '../runtime/containerd';
import { LATENCY, type Transport } from '../transport';

/** Image pull back-off: 10s doubling to 300s (kubelet's flowcontrol.Backoff). */
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** How soon the kubelet's next pod sync notices a failed pull and reports the back-off. */
const RESYNC_AFTER_FAILURE_MS = 1000;

interface ContainerRecord {
  spec: Container;
  runtime?: RuntimeContainer;
  waiting?: { reason: string; message?: string };
  pullFailures: number;
}

/** PodWorker is the kubelet's per-pod state machine (pod_workers.go), keyed by pod uid. */
interface PodWorker {
  pod: Pod;
  phase: 'starting' | 'running' | 'terminating' | 'gone';
  sandboxId?: string;
  podIP?: string;
  startTime: string;
  containers: ContainerRecord[];
}

/**
 * Kubelet is the node agent: it watches the pods bound to its node, asks the container runtime
 * to run them, and reports their status (and events) back through the API server.
 */
export class Kubelet {
  readonly component: string;
  private readonly runtimeComponent: string;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer<Pod>;
  private readonly workers = new Map<string, PodWorker>();
  private nextIp = 2;

  constructor(
    api: ApiServer,
    private readonly clock: Clock,
    private readonly transport: Transport,
    private readonly node: Node,
    readonly runtime: Containerd,
  ) {
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
  }

  get nodeName(): string {
    return this.node.metadata.name;
  }

  start(): void {
    this.pods.start();
  }

  private get hostIP(): string {
    return this.node.status.addresses.find((a) => a.type === 'InternalIP')!.address;
  }

  private handle(pod: Pod): void {
    const worker = this.workers.get(pod.metadata.uid);
    if (worker) {
      worker.pod = pod;
      if (
        pod.metadata.deletionTimestamp &&
        worker.phase !== 'terminating' &&
        worker.phase !== 'gone'
      ) {
        this.terminate(worker);
      }
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      this.deleteFromApi(pod);
      return;
    }
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
    const created: PodWorker = {
      pod,
      phase: 'starting',
      startTime: toTimestamp(this.clock.now),
      containers: pod.spec.containers.map((spec) => ({
        spec,
        pullFailures: 0,
        waiting: { reason: 'ContainerCreating' },
      })),
    };
    this.workers.set(pod.metadata.uid, created);
    this.reportStatus(created, { code: 'kubelet.accepted' });
    this.cri('RunPodSandbox', created, undefined, () =>
      this.runtime.runPodSandbox(pod.metadata.uid, (sandboxId) => {
        if (created.phase !== 'starting') return;
        created.sandboxId = sandboxId;
        created.podIP = this.allocateIp();
        this.startContainer(created, 0);
      }),
    );
  }

  private allocateIp(): string {
    const cidr = this.node.spec.podCIDR ?? '10.244.0.0/24';
    const base = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
    const ip = `${base}.${this.nextIp}`;
    this.nextIp = this.nextIp >= 254 ? 2 : this.nextIp + 1;
    return ip;
  }

  /** startContainer runs containers one after another: pull (if needed), create, start. */
  private startContainer(worker: PodWorker, index: number): void {
    if (worker.phase !== 'starting') return;
    const record = worker.containers[index];
    if (!record) {
      worker.phase = 'running';
      this.reportStatus(worker, { code: 'kubelet.running' });
      return;
    }
    const image = record.spec.image;
    const pod = worker.pod;
    const present = this.runtime.hasImage(image);
    if (present && record.spec.imagePullPolicy !== 'Always') {
      this.recorder.normal(pod, 'Pulled', `Container image "${image}" already present on machine`);
      this.createAndStart(worker, index);
      return;
    }
    if (record.spec.imagePullPolicy === 'Never' && !present) {
      record.waiting = {
        reason: 'ErrImageNeverPull',
        message: `Container image "${image}" is not present with pull policy of Never`,
      };
      this.recorder.warning(
        pod,
        'ErrImageNeverPull',
        `Container image "${image}" is not present with pull policy of Never`,
      );
      this.reportStatus(worker, { code: 'kubelet.pullFailed', args: { image } });
      return;
    }
    this.recorder.normal(pod, 'Pulling', `Pulling image "${image}"`);
    this.cri('PullImage', worker, image, () =>
      this.runtime.pullImage(image, (result) => {
        if (worker.phase !== 'starting') return;
        if (result.ok) {
          record.pullFailures = 0;
          const seconds = formatSeconds(result.durationMs);
          this.recorder.normal(
            pod,
            'Pulled',
            `Successfully pulled image "${image}" in ${seconds} (${seconds} including waiting). Image size: ${result.sizeBytes} bytes.`,
          );
          this.createAndStart(worker, index);
        } else {
          this.pullFailed(worker, index, result.message);
        }
      }),
    );
  }

  private pullFailed(worker: PodWorker, index: number, message: string): void {
    const record = worker.containers[index]!;
    const image = record.spec.image;
    const pod = worker.pod;
    record.pullFailures++;
    record.waiting = { reason: 'ErrImagePull', message };
    this.recorder.warning(pod, 'Failed', `Failed to pull image "${image}": ${message}`);
    this.recorder.warning(pod, 'Failed', 'Error: ErrImagePull');
    this.reportStatus(worker, { code: 'kubelet.pullFailed', args: { image } });
    const backoff = Math.min(BACKOFF_INITIAL_MS * 2 ** (record.pullFailures - 1), BACKOFF_MAX_MS);
    this.clock.schedule(RESYNC_AFTER_FAILURE_MS, () => {
      if (worker.phase !== 'starting') return;
      const backoffMessage = `Back-off pulling image "${image}"`;
      record.waiting = { reason: 'ImagePullBackOff', message: backoffMessage };
      this.recorder.normal(pod, 'BackOff', backoffMessage);
      this.recorder.warning(pod, 'Failed', 'Error: ImagePullBackOff');
      this.reportStatus(worker, { code: 'kubelet.backoff', args: { image } });
    });
    // A back-off retry is the cluster waiting, not working: it does not keep the cluster busy.
    this.clock.schedule(backoff, () => this.startContainer(worker, index), true);
  }

  private createAndStart(worker: PodWorker, index: number): void {
    const record = worker.containers[index]!;
    const pod = worker.pod;
    const name = record.spec.name;
    this.cri('CreateContainer', worker, name, () =>
      this.runtime.createContainer(pod.metadata.uid, name, record.spec.image, (container) => {
        if (worker.phase !== 'starting') return;
        record.runtime = container;
        this.recorder.normal(pod, 'Created', `Created container: ${name}`);
        this.cri('StartContainer', worker, name, () =>
          this.runtime.startContainer(container.id, () => {
            if (worker.phase !== 'starting') return;
            record.waiting = undefined;
            this.recorder.normal(pod, 'Started', `Started container ${name}`);
            this.startContainer(worker, index + 1);
          }),
        );
      }),
    );
  }

  /** terminate stops the containers (graceful deletion) and then deletes the pod for good. */
  private terminate(worker: PodWorker): void {
    worker.phase = 'terminating';
    const running = worker.containers.filter((c) => c.runtime?.state === 'running');
    let remaining = running.length;
    const finish = () => {
      this.cri('StopPodSandbox', worker, undefined, () => {
        this.runtime.removePod(worker.pod.metadata.uid);
        worker.phase = 'gone';
        this.deleteFromApi(worker.pod);
      });
    };
    if (remaining === 0) return finish();
    for (const record of running) {
      this.recorder.normal(worker.pod, 'Killing', `Stopping container ${record.spec.name}`);
      this.cri('StopContainer', worker, record.spec.name, () =>
        this.runtime.stopContainer(record.runtime!.id, () => {
          remaining--;
          if (remaining === 0) finish();
        }),
      );
    }
  }

  private deleteFromApi(pod: Pod): void {
    this.client.request(
      {
        verb: 'delete',
        resource: 'pods',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        gracePeriodSeconds: 0,
        preconditionUid: pod.metadata.uid,
      },
      undefined,
      { code: 'kubelet.finalDelete', args: { pod: pod.metadata.name } },
    );
  }

  private podRemoved(pod: Pod): void {
    const worker = this.workers.get(pod.metadata.uid);
    if (!worker) return;
    this.workers.delete(pod.metadata.uid);
    if (worker.phase === 'gone') return;
    worker.phase = 'gone';
    this.cri('StopPodSandbox', worker, undefined, () => this.runtime.removePod(pod.metadata.uid));
  }

  private cri(verb: string, worker: PodWorker, detail: string | undefined, call: () => void): void {
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
    const statuses: ContainerStatus[] = worker.containers.map((record) => {
      const running = record.runtime?.state === 'running' && !record.waiting;
      return {
        name: record.spec.name,
        image: record.runtime ? record.runtime.image : record.spec.image,
        imageID: record.runtime?.imageRef ?? '',
        ...(record.runtime ? { containerID: `containerd://${record.runtime.id}` } : {}),
        ready: running,
        started: running,
        restartCount: 0,
        state: running
          ? { running: { startedAt: toTimestamp(record.runtime!.startedAt!) } }
          : { waiting: { ...record.waiting } },
        lastState: {},
      };
    });
    const allReady = statuses.every((s) => s.ready);
    const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
    const previous = (type: PodCondition['type']) =>
      pod.status.conditions?.find((c) => c.type === type);
    const cond = (
      type: PodCondition['type'],
      ok: boolean,
      reason?: string,
      message?: string,
    ): PodCondition => {
      const old = previous(type);
      const status = ok ? 'True' : 'False';
      return {
        type,
        status,
        lastProbeTime: null,
        lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
        ...(ok || !reason ? {} : { reason, message }),
      };
    };
    const unready = `containers with unready status: [${notReady.join(' ')}]`;
    const conditions: PodCondition[] = [
      cond('PodReadyToStartContainers', worker.sandboxId !== undefined),
      cond('Initialized', true),
      cond('Ready', allReady, 'ContainersNotReady', unready),
      cond('ContainersReady', allReady, 'ContainersNotReady', unready),
      previous('PodScheduled') ?? cond('PodScheduled', true),
    ];
    return {
      phase: worker.phase === 'running' ? 'Running' : 'Pending',
      conditions,
      hostIP: this.hostIP,
      hostIPs: [{ ip: this.hostIP }],
      ...(worker.podIP && worker.phase === 'running'
        ? { podIP: worker.podIP, podIPs: [{ ip: worker.podIP }] }
        : {}),
      startTime: worker.startTime,
      containerStatuses: statuses,
      qosClass: pod.status.qosClass,
    };
  }
}

/** formatSeconds prints a duration as Go's time.Duration.String does for pull times: 3.612s. */
function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}
