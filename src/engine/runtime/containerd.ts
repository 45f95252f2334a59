import type { Clock, Random } from '../clock';
import { findImage, imageDigest, normalizeImage } from './images';

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
}

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

  constructor(
    readonly node: string,
    private readonly clock: Clock,
    private readonly rng: Random,
  ) {}

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
    const durationMs =
      RUNTIME_TIMING.pullLatency + Math.round(info.sizeBytes / RUNTIME_TIMING.pullBytesPerMs);
    this.clock.schedule(durationMs, () => {
      const ref = imageDigestRef(reference);
      this.images.set(reference, { ref, size: info.sizeBytes });
      done({ ok: true, imageRef: ref, sizeBytes: info.sizeBytes, durationMs });
    });
  }

  createContainer(
    podUid: string,
    name: string,
    image: string,
    done: (c: RuntimeContainer) => void,
  ): void {
    const { reference } = normalizeImage(image);
    const container: RuntimeContainer = {
      id: this.newId(),
      podUid,
      name,
      image: reference,
      imageRef: this.images.get(reference)?.ref ?? imageDigestRef(reference),
      state: 'created',
    };
    this.clock.schedule(RUNTIME_TIMING.create, () => {
      this.containers.set(container.id, container);
      done(container);
    });
  }

  startContainer(id: string, done: (c: RuntimeContainer) => void): void {
    this.clock.schedule(RUNTIME_TIMING.start, () => {
      const c = this.containers.get(id);
      if (!c) return;
      c.state = 'running';
      c.startedAt = this.clock.now;
      done(c);
    });
  }

  /** stopContainer sends SIGTERM; the processes we model exit promptly (exit code 0). */
  stopContainer(id: string, done: (c: RuntimeContainer | undefined) => void): void {
    this.clock.schedule(RUNTIME_TIMING.stop, () => {
      const c = this.containers.get(id);
      if (c && c.state === 'running') {
        c.state = 'exited';
        c.exitCode = 0;
        c.finishedAt = this.clock.now;
      }
      done(c);
    });
  }

  removePod(podUid: string): void {
    this.sandboxes.delete(podUid);
    for (const [id, c] of this.containers) if (c.podUid === podUid) this.containers.delete(id);
  }

  containersOf(podUid: string): RuntimeContainer[] {
    return [...this.containers.values()].filter((c) => c.podUid === podUid);
  }

  private newId(): string {
    let id = '';
    for (let i = 0; i < 64; i++) id += this.rng.int(16).toString(16);
    return id;
  }
}

function imageDigestRef(reference: string): string {
  const repository = reference.split(/[:@](?=[^/]*$)/)[0]!;
  return `${repository}@${imageDigest(reference)}`;
}
