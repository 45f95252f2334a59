import type { Clock, Random } from '../clock';
import { bytes } from '../api/quantity';
import type { Container } from '../api/types';
import type { ContainerNetwork } from '../network/tools';
import { findImage, imageDigest, imageTools, normalizeImage } from './images';
import {
  execOnce,
  planProcess,
  type ContainerFiles,
  type ProcessStep,
  type ShellContext,
} from './process';

/** Simulated durations of runtime work, in milliseconds. */
export const RUNTIME_TIMING = {
  sandbox: 400,
  create: 60,
  start: 120,
  stop: 150,
  /** a home connection's download speed, bytes per millisecond (~25 MB/s) */
  pullBytesPerMs: 25_000,
  pullLatency: 300,
} as const;

export interface RuntimeContainer {
  id: string;
  podUid: string;
  name: string;
  image: string;
  imageRef: string;
  state: 'created' | 'running' | 'exited';
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  /** why the process ended: Completed/Error (by exit code), or StartError */
  reason?: string;
  message?: string;
  /** whether the process handles SIGTERM; shells and sleep as PID 1 do not */
  handlesSigterm: boolean;
  logs: { time: number; line: string }[];
  /** the container's file system: its writable layer, and its volume mounts */
  files: ContainerFiles;
  /** its environment as the kubelet resolved it (NAME=value, env and envFrom) */
  env?: string[];
  /** TCP ports its process listens on once running */
  listens: number[];
  /** memory the process uses, in bytes, and the cgroup limit that OOM-kills it */
  memoryBytes: number;
  memoryLimit?: number;
}

/** What a small process uses before it allocates anything (RSS of a shell or nginx worker). */
const BASE_MEMORY_BYTES = 3 * 1024 * 1024;

/** SIGKILL's exit code, as the kubelet reports it for a killed container. */
export const EXIT_SIGKILL = 137;
/** How many log lines a container keeps (the kubelet rotates logs). */
const MAX_LOG_LINES = 1000;

export type ExitListener = (container: RuntimeContainer) => void;

/** ExecResult is a finished exec: its output and exit code, or the error that kept it from starting. */
export interface ExecResult {
  exitCode: number;
  output: string[];
  error?: string;
}

/** NetworkProvider gives a container its view of the cluster network, looked up when used. */
export type NetworkProvider = (container: RuntimeContainer) => ContainerNetwork | undefined;

export type PullResult =
  | { ok: true; imageRef: string; sizeBytes: number; durationMs: number }
  | { ok: false; message: string };

/**
 * Containerd is one node's container runtime behind the CRI: sandboxes, image pulls, containers.
 * Each call completes after simulated time; the kubelet's calls into it are the hops.
 */
export class Containerd {
  private readonly images = new Map<string, { ref: string; size: number }>();
  private readonly containers = new Map<string, RuntimeContainer>();
  private readonly sandboxes = new Map<string, string>();
  private readonly processes = new Map<
    string,
    { cancel?: () => void; steps?: Iterator<ProcessStep> }
  >();
  private readonly retired = new Set<string>();
  private exitListener: ExitListener = () => {};
  private network: NetworkProvider = () => undefined;

  constructor(
    readonly node: string,
    private readonly clock: Clock,
    private readonly rng: Random,
  ) {}

  /** onExit tells the kubelet when a container's process ends (its PLEG notices). */
  onExit(listener: ExitListener): void {
    this.exitListener = listener;
  }

  /** connectNetwork plugs the node into the cluster network (the CNI plugin's part). */
  connectNetwork(provider: NetworkProvider): void {
    this.network = provider;
  }

  hasImage(image: string): boolean {
    return this.images.has(normalizeImage(image).reference);
  }

  /** preload marks an image as already present (nodes that have pulled it before). */
  preload(image: string): void {
    const { reference } = normalizeImage(image);
    this.images.set(reference, {
      ref: imageDigestRef(reference),
      size: findImage(image)?.sizeBytes ?? 0,
    });
  }

  imageList(): { names: string[]; sizeBytes: number }[] {
    return [...this.images].map(([name, { ref, size }]) => ({
      names: [ref, name],
      sizeBytes: size,
    }));
  }

  /**
   * adoptRunning is the state a node boots the simulation with: a pod sandbox and its
   * containers already running since startedAt (the cluster's system pods), with no CRI calls.
   * It returns the sandbox id and the running containers, in spec order.
   */
  adoptRunning(
    podUid: string,
    specs: Pick<Container, 'name' | 'image' | 'command' | 'args' | 'resources'>[],
    startedAt: number,
  ): { sandboxId: string; containers: RuntimeContainer[] } {
    const sandboxId = this.newId();
    this.sandboxes.set(podUid, sandboxId);
    const containers = specs.map((spec) => {
      this.preload(spec.image);
      const container = this.buildContainer(podUid, spec, {});
      this.containers.set(container.id, container);
      Object.assign(container, { state: 'running', startedAt });
      this.advance(container);
      return container;
    });
    return { sandboxId, containers };
  }

