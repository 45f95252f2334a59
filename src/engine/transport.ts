import type { Clock } from './clock';
import type { Hop, HopDraft, HopLog } from './hops';

/** Simulated one-way latencies, in milliseconds, of the messages components exchange. */
export const LATENCY = {
  /** a client's HTTPS request reaching kube-apiserver */
  request: 2,
  /** kube-apiserver's transaction reaching etcd */
  storage: 1,
  /** a watch event travelling from kube-apiserver's watch cache to a watcher */
  watch: 1,
  /** the kubelet's gRPC call reaching the container runtime on the same node */
  cri: 1,
} as const;

/**
 * Transport delivers messages between components. Each delivery is a hop: it is recorded after
 * the receiver has handled it, with whatever the receiver learned (an etcd revision).
 */
export class Transport {
  constructor(
    private readonly clock: Clock,
    private readonly log: HopLog,
  ) {}

  send(draft: HopDraft, latencyMs: number, deliver: () => Partial<Hop> | void): void {
    this.clock.post(latencyMs, () => this.log.record(draft, this.clock.now, deliver()));
  }
}
