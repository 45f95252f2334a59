import type { Clock, Task } from './clock';
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
 * A Message is one message in flight, queued on the clock as itself (no closure around it).
 * Its hop is described only when someone keeps or watches hops: a benchmark builds none.
 */
export abstract class Message implements Task {
  time = 0;
  seq = 0;
  readonly background = false;
  /** the hop as it was when sent, if hops were observed then */
  draft?: HopDraft;
  /** the transport carrying it, set by Transport.post */
  transport?: Transport;

  /** describe is the hop this message makes: who sends what to whom. */
  abstract describe(): HopDraft;

  /** deliver hands the message to its receiver and returns what the hop learned (an etcd revision). */
  abstract deliver(): Partial<Hop> | void;

  run(): void {
    this.transport!.arrive(this);
  }
}

/** A CallbackMessage is a message described up front, delivered by a callback. */
class CallbackMessage extends Message {
  constructor(
    private readonly hop: HopDraft,
    private readonly onDeliver: () => Partial<Hop> | void,
  ) {
    super();
  }

  describe(): HopDraft {
    return this.hop;
  }

  deliver(): Partial<Hop> | void {
    return this.onDeliver();
  }
}

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
    this.post(new CallbackMessage(draft, deliver), latencyMs);
  }

  /**
   * post sends a message. Its hop is described now if hops are observed (so it shows the world
   * as it was sent), otherwise only if someone starts watching before it arrives.
   */
  post(message: Message, latencyMs: number): void {
    if (this.log.observed) message.draft = message.describe();
    message.transport = this;
    this.clock.postTask(latencyMs, message);
  }

  /** arrive delivers a message that has come due and records its hop. */
  arrive(message: Message): void {
    const learned = message.deliver();
    this.log.record(message, this.clock.now, learned);
  }
}