  runPodSandbox(podUid: string, done: (sandboxId: string) => void): void {
    const id = this.newId();
    this.clock.schedule(RUNTIME_TIMING.sandbox, () => {
      this.sandboxes.set(podUid, id);
      done(id);
    });
  }

  pullImage(image: string, done: (result: PullResult) => void): void {
    const info = findImage(image);
    const { reference } = normalizeImage(image);
    if (!info) {
      this.clock.schedule(RUNTIME_TIMING.pullLatency + 400, () =>
        done({
          ok: false,
          message: `rpc error: code = NotFound desc = failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": ${reference}: not found`,
        }),
      );
      return;
    }
    // Registries and links vary: each pull runs at 75% to 125% of the nominal bandwidth.
    const bandwidth = RUNTIME_TIMING.pullBytesPerMs * (0.75 + this.rng.next() / 2);
    const durationMs = RUNTIME_TIMING.pullLatency + Math.round(info.sizeBytes / bandwidth);
    this.clock.schedule(durationMs, () => {
      const ref = imageDigestRef(reference);
      this.images.set(reference, { ref, size: info.sizeBytes });
      done({ ok: true, imageRef: ref, sizeBytes: info.sizeBytes, durationMs });
    });
  }

  /** buildContainer plans a container's process and its view of the world, before it exists. */
  private buildContainer(
    podUid: string,
    spec: Pick<Container, 'name' | 'image' | 'command' | 'args' | 'resources'>,
    options: { files?: ContainerFiles; env?: string[] },
  ): RuntimeContainer {
    const { reference } = normalizeImage(spec.image);
    const files = options.files ?? new Map<string, string>();
    // Every field from the start: one object shape for all containers, no property store grown later.
    const container: RuntimeContainer = {
      id: this.newId(),
      podUid,
      name: spec.name,
      image: reference,
      imageRef: this.images.get(reference)?.ref ?? imageDigestRef(reference),
      state: 'created',
      startedAt: undefined,
      finishedAt: undefined,
      exitCode: undefined,
      reason: undefined,
      message: undefined,
      handlesSigterm: false,
      logs: [],
      files,
      env: options.env,
      listens: [],
      memoryBytes: BASE_MEMORY_BYTES,
      memoryLimit: spec.resources?.limits?.memory ? bytes(spec.resources.limits.memory) : undefined,
    };
    const plan = planProcess(spec.image, spec.command, spec.args, this.shell(container));
    container.handlesSigterm = 'steps' in plan && plan.handlesSigterm;
    // Servers listen on their image's ports; a shell script listens on nothing.
    if (container.handlesSigterm) container.listens = findImage(spec.image)?.listens ?? [];
    if ('steps' in plan)
      this.processes.set(container.id, {
        cancel: undefined,
        steps: plan.steps[Symbol.iterator](),
      });
    else {
      this.processes.set(container.id, { cancel: undefined, steps: undefined });
      container.message = plan.startError;
    }
    return container;
  }

  createContainer(
    podUid: string,
    spec: Pick<Container, 'name' | 'image' | 'command' | 'args' | 'resources'>,
    done: (c: RuntimeContainer) => void,
    /** the file system with its volume mounts, and the resolved environment, from the kubelet */
    options: { files?: ContainerFiles; env?: string[] } = {},
  ): void {
    const container = this.buildContainer(podUid, spec, options);
    this.clock.schedule(RUNTIME_TIMING.create, () => {
      this.containers.set(container.id, container);
      done(container);
    });
  }

  /**
   * startContainer starts the process; done reports the start (or a StartError, exit 128). The
   * process then runs on the simulated clock and onExit fires when it ends.
   */
  startContainer(id: string, done: (c: RuntimeContainer) => void): void {
    this.clock.schedule(RUNTIME_TIMING.start, () => {
      const c = this.containers.get(id);
      const process = this.processes.get(id);
      if (!c || !process) return;
      if (!process.steps) {
        Object.assign(c, {
          state: 'exited',
          exitCode: 128,
          reason: 'StartError',
          finishedAt: this.clock.now,
        });
        done(c);
        return;
      }
      c.state = 'running';
      c.startedAt = this.clock.now;
      done(c);
      this.advance(c);
    });
  }

  /** advance runs the process's steps until it waits, serves, or exits. */
  private advance(c: RuntimeContainer): void {
    const process = this.processes.get(c.id);
    if (!process?.steps || c.state !== 'running') return;
    for (;;) {
      const next = process.steps.next();
      const step: ProcessStep = next.done ? { type: 'exit', code: 0 } : next.value;
      if (step.type === 'log') {
        c.logs.push({ time: this.clock.now, line: step.line });
        if (c.logs.length > MAX_LOG_LINES) c.logs.shift();
      } else if (step.type === 'sleep') {
        process.cancel = this.clock.schedule(step.ms, () => this.advance(c), true);
        return;
      } else if (step.type === 'memory') {
        c.memoryBytes = BASE_MEMORY_BYTES + step.bytes;
        if (c.memoryLimit !== undefined && c.memoryBytes > c.memoryLimit) {
          // The kernel's OOM killer ends the process: SIGKILL, reported as OOMKilled.
          this.exit(c, EXIT_SIGKILL, 'OOMKilled');
          return;
        }
      } else if (step.type === 'serve') {
        return;
      } else {
        this.exit(c, step.code);
        return;
      }
    }
  }

  private exit(c: RuntimeContainer, code: number, reason?: string): void {
    if (c.state !== 'running') return;
    this.processes.get(c.id)?.cancel?.();
    this.processes.delete(c.id);
    Object.assign(c, {
      state: 'exited',
      exitCode: code,
      finishedAt: this.clock.now,
      reason: reason ?? (code === 0 ? 'Completed' : 'Error'),
    });
    this.exitListener(c);
  }

  /** kill ends a running container with SIGKILL (a learner's fault injection): exit 137. */
  kill(id: string): boolean {
    const c = this.containers.get(id);
    if (!c || c.state !== 'running') return false;
    this.exit(c, EXIT_SIGKILL);
    return true;
  }

  /**
   * stopContainer sends SIGTERM: a server exits at once (0); a shell or sleep running as PID 1
   * ignores it and is killed (137) when the grace period runs out.
   */
  stopContainer(
    id: string,
    graceSeconds: number,
    done: (c: RuntimeContainer | undefined) => void,
  ): void {
    const c = this.containers.get(id);
    const wait = c?.handlesSigterm
      ? RUNTIME_TIMING.stop
      : Math.max(RUNTIME_TIMING.stop, graceSeconds * 1000);
    this.clock.schedule(wait, () => {
      if (c && c.state === 'running') {
        this.processes.get(c.id)?.cancel?.();
        this.processes.delete(c.id);
        const code = c.handlesSigterm ? 0 : EXIT_SIGKILL;
        Object.assign(c, {
          state: 'exited',
          exitCode: code,
          finishedAt: this.clock.now,
          reason: code === 0 ? 'Completed' : 'Error',
        });
      }
      done(c);
    });
  }

  /** powerOff: the machine stops, and every process with it. */
  powerOff(): void {
    for (const process of this.processes.values()) process.cancel?.();
    this.processes.clear();
    this.containers.clear();
    this.sandboxes.clear();
    this.retired.clear();
  }

  private shell(container: RuntimeContainer): ShellContext {
    const network = this.network;
    return {
      now: () => new Date(this.clock.now).toUTCString(),
      files: container.files,
      env: () => network(container)?.env() ?? container.env ?? [],
      tools: imageTools(container.image),
      get network() {
        return network(container);
      },
    };
  }

  /**
   * exec runs a command inside a running container (exec probes, kubectl exec). A command the
   * image does not have fails before it starts, with containerd's error naming the exec process.
   */
  exec(id: string, argv: string[]): ExecResult | undefined {
    const c = this.containers.get(id);
    if (!c || c.state !== 'running') return undefined;
    const { startError, ...result } = execOnce(argv, this.shell(c));
    if (startError === undefined) return result;
    return {
      ...result,
      error: `failed to exec in container: failed to start exec "${this.newId()}": ${startError}`,
    };
  }

  /** listening tells whether a running container accepts TCP connections on port. */
  listening(id: string, port: number): boolean {
    const c = this.containers.get(id);
    return c?.state === 'running' && c.listens.includes(port);
  }

  /** logsOf returns a container's log lines (oldest first). */
  logsOf(id: string): readonly { time: number; line: string }[] {
    return this.containers.get(id)?.logs ?? [];
  }

  removePod(podUid: string): void {
    this.sandboxes.delete(podUid);
    for (const [id, c] of this.containers) {
      if (c.podUid !== podUid) continue;
      this.processes.get(id)?.cancel?.();
      this.processes.delete(id);
      this.containers.delete(id);
    }
  }

  /**
   * retire keeps an exited container as its successor's "previous" instance (for logs
   * --previous) and forgets the one before it, as the kubelet's container GC does.
   */
  retire(id: string): void {
    const c = this.containers.get(id);
    if (!c) return;
    for (const [otherId, other] of this.containers) {
      if (
        otherId !== id &&
        other.podUid === c.podUid &&
        other.name === c.name &&
        other.state === 'exited' &&
        this.retired.has(otherId)
      ) {
        this.containers.delete(otherId);
        this.retired.delete(otherId);
      }
    }
    this.retired.add(id);
  }

  /** previousOf is the exited instance that came before the given container, if kept. */
  previousOf(id: string | undefined): RuntimeContainer | undefined {
    const c = id ? this.containers.get(id) : undefined;
    if (!c) return undefined;
    return [...this.containers.values()].find(
      (o) => o.id !== id && o.podUid === c.podUid && o.name === c.name && this.retired.has(o.id),
    );
  }

  containersOf(podUid: string): RuntimeContainer[] {
    return [...this.containers.values()].filter((c) => c.podUid === podUid);
  }

  private newId(): string {
    return this.rng.string(64, '0123456789abcdef');
  }
}

function imageDigestRef(reference: string): string {
  const repository = reference.split(/[:@](?=[^/]*$)/)[0]!;
  return `${repository}@${imageDigest(reference)}`;
}
